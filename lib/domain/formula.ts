// The formula behind each computed cell, as the editor shows it when the cell has focus:
// 「总计 = 自然人 + 商业企业 + … = 3 + 0 + … = 3」.
import { getCell } from "./cells";
import { T3_COLUMNS, T3_PART_COLUMNS, T3_RESULT_ROWS, T4_GROUPS, T4_OUTCOMES, type CellRef } from "./format";
import type { Tables } from "./report-schema";
import { t4GroupParts } from "./totals";

interface Part {
  label: string;
  ref: CellRef;
}

const t3ColLabel = (key: string) => T3_COLUMNS.find((c) => c.key === key)?.label ?? key;
const t4OutcomeLabel = (col: string) => T4_OUTCOMES.find((o) => col.endsWith(`.${o.key}`))?.label ?? col;

function partsOf(ref: CellRef): { head: string; parts: Part[] } | null {
  if (ref.table === "t3" && ref.col === "total") {
    const parts = T3_PART_COLUMNS.map((col) => ({ label: t3ColLabel(col), ref: { ...ref, col } }));
    return { head: "总计", parts };
  }
  if (ref.table === "t3" && ref.row === "resultTotal") {
    const parts = T3_RESULT_ROWS.map((row) => ({ label: row, ref: { ...ref, row } }));
    return { head: "（七）总计", parts };
  }
  const group = T4_GROUPS.find((g) => ref.table === "t4" && ref.col === `${g.key}.total`);
  if (!group) return null;
  return {
    head: "总计",
    parts: t4GroupParts(group.key).map((col) => ({ label: t4OutcomeLabel(col), ref: { ...ref, col } })),
  };
}

/** The formula of a computed cell with the current figures; null for a cell that is typed. */
export function formulaOf(ref: CellRef, tables: Tables): string | null {
  const found = partsOf(ref);
  if (!found) return null;
  const values = found.parts.map((p) => getCell(tables, p.ref));
  const blanks = values.filter((v) => v === null).length;
  const result = getCell(tables, ref);
  if (found.head === "（七）总计") {
    const sum = blanks > 0 ? `：尚有${blanks}项未填写` : ` = ${result}`;
    return `（七）总计 = （一）至（六）共${found.parts.length}项办理结果之和${sum}`;
  }
  const labels = found.parts.map((p) => p.label).join(" + ");
  const sum = blanks > 0 ? `尚有${blanks}项未填写` : `${values.join(" + ")} = ${result}`;
  return `${found.head} = ${labels}：${sum}`;
}
