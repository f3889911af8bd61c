// Expands an HTML table's rowspan/colspan into a full grid, so every position knows the cell covering it and
// whether it is that cell's origin. Malformed spans (past the last row, overlapping) are clamped, not trusted.

export interface SpanCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface GridCell {
  text: string;
  /** True at the cell's top-left position; false where a span repeats it. */
  isOrigin: boolean;
  originRow: number;
  originCol: number;
}

const MAX_COL_SPAN = 100;

export function expandTableGrid(rows: readonly (readonly SpanCell[])[]): GridCell[][] {
  const grid: GridCell[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r]![c]) c++;
      // rowspan="0" means "to the end of the table"; a span past the last row stops there.
      const rowSpan = cell.rowSpan <= 0 ? rows.length - r : Math.min(cell.rowSpan, rows.length - r);
      const colSpan = Math.min(Math.max(cell.colSpan, 1), MAX_COL_SPAN);
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          const target = grid[r + dr]!;
          // An overlapping span (bad markup) never overwrites a cell already placed.
          target[c + dc] ??= { text: cell.text, isOrigin: dr === 0 && dc === 0, originRow: r, originCol: c };
        }
      }
      c += colSpan;
    }
  });
  return grid;
}

/** The texts of the cells that start in each grid row, left to right: what a flattened copy of the page shows. */
export function originTexts(grid: readonly GridCell[][]): string[][] {
  return grid.map((row) =>
    row.filter((cell): cell is GridCell => cell?.isOrigin === true).map((cell) => cell.text),
  );
}
