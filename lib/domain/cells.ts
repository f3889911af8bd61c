// Reading and writing cells of a report's tables by their stable address. The typed tables are read as a grid of
// rows in one place, cellRow; the editor, the rules and the importer all reach a cell through it.
import { ALL_CELLS, type CellDef, type CellRef } from "./format";
import type { Tables } from "./report-schema";

export type CellValue = number | string | null;

type Row = Record<string, unknown>;
type Grid = Record<string, Row | undefined>;

/** The row holding the cell at `ref` (the stored object itself, not a copy); undefined when the row is missing. */
export function cellRow(tables: Tables, ref: CellRef): Row | undefined {
  return (tables[ref.table] as unknown as Grid)[ref.row];
}

/** The raw stored value of a cell, whatever an unvalidated document holds there; undefined when it is missing. */
export function readCell(tables: Tables, ref: CellRef): unknown {
  return cellRow(tables, ref)?.[ref.col];
}

/** A cell of validated tables: a number, a decimal string or blank (null). */
export function getCell(tables: Tables, ref: CellRef): CellValue {
  return (readCell(tables, ref) as CellValue | undefined) ?? null;
}

/** A copy of the tables with one cell replaced. */
export function setCell(tables: Tables, ref: CellRef, value: CellValue): Tables {
  const row = { ...cellRow(tables, ref), [ref.col]: value };
  return { ...tables, [ref.table]: { ...tables[ref.table], [ref.row]: row } };
}

/** Every cell of the format with its value, in reading order (200 entries). */
export function listCells(tables: Tables): (CellDef & { value: CellValue })[] {
  return ALL_CELLS.map((def) => ({ ...def, value: getCell(tables, def) }));
}
