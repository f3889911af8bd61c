// Reads table 二 (主动公开政府信息情况) from a token stream: blocks by their 第二十条 heading, columns by the
// printed header row of each block, rows by label. The 2019 trial template's columns and rows are mapped where
// their meaning agrees with the 2021 format; the rest is kept as unplaced text, never dropped.
import { T2_BLOCKS, type T2Block } from "../format";
import { IMPORT_RULE } from "./import-log";
import { labelKey, labelSimilarity } from "./labels";
import type { TableReading } from "./table-reading";
import { hasValuesAfter, t2BlockOrdinal, takeValues, type Token } from "./table-tokens";

interface RowPlace {
  block: T2Block;
  row: string;
  label: string;
}

interface Column {
  label: string;
  key: string | null;
}

const ROWS = new Map<string, RowPlace>(
  T2_BLOCKS.flatMap((block) =>
    block.rows.map((r) => [labelKey(r.label), { block, row: r.key, label: r.label }]),
  ),
);
const ITEM1 = T2_BLOCKS[0];
/** 2019 trial template: 「规范性文件」 is today's 行政规范性文件. */
const STALE_NORMATIVE = labelKey("规范性文件");
/** 2019 rows with no place in the 2021 format. */
const STALE_ROWS = new Set(["其他对外管理服务事项", "政府集中采购"]);

/** Printed column headers (by prefix) → column key; null where the 2021 format has no such column. */
const COLUMNS: { prefix: string; key: string | null; stale: boolean }[] = [
  { prefix: "本年制发件数", key: "issued", stale: false },
  { prefix: "本年废止件数", key: "repealed", stale: false },
  { prefix: "现行有效件数", key: "inForce", stale: false },
  { prefix: "本年处理决定数量", key: "decisions", stale: false },
  { prefix: "处理决定数量", key: "decisions", stale: false },
  { prefix: "本年收费金额", key: "amount", stale: false },
  { prefix: "本年新制作数量", key: "issued", stale: true },
  { prefix: "本年新公开数量", key: null, stale: true },
  { prefix: "对外公开总数量", key: "inForce", stale: true },
  { prefix: "上一年项目数量", key: null, stale: true },
  { prefix: "本年增/减", key: null, stale: true },
  { prefix: "采购项目数量", key: null, stale: true },
  { prefix: "采购总金额", key: null, stale: true },
];

export function readTable2(tokens: readonly Token[], reading: TableReading): void {
  let columns: Column[] | null = null;
  let inHeader = false;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.cell !== null) {
      if (t.cell.kind !== "blank") reading.unplace([t], "表二中无法对应到行的数值");
      i++;
    } else if (t2BlockOrdinal(t.key) !== null) {
      if (t2BlockOrdinal(t.key) === 9) reading.log.staleSigns.add("第二十条第（九）项（政府集中采购）");
      reading.recognise(t);
      [columns, inHeader] = [null, false];
      i++;
    } else if (t.key === "信息内容") {
      reading.recognise(t);
      [columns, inHeader] = [[], true];
      i++;
    } else if (isRowLabel(t.key) || hasValuesAfter(tokens, i)) {
      i = readRow(tokens, i, columns, reading);
      inHeader = false;
    } else if (inHeader) {
      columns!.push(readColumn(t, reading));
      i++;
    } else {
      reading.unplace([t], "表二中无法识别的文字");
      i++;
    }
  }
}

const isRowLabel = (key: string) => ROWS.has(key) || key === STALE_NORMATIVE || STALE_ROWS.has(key);

function readColumn(t: Token, reading: TableReading): Column {
  reading.recognise(t);
  const known = COLUMNS.find((c) => t.key.startsWith(c.prefix));
  if (known?.stale) reading.log.staleColumns.add(t.text);
  return { label: t.text, key: known ? known.key : null };
}

/** Reads one row (label and values) starting at `i`; returns the index after it. */
function readRow(
  tokens: readonly Token[],
  i: number,
  columns: Column[] | null,
  reading: TableReading,
): number {
  const label = tokens[i]!;
  const place = placeOfRow(label, reading);
  const printed = columns && columns.length > 0 ? columns : null;
  const defaults = place ? place.block.columns.map((c) => ({ label: c.label, key: c.key as string })) : null;
  const layout = printed ?? defaults;
  const { values, next } = takeValues(tokens, i + 1, layout?.length ?? Number.POSITIVE_INFINITY);
  reading.recognise(label, ...values);
  if (!place || !layout) {
    const reason = STALE_ROWS.has(label.key)
      ? "2019年试行格式的行，2021年格式中没有对应位置"
      : "表二中无法识别的行";
    reading.unplace([label, ...values], reason);
    return next;
  }
  const leftover: { column: string; value: Token }[] = [];
  values.forEach((value, j) => {
    const key = layout[j]?.key;
    const fits = key != null && place.block.columns.some((c) => c.key === key);
    if (fits) reading.write({ table: "t2", row: place.row, col: key }, value);
    else leftover.push({ column: layout[j]?.label ?? "", value });
  });
  if (leftover.length > 0) {
    // Keep each figure with its column name: 「行政许可（上一年项目数量：6；本年增/减：+1）」.
    const figures = leftover.map((l) => `${l.column}：${l.value.text}`).join("；");
    const names = leftover.map((l) => `“${l.column}”`).join("、");
    reading.unplaceText(`${label.text}（${figures}）`, label.line, `列${names}在2021年格式中没有对应位置`);
  }
  return next;
}

function placeOfRow(label: Token, reading: TableReading): RowPlace | null {
  const exact = ROWS.get(label.key);
  if (exact) return exact;
  if (label.key === STALE_NORMATIVE) {
    reading.log.staleSigns.add("表二行“规范性文件”（现为“行政规范性文件”）");
    return { block: ITEM1, row: "normativeDocs", label: "行政规范性文件" };
  }
  if (STALE_ROWS.has(label.key)) return null;
  return similarRow(label, reading);
}

/** A misprinted label ("行政规范文件") goes to the most similar unfilled row, with a finding saying so. */
function similarRow(label: Token, reading: TableReading): RowPlace | null {
  let best: { place: RowPlace; score: number } | null = null;
  for (const [key, place] of ROWS) {
    const score = labelSimilarity(label.key, key);
    const filled = reading.isWritten({ table: "t2", row: place.row, col: place.block.columns[0].key });
    if (!filled && score >= 0.6 && (!best || score > best.score)) best = { place, score };
  }
  if (best) {
    const message = `表二的行“${label.text}”不是格式中的名称，已按最相近的“${best.place.label}”导入，请核对。`;
    reading.log.warn(IMPORT_RULE.guess, message, { actual: label.text, expected: best.place.label });
  }
  return best?.place ?? null;
}
