// One entry point for an uploaded or pasted report: picks the importer by file extension, else by content (a
// ZIP signature is .docx, %PDF a PDF, markup is HTML, anything else plain text). Async because reading .docx
// and PDF is. PDF text comes from a reader the caller passes in (pdf.js on the server and in the CLI).
import { importLines, type ImportOptions } from "./assemble";
import { importHtml } from "./html";
import type { ImportResult } from "./import-log";
import { hasTextLayer, pdfPagesToLines, type PdfPage } from "./pdf-layout";
import { importText } from "./text";

export type { ImportResult };

export interface ImportInput {
  text?: string;
  html?: string;
  /** File bytes: a .docx, or a saved .html/.txt page (UTF-8 or GB18030, as older government sites use). */
  docx?: Uint8Array;
  fileName?: string;
  /** Reads a PDF's positioned text and rules; without it a PDF is refused (the browser sends PDFs to the server). */
  readPdf?: (bytes: Uint8Array) => Promise<PdfPage[]>;
}

/** A file that is not a report this app can read (.doc, a scanned PDF, nothing at all). The message is for the user. */
export class ImportFormatError extends Error {
  constructor(
    readonly code: "UNSUPPORTED_FORMAT" | "EMPTY" | "NO_TEXT_LAYER",
    message: string,
  ) {
    super(message);
    this.name = "ImportFormatError";
  }
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46];
const MARKUP = /<\s*(?:!doctype|html|body|article|table|div|p)\b/i;

const extensionOf = (fileName?: string) => /\.([a-z0-9]+)$/i.exec(fileName ?? "")?.[1]?.toLowerCase() ?? "";

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** A .docx; a ZIP that is not one (a spreadsheet, a damaged file) is refused with a message. */
async function importWord(bytes: Uint8Array, options?: ImportOptions): Promise<ImportResult> {
  // Loaded on demand: most checks never read Word files.
  const { docxToHtml } = await import("./docx");
  let html: string;
  try {
    html = await docxToHtml(bytes);
  } catch {
    throw new ImportFormatError(
      "UNSUPPORTED_FORMAT",
      "无法读取该文件：不是Word（.docx）文档，或文件已损坏。",
    );
  }
  return importHtml(html, options);
}

export const NO_TEXT_LAYER_MESSAGE = "此PDF没有文字层（扫描件），无法检查。";

/** A PDF through its text layer: positions → lines → the common importer. */
async function importPdf(
  bytes: Uint8Array,
  readPdf: ImportInput["readPdf"],
  options?: ImportOptions,
): Promise<ImportResult> {
  if (!readPdf)
    throw new ImportFormatError(
      "UNSUPPORTED_FORMAT",
      "此处无法读取PDF文件，请导入Word（.docx）、网页或文本文件。",
    );
  let pages: PdfPage[];
  try {
    pages = await readPdf(bytes);
  } catch {
    throw new ImportFormatError("UNSUPPORTED_FORMAT", "无法读取该PDF文件（文件已损坏或设有密码）。");
  }
  if (!hasTextLayer(pages)) throw new ImportFormatError("NO_TEXT_LAYER", NO_TEXT_LAYER_MESSAGE);
  return importLines(pdfPagesToLines(pages), options);
}

/** Throws ImportFormatError for .doc, unreadable or scanned PDF and empty input; else a result with findings. */
export async function importReport(input: ImportInput, options?: ImportOptions): Promise<ImportResult> {
  const ext = extensionOf(input.fileName);
  const bytes = input.docx;
  if (bytes && bytes.length > 0) {
    // Loaded on demand: the Word reader is the largest importer and most checks never need it.
    if (startsWith(bytes, ZIP)) return importWord(bytes, options);
    if (ext === "doc" || startsWith(bytes, OLE)) {
      throw new ImportFormatError(
        "UNSUPPORTED_FORMAT",
        "暂不支持Word 97-2003（.doc）文件，请在Word中另存为.docx后再导入。",
      );
    }
    if (startsWith(bytes, PDF)) return importPdf(bytes, input.readPdf, options);
    if (ext === "pdf") throw new ImportFormatError("UNSUPPORTED_FORMAT", "该文件不是有效的PDF文件。");
    return importString(decodeText(bytes), ext, options);
  }
  if (input.html !== undefined && input.html.trim() !== "") return importHtml(input.html, options);
  return importString(input.text ?? "", ext, options);
}

function importString(text: string, ext: string, options?: ImportOptions): ImportResult {
  if (text.trim() === "") throw new ImportFormatError("EMPTY", "没有可导入的内容。");
  const isHtml = ext === "html" || ext === "htm" || (ext !== "txt" && MARKUP.test(text));
  return isHtml ? importHtml(text, options) : importText(text, options);
}
