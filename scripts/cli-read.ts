// Reading report files for the CLI: by extension or content (.txt, .html, .docx, .pdf). UnreadableError
// carries the user's message for a file that is not a report (exit 2); UsageError a wrong command line.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { importReport, ImportFormatError, type ImportResult } from "@/lib/domain/import/import-report";
import { readPdfPages } from "@/lib/server/documents/pdf-text";

export class UsageError extends Error {}
export class UnreadableError extends Error {}

/** Reads a file as a report (by extension or content); UnreadableError when it is not one. */
export async function readReportFile(path: string): Promise<ImportResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (err) {
    throw new UnreadableError(
      `无法读取文件 ${path}：${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  try {
    const result = await importReport({ docx: bytes, fileName: basename(path), readPdf: readPdfPages });
    if (!result.recognised)
      throw new UnreadableError(`${path} 不是可识别的年度报告：未找到任何章节标题或统计表。`);
    return result;
  } catch (err) {
    if (err instanceof ImportFormatError) throw new UnreadableError(`${path}：${err.message}`);
    throw err;
  }
}
