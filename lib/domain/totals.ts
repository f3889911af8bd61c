// Computed cells of the format: table 三's 总计 column and （七）总计 row, table 四's three 总计 columns.
// The editor fills them with computeTotals; importers keep the totals as printed and the rules
// (T3-ROW-TOTAL, T3-RESULT-TOTAL, T4-GROUP-TOTAL) compare the printed totals with these sums.
import {
  T3_COLUMNS,
  T3_PART_COLUMNS,
  T3_RESULT_ROWS,
  T3_ROWS,
  T4_GROUPS,
  type T3ColKey,
  type T4GroupKey,
} from "./format";
import type { Table3, Table3Row, Table4, Tables } from "./report-schema";

/** The four outcome columns of a table 四 group that add up to its 总计. */
export const T4_PART_OUTCOMES = ["upheld", "corrected", "other", "pending"] as const;

type Count = number | null | undefined;

/** Sum of counts, or null when any part is blank: a total over an unknown part is itself unknown. */
export function sumOrNull(values: readonly Count[]): number | null {
  let sum = 0;
  for (const value of values) {
    if (value === null || value === undefined) return null;
    sum += value;
  }
  return sum;
}

/** 自然人 + the five 法人或其他组织 columns of one table 三 row. */
export function t3RowTotal(row: Table3Row): number | null {
  return sumOrNull(T3_PART_COLUMNS.map((col) => row[col]));
}

/** The sum of the 22 result rows （一）…（六）3 in one table 三 column. */
export function t3ResultTotal(t3: Table3, col: T3ColKey): number | null {
  return sumOrNull(T3_RESULT_ROWS.map((row) => t3[row]?.[col]));
}

export function t4GroupParts(group: T4GroupKey): string[] {
  return T4_PART_OUTCOMES.map((outcome) => `${group}.${outcome}`);
}

/** 结果维持 + 结果纠正 + 其他结果 + 尚未审结 of one table 四 group. */
export function t4GroupTotal(cases: Table4["cases"], group: T4GroupKey): number | null {
  return sumOrNull(t4GroupParts(group).map((col) => cases[col]));
}

function computeTable3(t3: Table3): Table3 {
  // Fresh row objects, so filling them below never mutates the caller's tables.
  const copyRow = (key: string): Table3Row => ({ ...blankT3Row(), ...t3[key] });
  const next: Table3 = Object.fromEntries(T3_ROWS.map((r) => [r.key, copyRow(r.key)]));
  // The （七）总计 row's part columns first, so its 总计 cell sums freshly computed parts.
  const resultTotal = copyRow("resultTotal");
  for (const col of T3_PART_COLUMNS) resultTotal[col] = t3ResultTotal(next, col);
  next.resultTotal = resultTotal;
  for (const row of Object.values(next)) row.total = t3RowTotal(row);
  return next;
}

function blankT3Row(): Table3Row {
  return Object.fromEntries(T3_COLUMNS.map((c) => [c.key, null])) as Table3Row;
}

function computeTable4(t4: Table4): Table4 {
  const cases = { ...t4.cases };
  for (const g of T4_GROUPS) cases[`${g.key}.total`] = t4GroupTotal(cases, g.key);
  return { ...t4, cases };
}

/** Returns new tables with every computed cell filled from its parts (null where a part is blank). */
export function computeTotals(tables: Tables): Tables {
  return {
    t2: tables.t2,
    t3: computeTable3(tables.t3),
    t4: computeTable4(tables.t4),
  };
}
