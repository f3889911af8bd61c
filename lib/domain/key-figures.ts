// The handful of figures readers follow over the years and across bodies: applications received, how they were
// answered, what was carried over, and 复议/诉讼. Each is the 总计 column of table 三 or a sum of table 四
// totals, so it is defined once here for the body page's chart, the comparison page and its CSV.
import { getCell } from "./cells";
import { T3_ROWS, type CellRef } from "./format";
import type { Tables } from "./report-schema";

export interface KeyFigureDef {
  key: string;
  label: string;
  /** The cells whose sum the figure is; a blank among them leaves the figure blank. */
  cells: readonly CellRef[];
  /** Shown in the body page's chart (the others only in its table and in comparisons). */
  charted: boolean;
}

const t3Total = (row: string): CellRef => ({ table: "t3", row, col: "total" });
const t4 = (col: string): CellRef => ({ table: "t4", row: "cases", col });
const groupItems = (group: string) =>
  T3_ROWS.filter((r) => r.level === "item" && "group" in r && r.group === group).map((r) => t3Total(r.key));

export const KEY_FIGURES: readonly KeyFigureDef[] = [
  { key: "newReceived", label: "本年新收申请", cells: [t3Total("newReceived")], charted: true },
  { key: "carriedOver", label: "上年结转申请", cells: [t3Total("carriedOver")], charted: false },
  { key: "disclosed", label: "予以公开", cells: [t3Total("disclosed")], charted: false },
  { key: "partial", label: "部分公开", cells: [t3Total("partial")], charted: false },
  { key: "withheld", label: "不予公开", cells: groupItems("withheld"), charted: false },
  { key: "unable", label: "无法提供", cells: groupItems("unable"), charted: false },
  { key: "notProcessed", label: "不予处理", cells: groupItems("notProcessed"), charted: false },
  { key: "otherHandling", label: "其他处理", cells: groupItems("otherHandling"), charted: false },
  { key: "resultTotal", label: "办结总计", cells: [t3Total("resultTotal")], charted: true },
  { key: "carriedForward", label: "结转下年度", cells: [t3Total("carriedForward")], charted: true },
  { key: "review", label: "行政复议", cells: [t4("review.total")], charted: true },
  {
    key: "litigation",
    label: "行政诉讼",
    cells: [t4("direct.total"), t4("afterReview.total")],
    charted: true,
  },
];

export type KeyFigureValues = Record<string, number | null>;

/** Every key figure of one report; counts are integers, so plain addition is exact. */
export function keyFiguresOf(tables: Tables): KeyFigureValues {
  return Object.fromEntries(
    KEY_FIGURES.map((f) => {
      const values = f.cells.map((ref) => getCell(tables, ref));
      const blank = values.some((v) => v === null || typeof v !== "number");
      return [f.key, blank ? null : (values as number[]).reduce((a, b) => a + b, 0)];
    }),
  );
}

export const CHARTED_FIGURES = KEY_FIGURES.filter((f) => f.charted);
