// Plain text as copied from a published report page (the seed's form and every quirk of docs/format.md §7).
import { importLines, type ImportOptions } from "./assemble";
import type { ImportResult } from "./import-log";
import { textToLines } from "./source-lines";

export function importText(text: string, options?: ImportOptions): ImportResult {
  return importLines(textToLines(text), options);
}
