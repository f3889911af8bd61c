import "server-only";
import { importReport, ImportFormatError, type ImportResult } from "@/lib/domain/import/import-report";
import { MAX_PDF_BYTES, MAX_PDF_MESSAGE } from "@/lib/domain/import/limits";
import { fail } from "../platform/action";
import type { Actor } from "../auth/actor";
import { assertCan, NOT_FOUND_MESSAGE } from "../auth/authorize";
import { db as defaultDb, type Db } from "../platform/db";
import { readPdfPages } from "./pdf-text";

// 「导入文件」 for a PDF: the browser reads .docx/.html/.txt itself, but pdf.js runs here, so the editor sends a
// PDF to POST /workspace/reports/new/pdf and gets back the same ImportResult the browser importers give. Nothing
// is stored: the author then sees the confirmation screen and creates the report as for any other file.

export { MAX_PDF_BYTES, MAX_PDF_MESSAGE };

export interface PdfUpload {
  orgId: string;
  year: number;
  fileName: string;
  bytes: Uint8Array;
}

/** Reads an uploaded PDF as the body's report for `year`; INVALID_INPUT with the importer's refusal otherwise. */
export async function readUploadedPdf(
  actor: Actor,
  upload: PdfUpload,
  db: Db = defaultDb,
): Promise<ImportResult> {
  await assertCan(actor, "report.create", upload.orgId, db);
  const org =
    (await db.organization.findUnique({ where: { id: upload.orgId }, select: { name: true } })) ??
    fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  if (upload.bytes.length > MAX_PDF_BYTES) fail("INVALID_INPUT", MAX_PDF_MESSAGE);
  try {
    return await importReport(
      { docx: upload.bytes, fileName: upload.fileName || "上传文件.pdf", readPdf: readPdfPages },
      { bodyName: org.name, year: upload.year },
    );
  } catch (err) {
    if (err instanceof ImportFormatError) return fail("INVALID_INPUT", err.message);
    throw err;
  }
}
