// A table in the source, whatever its layout (`|` rows, tab rows, one cell per line, HTML rows), becomes one
// stream of cell tokens; the table readers walk that stream by label, so split header rows, padding cells and
// line breaks inside rows stop mattering.
import type { TableKey } from "../format";
import { labelKey, readCellToken, splitNumbering, type CellToken } from "./labels";
import type { SourceLine } from "./source-lines";

export interface Token {
  text: string;
  /** labelKey(text): what labels are compared by. */
  key: string;
  /** Non-null when the text can be a value (a number, a zero placeholder, or blank). */
  cell: CellToken | null;
  line: number;
  /** Index of the first token of the same source line. */
  lineStart: number;
  /** Display-column centre, for rows split at spaces (see SourceLine.centers). */
  center?: number;
}

export function tokenize(lines: readonly SourceLine[], from: number, to: number): Token[] {
  const tokens: Token[] = [];
  for (let line = from; line < to; line++) {
    const lineStart = tokens.length;
    const { cells, centers } = lines[line]!;
    cells.forEach((text, k) => {
      const token: Token = { text, key: labelKey(text), cell: readCellToken(text), line, lineStart };
      if (centers?.[k] !== undefined) token.center = centers[k];
      tokens.push(token);
    });
  }
  return tokens;
}

export const isBlank = (t: Token | undefined) => t?.cell?.kind === "blank";
/** A value actually printed (a number or a placeholder), as opposed to an empty cell. */
export const isPrintedValue = (t: Token | undefined) => t?.cell != null && t.cell.kind !== "blank";

/** The next index at or after `from` that is not a blank cell. */
export function skipBlanks(tokens: readonly Token[], from: number): number {
  let i = from;
  while (isBlank(tokens[i])) i++;
  return i;
}

/** Whether a label at `i` is followed by a printed value (blank padding between them allowed). */
export function hasValuesAfter(tokens: readonly Token[], i: number): boolean {
  return isPrintedValue(tokens[skipBlanks(tokens, i + 1)]);
}

/**
 * The values of a row starting at `from`: up to `count` tokens that can be values, blank cells included (a
 * blank inside a row is a printed zero), stopping early at a label or at the end (a page cut off early).
 */
export function takeValues(
  tokens: readonly Token[],
  from: number,
  count: number,
): { values: Token[]; next: number } {
  const values: Token[] = [];
  let i = from;
  while (values.length < count && tokens[i]?.cell != null) values.push(tokens[i++]!);
  return { values, next: i };
}

const T2_HEADING = /^第二十条第\(([一二三四五六七八九十]+)\)项$/;

/** 「第二十条第（一）项」 → its block ordinal (1, 5, 6, 8; 9 in the 2019 trial template). */
export function t2BlockOrdinal(key: string): number | null {
  const m = T2_HEADING.exec(key);
  return m ? splitNumbering(`(${m[1]})`).ordinal : null;
}

/** Which table a line opens, judged by its first non-blank cell; null for anything else. */
export function tableStartOf(line: SourceLine): TableKey | null {
  const first = labelKey(line.cells.find((c) => c.trim() !== "") ?? "");
  if (t2BlockOrdinal(first) !== null || first === "信息内容") return "t2";
  if (first === "申请人情况" || (first.includes("勾稽关系") && first.length <= 60)) return "t3";
  if (splitNumbering(first).rest.startsWith("本年新收政府信息公开申请")) return "t3";
  if (first === "行政复议" || labelKey(line.text) === "行政复议行政诉讼") return "t4";
  return null;
}

/** A line of running prose rather than a table cell: a sentence or a long line. */
export function isProse(line: SourceLine): boolean {
  return !line.isRow && (line.text.includes("。") || labelKey(line.text).length > 60);
}

/**
 * Where the table region that starts at `start` ends (exclusive): at a boundary the caller recognises (a
 * section heading), at another table's start, or at prose. The reader may stop earlier; see TableReading.
 */
export function tableRegionEnd(
  lines: readonly SourceLine[],
  start: number,
  table: TableKey,
  isBoundary: (line: SourceLine) => boolean,
): number {
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const other = tableStartOf(line);
    if ((other !== null && other !== table) || isBoundary(line) || isProse(line)) return i;
  }
  return lines.length;
}
