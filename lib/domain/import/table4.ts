// Reads table 四 (行政复议、行政诉讼): three header rows, then one row of 15 values in the format's column
// order. The value row has no label, so it starts at the first printed value — or at the start of that
// value's line when the line opens with blank cells (a blank first cell is a printed zero).
import { T4_COLUMNS, T4_GROUPS, T4_LITIGATION_HEADING, T4_OUTCOMES, T4_ROW_KEY } from "../format";
import { labelKey } from "./labels";
import type { TableReading } from "./table-reading";
import { isBlank, isPrintedValue, takeValues, type Token } from "./table-tokens";

const HEADERS = new Set(
  [...T4_GROUPS.map((g) => g.label), T4_LITIGATION_HEADING, ...T4_OUTCOMES.map((o) => o.label)].map(labelKey),
);

/** A header wrapped over lines in a PDF copy: 「结果」 over 「维持」, 「尚未」 over 「审结」. */
const isHeaderPiece = (key: string) => key.length >= 2 && [...HEADERS].some((h) => h.includes(key));

export function readTable4(tokens: readonly Token[], reading: TableReading): void {
  let i = 0;
  for (; i < tokens.length && !isPrintedValue(tokens[i]); i++) {
    const t = tokens[i]!;
    if (HEADERS.has(t.key) || isHeaderPiece(t.key)) reading.recognise(t);
    else if (!isBlank(t)) reading.unplace([t], "表四表头中无法识别的文字");
  }
  if (i >= tokens.length) return;
  const { values, next } = takeValues(tokens, valueRowStart(tokens, i), T4_COLUMNS.length);
  T4_COLUMNS.forEach((col, j) => {
    const value = values[j];
    if (value) reading.write({ table: "t4", row: T4_ROW_KEY, col: col.key }, value);
  });
  const rest = tokens.slice(next).filter((t) => !isBlank(t));
  if (rest.length > 0) reading.unplace(rest, "表四之后无法识别的文字");
}

/** Backs up over blank cells that open the first value's own line: they are part of the value row. */
function valueRowStart(tokens: readonly Token[], first: number): number {
  const lineStart = tokens[first]!.lineStart;
  for (let j = lineStart; j < first; j++) if (!isBlank(tokens[j])) return first;
  return lineStart;
}
