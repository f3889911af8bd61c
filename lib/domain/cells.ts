// Reading and writing cells of a report's tables by their stable address.
import { ALL_CELLS, type CellDef, type CellRef } from "./format";
import type { Tables } from "./report-schema";

export type CellValue = number | string | null;

type Grid = Record<string, Record<string, CellValue>>;

export function getCell(tables: Tables, ref: CellRef): CellValue {
  const row = (tables[ref.table] as unknown as Grid)[ref.row];
  return row?.[ref.col] ?? null;
}

/** A copy of the tables with one cell replaced. */
export function setCell(tables: Tables, ref: CellRef, value: CellValue): Tables {
  const table = tables[ref.table] as unknown as Grid;
  const row = table[ref.row] ?? {};
  return { ...tables, [ref.table]: { ...table, [ref.row]: { ...row, [ref.col]: value } } };
}

/** Every cell of the format with its value, in reading order (200 entries). */
export function listCells(tables: Tables): (CellDef & { value: CellValue })[] {
  return ALL_CELLS.map((def) => ({ ...def, value: getCell(tables, def) }));
}
