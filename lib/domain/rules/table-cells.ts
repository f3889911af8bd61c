// Reading table cells for the rules, by the stable keys of format.ts. Counts come back as number | null;
// anything else an unvalidated document may hold (-1, 1.5, "3") reads as null here: it is CELL-VALUE's business.
import {
  T3_COLUMNS,
  T3_ROWS,
  T4_GROUPS,
  T4_ROW_KEY,
  type CellRef,
  type T3GroupKey,
  type T4GroupKey,
} from "../format";
import { readCell } from "../cells";
import type { Tables } from "../report-schema";
import { sumOrNull } from "../totals";

export const t2Ref = (row: string, col: string): CellRef => ({ table: "t2", row, col });
export const t3Ref = (row: string, col: string): CellRef => ({ table: "t3", row, col });
export const t4Ref = (col: string): CellRef => ({ table: "t4", row: T4_ROW_KEY, col });

/** Only a valid count takes part in arithmetic: a rule over an invalid cell is not assessable. */
function asCount(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}

export const t2Count = (tables: Tables, row: string, col: string) =>
  asCount(readCell(tables, t2Ref(row, col)));
export const t3Count = (tables: Tables, row: string, col: string) =>
  asCount(readCell(tables, t3Ref(row, col)));
export const t4Count = (tables: Tables, col: string) => asCount(readCell(tables, t4Ref(col)));

/** The fee as stored (a decimal string), or null. */
export function feeAmount(tables: Tables): string | null {
  const value = readCell(tables, t2Ref("fees", "amount"));
  return typeof value === "string" ? value : null;
}

export function t3ColLabel(col: string): string {
  return T3_COLUMNS.find((c) => c.key === col)?.label ?? col;
}

export function t3RowLabel(row: string): string {
  return T3_ROWS.find((r) => r.key === row)?.label ?? row;
}

export function t4GroupLabel(group: T4GroupKey): string {
  return T4_GROUPS.find((g) => g.key === group)?.label ?? group;
}

/** The rows of a result group: （三）不予公开 has eight, （一）予以公开 is its own single row. */
export function t3GroupRows(group: T3GroupKey): string[] {
  return T3_ROWS.filter((r) => "group" in r && r.group === group && "isResult" in r).map((r) => r.key);
}

/** A result group's count in one column: the sum of its rows, null when any is blank. */
export function t3GroupCount(tables: Tables, group: T3GroupKey, col = "total"): number | null {
  return sumOrNull(t3GroupRows(group).map((row) => t3Count(tables, row, col)));
}
