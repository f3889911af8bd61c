"use client";

import { useState } from "react";
import type { Finding } from "@/lib/domain/findings";
import type { ImportResult } from "@/lib/domain/import/import-report";
import { MAX_PDF_BYTES, MAX_PDF_MESSAGE } from "@/lib/domain/import/limits";
import { checkReport } from "@/lib/domain/rules";
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

/** The server's reading of a PDF; its refusals (scan, damaged, too large) carry the user's message. */
async function readPdfOnServer(file: File, orgId: string, year: number): Promise<ImportResult> {
  if (file.size > MAX_PDF_BYTES) throw new ReadRefused(MAX_PDF_MESSAGE);
  const form = new FormData();
  form.set("orgId", orgId);
  form.set("year", String(year));
  form.set("file", file);
  const response = await fetch("/workspace/reports/new/pdf", { method: "POST", body: form });
  const body = (await response.json().catch(() => null)) as
    { ok: true; result: ImportResult } | { ok: false; message: string } | null;
  if (body?.ok) return body.result;
  throw new ReadRefused(body?.message ?? "无法读取该PDF文件。");
}

async function readReport(file: File, orgId: string, orgName: string, year: number): Promise<ReadFile> {
  const result = isPdf(file)
    ? await readPdfOnServer(file, orgId, year)
    : await (async () => {
        const { importReport } = await import("@/lib/domain/import/import-report");
        const bytes = new Uint8Array(await file.arrayBuffer());
        return importReport({ docx: bytes, fileName: file.name }, { bodyName: orgName, year });
      })();
  const content = { ...result.report, meta: { ...result.report.meta, year } };
  return { fileName: file.name, result, checks: checkReport(content, { importFindings: result.findings }) };
}

export function ImportPanel({ orgId, orgName, year, pending, onConfirm }: Props) {
  const [read, setRead] = useState<ReadFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function choose(file: File | undefined) {
    setRead(null);
    setError(null);
    if (!file) return;
    setBusy(true);
    try {
      setRead(await readReport(file, orgId, orgName, year));
    } catch (err) {
      setError(
        err instanceof Error && err.name === "ImportFormatError"
          ? err.message
          : "无法读取该文件，请确认是年报的Word、PDF、网页或文本文件。",
      );
    } finally {
      setBusy(false);
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
      {busy && <p role="status">正在读取文件…</p>}
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
