// One entry point for an uploaded or pasted report: picks the importer by file extension, else by content (a
// ZIP signature is .docx, markup is HTML, anything else plain text). Async because reading .docx is.
import type { ImportOptions } from "./assemble";
import { importDocx } from "./docx";
import { importHtml } from "./html";
import type { ImportResult } from "./import-log";
import { importText } from "./text";

export type { ImportResult };

export interface ImportInput {
  text?: string;
  html?: string;
  /** File bytes: a .docx, or a saved .html/.txt page (UTF-8 or GB18030, as older government sites use). */
  docx?: Uint8Array;
  fileName?: string;
}

/** A file that is not a report this app can read (.doc, PDF, nothing at all). The message is for the user. */
export class ImportFormatError extends Error {
  constructor(
    readonly code: "UNSUPPORTED_FORMAT" | "EMPTY",
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

/** Throws ImportFormatError for .doc, PDF and empty input; everything else yields a result with findings. */
export async function importReport(input: ImportInput, options?: ImportOptions): Promise<ImportResult> {
  const ext = extensionOf(input.fileName);
  const bytes = input.docx;
  if (bytes && bytes.length > 0) {
    if (startsWith(bytes, ZIP)) return importDocx(bytes, options);
    if (ext === "doc" || startsWith(bytes, OLE)) {
      throw new ImportFormatError(
        "UNSUPPORTED_FORMAT",
        "暂不支持Word 97-2003（.doc）文件，请在Word中另存为.docx后再导入。",
      );
    }
    if (ext === "pdf" || startsWith(bytes, PDF)) {
      throw new ImportFormatError(
        "UNSUPPORTED_FORMAT",
        "暂不支持PDF文件，请导入Word（.docx）、网页或文本文件。",
      );
    }
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
