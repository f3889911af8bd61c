// A Word (.docx) report → HTML with mammoth (paragraphs, tables with merged cells as rowspan/colspan) → the HTML
// importer. Images (seals, signatures) are dropped by mammoth's converter here: they carry no report text.
import mammoth from "mammoth";
import type { ImportOptions } from "./assemble";
import { importHtml } from "./html";
import type { ImportResult } from "./import-log";

export async function docxToHtml(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const arrayBuffer = new Uint8Array(bytes).buffer;
  // mammoth's browser build reads `arrayBuffer`, its Node build `buffer`; JSZip underneath accepts either form.
  const input = { arrayBuffer, buffer: arrayBuffer } as unknown as { arrayBuffer: ArrayBuffer };
  const convertImage = mammoth.images.imgElement(async () => ({ src: "" }));
  const { value } = await mammoth.convertToHtml(input, { convertImage });
  return value;
}

export async function importDocx(
  bytes: ArrayBuffer | Uint8Array,
  options?: ImportOptions,
): Promise<ImportResult> {
  return importHtml(await docxToHtml(bytes), options);
}
