// The geometry of an official table as the editor grid sees it: where each value cell sits once merged headers
// take their room, which cell an arrow key or Enter moves to, and which header cells name an input
// (「一、本年新收政府信息公开申请数量 自然人」). Derived from TABLE_LAYOUTS, so the grid is the official table.
import { cellId, type CellRef, type TableKey } from "./format";
import {
  TABLE_LAYOUTS,
  layoutRows,
  type LayoutHeaderCell,
  type LayoutValueCell,
  type TableLayout,
} from "./table-layout";

export interface GridCell {
  cell: LayoutValueCell;
  /** Visual row and first visual column, counting header rows and label columns. */
  row: number;
  col: number;
  colSpan: number;
}

export interface TableGrid {
  table: TableKey;
  /** Value cells row by row, left to right; rows without value cells are left out. */
  rows: GridCell[][];
  byId: Map<string, GridCell>;
  headers: Map<string, LayoutHeaderCell>;
}

export type Move = "up" | "down" | "left" | "right";

/** The HTML table algorithm: each cell takes the first free column of its row, spans reserve room below. */
function placeCells(layout: TableLayout): { grid: GridCell[][]; headers: Map<string, LayoutHeaderCell> } {
  const taken = new Set<string>();
  const headers = new Map<string, LayoutHeaderCell>();
  const grid: GridCell[][] = [];
  layoutRows(layout).forEach((row, r) => {
    let col = 0;
    const values: GridCell[] = [];
    for (const cell of row.cells) {
      while (taken.has(`${r}:${col}`)) col++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) taken.add(`${r + dr}:${col + dc}`);
      }
      if (cell.kind === "value") values.push({ cell, row: r, col, colSpan: cell.colSpan });
      if (cell.kind === "header") headers.set(cell.id, cell);
      col += cell.colSpan;
    }
    if (values.length > 0) grid.push(values);
  });
  return { grid, headers };
}

function buildGrid(layout: TableLayout): TableGrid {
  const { grid, headers } = placeCells(layout);
  const byId = new Map(grid.flat().map((g) => [cellId(g.cell.ref), g]));
  return { table: layout.table, rows: grid, byId, headers };
}

export const TABLE_GRIDS: Readonly<Record<TableKey, TableGrid>> = {
  t2: buildGrid(TABLE_LAYOUTS.t2),
  t3: buildGrid(TABLE_LAYOUTS.t3),
  t4: buildGrid(TABLE_LAYOUTS.t4),
};

const covers = (g: GridCell, col: number) => g.col <= col && col < g.col + g.colSpan;

/** The cell an arrow key moves to, or null at the table's edge. */
export function moveFrom(ref: CellRef, move: Move): CellRef | null {
  const grid = TABLE_GRIDS[ref.table];
  const here = grid.byId.get(cellId(ref));
  if (!here) return null;
  const rowIndex = grid.rows.findIndex((row) => row.includes(here));
  const row = grid.rows[rowIndex] ?? [];
  const i = row.indexOf(here);
  if (move === "left") return row[i - 1]?.cell.ref ?? null;
  if (move === "right") return row[i + 1]?.cell.ref ?? null;
  const step = move === "down" ? 1 : -1;
  for (let r = rowIndex + step; r >= 0 && r < grid.rows.length; r += step) {
    const target = grid.rows[r]!.find((g) => covers(g, here.col));
    if (target) return target.cell.ref;
  }
  return null;
}

/** Headers too broad to help tell inputs apart: 三、本年度办理结果, 申请人情况, table 二's block headings. */
const isBroadHeader = (h: LayoutHeaderCell) =>
  h.id === "t3-results" || h.id === "t3-applicant" || /^t2-item\d+$/.test(h.id);

/**
 * The header ids naming a value cell, row headers first, then column headers: used as `aria-labelledby`, so
 * the accessible name reads 「（三）不予公开 1.属于国家秘密 自然人」 or 「行政诉讼 复议后起诉 总计」.
 */
export function labelIdsOf(cell: LayoutValueCell): string[] {
  const headers = TABLE_GRIDS[cell.ref.table].headers;
  const named = cell.headers.flatMap((id) => {
    const h = headers.get(id);
    return h && !isBroadHeader(h) ? [h] : [];
  });
  const isRow = (h: LayoutHeaderCell) => h.scope === "row" || h.scope === "rowgroup";
  return [...named.filter(isRow), ...named.filter((h) => !isRow(h))].map((h) => h.id);
}

/** The accessible name an input gets from `labelIdsOf`, as text (for messages and tests). */
export function cellLabel(ref: CellRef): string {
  const grid = TABLE_GRIDS[ref.table];
  const here = grid.byId.get(cellId(ref));
  if (!here) return cellId(ref);
  return labelIdsOf(here.cell)
    .map((id) => grid.headers.get(id)?.text ?? "")
    .join(" ");
}

/** The value cells of a table in reading order (the grid's rows, left to right). */
export function gridCells(table: TableKey): GridCell[] {
  return TABLE_GRIDS[table].rows.flat();
}
