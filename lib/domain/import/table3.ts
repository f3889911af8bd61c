// Reads table 三 (收到和处理政府信息公开申请情况): header cells first, then 25 rows of 7 values, each row found
// by its label (numbering and punctuation ignored), with the result group as context for the short item labels
// (「3.其他」 exists only under （六）). Rows without a recognisable label fall back to their position.
import {
  T3_COLUMNS,
  T3_CORNER_NOTE,
  T3_RESULTS_HEADING,
  T3_RESULT_GROUPS,
  T3_ROWS,
  type T3GroupKey,
  type T3RowKey,
} from "../format";
import { IMPORT_RULE } from "./import-log";
import { labelKey, labelSimilarity, splitNumbering } from "./labels";
import type { TableReading } from "./table-reading";
import { hasValuesAfter, isPrintedValue, skipBlanks, takeValues, type Token } from "./table-tokens";

type Match = { kind: "row"; row: T3RowKey } | { kind: "group"; group: T3GroupKey | "results" };

const HEADERS = new Set(
  ["申请人情况", "自然人", "法人或其他组织", ...T3_COLUMNS.map((c) => c.label)].map(labelKey),
);
/** Result groups printed as a heading over their items (no values of their own in the 2021 format). */
const HEADING_GROUPS: Partial<Record<string, T3GroupKey>> = {
  不予公开: "withheld",
  无法提供: "unable",
  不予处理: "notProcessed",
  其他处理: "otherHandling",
};
const ROW_PREFIXES: [string, T3RowKey][] = [
  ["本年新收", "newReceived"],
  ["上年结转", "carriedOver"],
  ["结转下年度", "carriedForward"],
  ["予以公开", "disclosed"],
  ["部分公开", "partial"],
];
const coreOf = (label: string) => splitNumbering(labelKey(label)).rest;
/** Every label printed in table 三: a piece of one is a label wrapped over lines or cells (PDF copies). */
const ALL_LABELS = [
  ...HEADERS,
  labelKey(T3_CORNER_NOTE),
  labelKey(T3_RESULTS_HEADING),
  ...T3_ROWS.map((r) => labelKey(r.label)),
  ...T3_RESULT_GROUPS.map((g) => labelKey(g.label)),
];
const HEADER_TEXTS = [...HEADERS, labelKey(T3_CORNER_NOTE)];
/** A piece of a column header or of the corner note, wrapped over lines (「商业」 / 「企业」). */
const isHeaderPiece = (key: string) => key.length >= 2 && HEADER_TEXTS.some((l) => l.includes(key));
const isLabelPiece = (key: string) => key.length >= 2 && ALL_LABELS.some((l) => l.includes(key));
const ITEM_ROWS = T3_ROWS.filter((r) => r.level === "item");

function matchLabel(key: string, group: T3GroupKey | "results" | null, cutShort = false): Match | null {
  const { rest, style } = splitNumbering(key);
  if (rest.startsWith("本年度办理结果")) return { kind: "group", group: "results" };
  const heading = HEADING_GROUPS[rest];
  if (heading) return { kind: "group", group: heading };
  const prefixed = ROW_PREFIXES.find(([p]) => rest.startsWith(p));
  if (prefixed) return { kind: "row", row: prefixed[1] };
  if (rest === "总计" && (style !== null || group !== null)) return { kind: "row", row: "resultTotal" };
  const items = ITEM_ROWS.filter((r) => coreOf(r.label) === rest);
  const inGroup =
    items.find((r) => "group" in r && r.group === group) ?? (rest === "其他" ? undefined : items[0]);
  if (inGroup) return { kind: "row", row: inGroup.key as T3RowKey };
  // A label cut short where a PDF copy wrapped it (「5.要求行政机关确认或重新出具已获」): the one row it begins.
  if (!cutShort) return null;
  const begun = ITEM_ROWS.filter(
    (r) => "group" in r && r.group === group && rest.length >= 4 && coreOf(r.label).startsWith(rest),
  );
  return begun.length === 1 ? { kind: "row", row: begun[0]!.key as T3RowKey } : null;
}

export function readTable3(tokens: readonly Token[], reading: TableReading): void {
  const header = readHeader(tokens, reading);
  const state: ReadState = { group: null, lastRow: -1, centers: columnCenters(tokens.slice(0, header)) };
  let i = header;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.cell !== null) i = isPrintedValue(t) ? readOrphanValues(tokens, i, state, reading) : i + 1;
    else i = readLabelled(tokens, i, state, reading);
  }
}

interface ReadState {
  group: T3GroupKey | "results" | null;
  /** Index in T3_ROWS of the last row read, for the positional fallback. */
  lastRow: number;
  /** Display-column centres of the seven column headers of a PDF-viewer copy, when all were found. */
  centers: number[] | null;
}

/** Where each column's header sits in a copy split at spaces (「商业」 over 「企业」 counts as 商业企业). */
function columnCenters(header: readonly Token[]): number[] | null {
  const centers = T3_COLUMNS.map(
    (col) =>
      header.find((t) => t.center !== undefined && t.key.length >= 2 && labelKey(col.label).startsWith(t.key))
        ?.center,
  );
  return centers.every((c) => c !== undefined) ? (centers as number[]) : null;
}

/** Every way to choose `k` of `n` columns, left to right. */
function choices(n: number, k: number, from = 0): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let c = from; c <= n - k; c++) for (const rest of choices(n, k - 1, c + 1)) out.push([c, ...rest]);
  return out;
}

/**
 * Values of a row copied from a PDF viewer, where blank cells leave no trace: the values, left to right, go
 * under the column headers nearest them (the left-to-right placement with the least total distance). Null
 * when that is not clear-cut — then the row is left unread, never misplaced.
 */
function alignByPosition(values: readonly Token[], centers: number[] | null): (Token | undefined)[] | null {
  if (!centers || values.some((v) => v.center === undefined)) return null;
  const width = (centers.at(-1)! - centers[0]!) / (centers.length - 1);
  const scored = choices(centers.length, values.length)
    .map((cols) => ({
      cols,
      cost: cols.reduce((sum, c, j) => sum + Math.abs(centers[c]! - values[j]!.center!), 0),
    }))
    .sort((a, b) => a.cost - b.cost);
  const [best, second] = scored;
  const far = best!.cols.some((c, j) => Math.abs(centers[c]! - values[j]!.center!) > width * 0.6);
  if (far || (second && second.cost - best!.cost < width / 2)) return null;
  const placed: (Token | undefined)[] = Array(centers.length).fill(undefined);
  best!.cols.forEach((c, j) => (placed[c] = values[j]));
  return placed;
}

function readLabelled(tokens: readonly Token[], i: number, state: ReadState, reading: TableReading): number {
  const t = tokens[i]!;
  const withValues = hasValuesAfter(tokens, i);
  if (HEADERS.has(t.key) && !withValues) {
    // A column-header row repeated inside the table (converted documents repeat it before 「（七）总计」):
    // skipped, so its bare 「总计」 never opens the total row and takes the next row's first value.
    reading.recognise(t);
    return i + 1;
  }
  if (!withValues && matchLabel(t.key, state.group) === null) {
    const joined = joinWrapped(tokens, i, state, reading);
    if (joined !== null) return joined;
  }
  const match = matchLabel(t.key, state.group, withValues) ?? similarRow(t, state.group, reading, withValues);
  if (match?.kind === "row") {
    const row = T3_ROWS.find((r) => r.key === match.row)!;
    state.group = ("group" in row ? row.group : undefined) ?? state.group;
    return readRow(tokens, i, match.row, state, reading);
  }
  if (!match || withValues) {
    if (match?.group === "otherHandling") {
      // The 2019 trial template has a single （六）其他处理 row: its figures are today's 「3.其他」.
      reading.log.staleSigns.add("表三单行“（六）其他处理”");
      state.group = "otherHandling";
      return readRow(tokens, i, "otherHandling.other", state, reading);
    }
    const { values, next } = takeValues(tokens, skipBlanks(tokens, i + 1), T3_COLUMNS.length);
    const reason = match ? "格式中没有小计行" : "表三中无法识别的行";
    reading.recognise(t, ...values);
    reading.unplace([t, ...values], reason);
    return next;
  }
  state.group = match.group;
  reading.recognise(t);
  return i + 1;
}

/**
 * A label wrapped over lines (PDF copies): this piece and the next one or two pieces together name a row
 * (「1.申请人无正当理由逾期不补正、行政」 + 「机关不再处理其政府信息公开申请 1 0 0 0 0 0 1」), or this piece
 * is part of a label or heading already read (「这一情形，不计其他情形）」, 「结果」). Returns the index after
 * what was read, or null when the piece is no part of any label of the table.
 */
function joinWrapped(
  tokens: readonly Token[],
  i: number,
  state: ReadState,
  reading: TableReading,
): number | null {
  let key = tokens[i]!.key;
  for (let j = i + 1, pieces = 0; j < tokens.length && pieces < 2; j++) {
    const next = tokens[j]!;
    if (next.cell?.kind === "blank") continue;
    if (next.cell !== null) break;
    key += next.key;
    pieces++;
    const match = matchLabel(key, state.group);
    if (match?.kind !== "row" || !hasValuesAfter(tokens, j)) continue;
    const row = T3_ROWS[rowIndex(match.row)]!;
    if (!labelKey(row.label).endsWith(splitNumbering(next.key).rest)) continue;
    state.group = ("group" in row ? row.group : undefined) ?? state.group;
    for (let k = i; k < j; k++) reading.recognise(tokens[k]!);
    return readRow(tokens, j, match.row, state, reading);
  }
  if (!isLabelPiece(tokens[i]!.key)) return null;
  reading.recognise(tokens[i]!);
  return i + 1;
}

const rowIndex = (key: string) => T3_ROWS.findIndex((r) => r.key === key);

/** Skips the column headers (and the corner note); stray text among them is kept as unplaced. */
function readHeader(tokens: readonly Token[], reading: TableReading): number {
  let i = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cell?.kind === "blank") continue;
    if (t.cell === null && (HEADERS.has(t.key) || t.key.includes("勾稽关系"))) reading.recognise(t);
    else if (t.cell === null && !hasValuesAfter(tokens, i) && isHeaderPiece(t.key)) reading.recognise(t);
    else if (t.cell === null && matchLabel(t.key, null) === null && !hasValuesAfter(tokens, i)) {
      reading.unplace([t], "表三表头中无法识别的文字");
    } else break;
  }
  return i;
}

function readRow(
  tokens: readonly Token[],
  i: number,
  row: string,
  state: ReadState,
  reading: TableReading,
): number {
  const { values, next } = takeValues(tokens, i + 1, T3_COLUMNS.length);
  reading.recognise(tokens[i]!);
  state.lastRow = rowIndex(row);
  const printed = values.filter((v) => v.cell?.kind !== "blank");
  if (
    printed.length > 0 &&
    values.length < T3_COLUMNS.length &&
    printed.every((v) => v.center !== undefined)
  ) {
    // A PDF-viewer copy dropped blank cells: place by position, or leave the row unread.
    const aligned = alignByPosition(printed, state.centers);
    const label = T3_ROWS[state.lastRow]!.label;
    if (!aligned) {
      reading.recognise(...values);
      reading.log.warn(
        IMPORT_RULE.incomplete,
        `表三“${label}”行只印出${printed.length}个数值（复制时空白单元格未保留），无法确定各数值所在的列，该行未读取。`,
      );
      return next;
    }
    reading.recognise(...values);
    const at = printed[0]!;
    T3_COLUMNS.forEach((col, j) => {
      // A column with no value under it was a blank cell in the source.
      const blank: Token = {
        text: "",
        key: "",
        cell: { kind: "blank" },
        line: at.line,
        lineStart: at.lineStart,
      };
      reading.write({ table: "t3", row, col: col.key }, aligned[j] ?? blank);
    });
    return next;
  }
  writeRow(row, values, reading);
  return next;
}

function writeRow(row: string, values: Token[], reading: TableReading): void {
  T3_COLUMNS.forEach((col, j) => {
    const value = values[j];
    if (value) reading.write({ table: "t3", row, col: col.key }, value);
  });
}

/** Values printed without a label: the row after the last one read, if it is still empty. */
function readOrphanValues(
  tokens: readonly Token[],
  i: number,
  state: ReadState,
  reading: TableReading,
): number {
  const { values, next } = takeValues(tokens, i, T3_COLUMNS.length);
  const row = T3_ROWS[state.lastRow + 1];
  if (!row || reading.isWritten({ table: "t3", row: row.key, col: "natural" })) {
    reading.recognise(...values);
    reading.unplace(values, "表三中无法对应到行的数值");
    return next;
  }
  const message = `表三有一行数值没有行名，已按位置导入为“${row.label}”，请核对。`;
  reading.log.warn(IMPORT_RULE.guess, message, { cells: [{ table: "t3", row: row.key, col: "total" }] });
  writeRow(row.key, values, reading);
  state.lastRow += 1;
  return next;
}

/** A misprinted row label with values goes to the most similar unfilled row, with a finding saying so. */
function similarRow(
  t: Token,
  group: T3GroupKey | "results" | null,
  reading: TableReading,
  hasValues: boolean,
): Match | null {
  if (!hasValues) return null;
  let best: { row: (typeof T3_ROWS)[number]; score: number } | null = null;
  for (const row of T3_ROWS) {
    if (reading.isWritten({ table: "t3", row: row.key, col: "natural" })) continue;
    const bonus = "group" in row && row.group === group ? 0.05 : 0;
    const score = labelSimilarity(splitNumbering(t.key).rest, coreOf(row.label)) + bonus;
    if (score >= 0.6 && (!best || score > best.score)) best = { row, score };
  }
  if (!best) return null;
  const message = `表三的行“${t.text}”不是格式中的名称，已按最相近的“${best.row.label}”导入，请核对。`;
  reading.log.warn(IMPORT_RULE.guess, message, { actual: t.text, expected: best.row.label });
  return { kind: "row", row: best.row.key };
}
