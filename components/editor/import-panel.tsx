"use client";

import { useState } from "react";
import type { Finding } from "@/lib/domain/findings";
import type { ImportResult } from "@/lib/domain/import/import-report";
import { checkReport } from "@/lib/domain/rules";
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

async function readReport(file: File, orgName: string, year: number): Promise<ReadFile> {
  const { importReport } = await import("@/lib/domain/import/import-report");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await importReport({ docx: bytes, fileName: file.name }, { bodyName: orgName, year });
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
      setRead(await readReport(file, orgName, year));
    } catch (err) {
      setError(
        err instanceof Error && err.name === "ImportFormatError"
          ? err.message
          : "无法读取该文件，请确认是年报的Word、网页或文本文件。",
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
          accept=".docx,.html,.htm,.txt"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <p className="field__hint">支持 .docx、.html、.txt；旧版 .doc 请先在Word中另存为 .docx。</p>
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
