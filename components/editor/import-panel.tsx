"use client";

import { useState } from "react";
import type { Finding } from "@/lib/domain/findings";
import type { ImportResult } from "@/lib/domain/import/import-report";
import { MAX_PDF_BYTES, MAX_PDF_MESSAGE } from "@/lib/domain/import/limits";
import type { Progress } from "@/lib/domain/progress";
import { checkReport } from "@/lib/domain/rules/check-report";
import { ImportProgress } from "./import-progress";
import { ImportSummary } from "./import-summary";
import type { CreateInput } from "./types";

// Reading an uploaded report in the browser with the format's importers (the same ones the CLI uses), then the
// confirmation screen; nothing is saved before the author confirms. The importers load only when needed. A PDF
// is read on the server (POST /workspace/reports/new/pdf, pdf.js there) and comes back as the same result.

interface Props {
  orgId: string;
  orgName: string;
  year: number;
  pending: boolean;
  onConfirm(input: CreateInput): void;
}

export interface ReadFile {
  fileName: string;
  result: ImportResult;
  checks: Finding[];
}

class ReadRefused extends Error {
  name = "ImportFormatError";
}

const isPdf = (file: File) => file.type === "application/pdf" || /\.pdf$/i.test(file.name);

type OnProgress = (p: Progress) => void;
/** Lets the browser paint the progress bar before the next (synchronous) stretch of work. */
const paint = () => new Promise((resolve) => setTimeout(resolve, 0));
const fractionOf = (e: ProgressEvent) => (e.lengthComputable && e.total > 0 ? e.loaded / e.total : 0);

/** POSTs the form, reporting the upload's progress (fetch cannot); resolves with the parsed JSON or null. */
function postWithProgress(url: string, form: FormData, onUpload: (within: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => onUpload(fractionOf(e));
    xhr.onload = () => resolve(xhr.response);
    xhr.onerror = () => reject(new Error("upload failed"));
    xhr.send(form);
  });
}

/** The server's reading of a PDF; its refusals (scan, damaged, too large) carry the user's message. */
async function readPdfOnServer(
  file: File,
  orgId: string,
  year: number,
  onProgress: OnProgress,
): Promise<ImportResult> {
  if (file.size > MAX_PDF_BYTES) throw new ReadRefused(MAX_PDF_MESSAGE);
  const form = new FormData();
  form.set("orgId", orgId);
  form.set("year", String(year));
  form.set("file", file);
  const upload = (within: number) => {
    const done = within >= 1;
    onProgress(
      done
        ? { step: 2, total: 3, label: "服务器识别章节和表格", within: null }
        : { step: 1, total: 3, label: "上传文件", within },
    );
  };
  upload(0);
  const body = (await postWithProgress("/workspace/reports/new/pdf", form, upload)) as
    { ok: true; result: ImportResult } | { ok: false; message: string } | null;
  onProgress({ step: 3, total: 3, label: "检查勾稽关系", within: null });
  if (body?.ok) return body.result;
  throw new ReadRefused(body?.message ?? "无法读取该PDF文件。");
}

/** The file's bytes, reporting how much of it has been read (large files take a while from slow disks). */
function readBytes(file: File, onProgress: OnProgress): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    const step = (within: number) => onProgress({ step: 1, total: 4, label: "读取文件", within });
    reader.onprogress = (e) => step(fractionOf(e));
    reader.onload = () => {
      step(1);
      resolve(new Uint8Array(reader.result as ArrayBuffer));
    };
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsArrayBuffer(file);
  });
}

/** Word, web pages and text are read here in the browser, in counted steps. */
async function readInBrowser(
  file: File,
  orgName: string,
  year: number,
  onProgress: OnProgress,
): Promise<ImportResult> {
  const bytes = await readBytes(file, onProgress);
  onProgress({ step: 2, total: 4, label: "加载导入程序", within: null });
  const { importReport } = await import("@/lib/domain/import/import-report");
  onProgress({ step: 3, total: 4, label: "识别章节和表格", within: null });
  await paint();
  const result = await importReport({ docx: bytes, fileName: file.name }, { bodyName: orgName, year });
  onProgress({ step: 4, total: 4, label: "检查勾稽关系", within: null });
  await paint();
  return result;
}

async function readReport(
  file: File,
  orgId: string,
  orgName: string,
  year: number,
  onProgress: OnProgress,
): Promise<ReadFile> {
  const result = isPdf(file)
    ? await readPdfOnServer(file, orgId, year, onProgress)
    : await readInBrowser(file, orgName, year, onProgress);
  const content = { ...result.report, meta: { ...result.report.meta, year } };
  return { fileName: file.name, result, checks: checkReport(content, { importFindings: result.findings }) };
}

export function ImportPanel({ orgId, orgName, year, pending, onConfirm }: Props) {
  const [read, setRead] = useState<ReadFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  async function choose(file: File | undefined) {
    setRead(null);
    setError(null);
    if (!file) return;
    setProgress({
      step: 1,
      total: isPdf(file) ? 3 : 4,
      label: isPdf(file) ? "上传文件" : "读取文件",
      within: 0,
    });
    try {
      setRead(await readReport(file, orgId, orgName, year, setProgress));
    } catch (err) {
      setError(
        err instanceof Error && err.name === "ImportFormatError"
          ? err.message
          : "无法读取该文件，请确认是年报的Word、PDF、网页或文本文件。",
      );
    } finally {
      setProgress(null);
    }
  }
  return (
    <div className="import-panel">
      <div className="field">
        <label htmlFor="import-file">选择文件</label>
        <input
          id="import-file"
          type="file"
          accept=".docx,.pdf,.html,.htm,.txt"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <p className="field__hint">
          支持 .docx、.pdf、.html、.txt；旧版 .doc 请先在Word中另存为 .docx；扫描件PDF（没有文字层）无法读取。
        </p>
      </div>
      {progress && <ImportProgress progress={progress} />}
      {error && (
        <p className="form__alert" role="alert">
          {error}
        </p>
      )}
      {read && (
        <ImportSummary
          read={read}
          orgName={orgName}
          year={year}
          pending={pending}
          onCancel={() => setRead(null)}
          onConfirm={() =>
            onConfirm({
              source: "import",
              orgId,
              year,
              content: read.result.report,
              findings: read.result.findings,
              fileName: read.fileName,
            })
          }
        />
      )}
    </div>
  );
}
