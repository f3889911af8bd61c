// 汇总: the cell-by-cell sum of several published reports, exact (the fee is summed as a scaled BigInt, never a
// float). The result has the shape of a report's tables, so the official tables, exports and API show it as
// they show a report; a cell no contributing report filled in stays blank.
import { setCell } from "./cells";
import { ALL_CELLS, FEE_CELL, cellId, type CellRef, type TableKey } from "./format";
import { formatDecimal, parseDecimal } from "./decimal";
import { emptyTables, type Tables } from "./report-schema";

/** One cell's sum over the contributing reports, as the database's GROUP BY returns it (ADR 0004). */
export interface CellSum {
  table: TableKey | string;
  row: string;
  col: string;
  /** The exact decimal sum as text, e.g. "12" or "5125.41". */
  value: string;
  /** How many reports contributed a figure to the cell. */
  count: number;
}

export interface RollupTables {
  tables: Tables;
  /** Contributing reports per cell id ("t3:newReceived:natural"); absent = none. */
  counts: Record<string, number>;
}

const isFee = (ref: CellRef) =>
  ref.table === FEE_CELL.table && ref.row === FEE_CELL.row && ref.col === FEE_CELL.col;

/** The sums in the shape of a report's tables: counts as integers, the fee as its exact decimal string. */
export function rollupTables(sums: readonly CellSum[]): RollupTables {
  const byId = new Map(sums.map((s) => [`${s.table}:${s.row}:${s.col}`, s]));
  let tables = emptyTables();
  const counts: Record<string, number> = {};
  for (const def of ALL_CELLS) {
    const sum = byId.get(cellId(def));
    if (!sum) continue;
    const units = parseDecimal(sum.value);
    if (units === null) throw new RangeError(`The sum of ${cellId(def)} is not a decimal: ${sum.value}`);
    tables = setCell(tables, def, isFee(def) ? formatDecimal(units) : Number(formatDecimal(units)));
    counts[cellId(def)] = sum.count;
  }
  return { tables, counts };
}

/** Parses a cell address as the API and the drill-down pages write it: "t3:newReceived:natural". */
export function parseCellId(text: string): CellRef | null {
  const def = ALL_CELLS.find((c) => cellId(c) === text);
  return def ? { table: def.table, row: def.row, col: def.col } : null;
}
