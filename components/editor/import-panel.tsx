"use client";

import { useState } from "react";
import type { Finding } from "@/lib/domain/findings";
import type { ImportResult } from "@/lib/domain/import/import-report";
import type { Progress } from "@/lib/domain/progress";
import { checkReport } from "@/lib/domain/rules";
import { ImportProgress } from "./import-progress";
import { ImportSummary } from "./import-summary";
import type { CreateInput } from "./types";

// Reading an uploaded report in the browser with the format's importers (the same ones the CLI uses), then the
// confirmation screen; nothing is saved before the author confirms. The importers load only when needed.

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

type OnProgress = (p: Progress) => void;
const STEPS = 4;
/** Lets the browser paint the progress bar before the next (synchronous) stretch of work. */
const paint = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The file's bytes, reporting how much of it has been read (large files take a while from slow disks). */
function readBytes(file: File, onProgress: OnProgress): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    const step = (within: number) => onProgress({ step: 1, total: STEPS, label: "读取文件", within });
    reader.onprogress = (e) => step(e.lengthComputable && e.total > 0 ? e.loaded / e.total : 0);
    reader.onload = () => {
      step(1);
      resolve(new Uint8Array(reader.result as ArrayBuffer));
    };
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsArrayBuffer(file);
  });
}

async function readReport(
  file: File,
  orgName: string,
  year: number,
  onProgress: OnProgress,
): Promise<ReadFile> {
  const bytes = await readBytes(file, onProgress);
  onProgress({ step: 2, total: STEPS, label: "加载导入程序", within: null });
  const { importReport } = await import("@/lib/domain/import/import-report");
  onProgress({ step: 3, total: STEPS, label: "识别章节和表格", within: null });
  await paint();
  const result = await importReport({ docx: bytes, fileName: file.name }, { bodyName: orgName, year });
  onProgress({ step: 4, total: STEPS, label: "检查勾稽关系", within: null });
  await paint();
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
    setProgress({ step: 1, total: STEPS, label: "读取文件", within: 0 });
    try {
      setRead(await readReport(file, orgName, year, setProgress));
    } catch (err) {
      setError(
        err instanceof Error && err.name === "ImportFormatError"
          ? err.message
          : "无法读取该文件，请确认是年报的Word、网页或文本文件。",
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
          accept=".docx,.html,.htm,.txt"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <p className="field__hint">支持 .docx、.html、.txt；旧版 .doc 请先在Word中另存为 .docx。</p>
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
