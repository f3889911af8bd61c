// One statistical table as accessible HTML: <caption>, <thead>/<tbody> from the layout's row groups, every
// header a <th> with scope and id, every value a <td headers> naming all its headers, so screen readers can
// announce multi-level headers (docs/format.md §9).
import type { Report, Tables } from "../report-schema";
import type { LayoutCell, LayoutValueCell, TableLayout } from "../table-layout";
import { getCell } from "../cells";
import { formatCell, printedCell } from "./cells";
import { escapeHtml } from "./html-escape";

function spans(cell: { colSpan: number; rowSpan: number }): string {
  return `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ""}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ""}`;
}

type CellText = (ref: LayoutValueCell["ref"]) => string;

function cellHtml(cell: LayoutCell, text: CellText, idPrefix: string): string {
  const id = (raw: string) => escapeHtml(`${idPrefix}${raw}`);
  switch (cell.kind) {
    case "header":
      return `<th id="${id(cell.id)}" scope="${cell.scope}"${spans(cell)}>${escapeHtml(cell.text)}</th>`;
    case "note":
      return `<td id="${id(cell.id)}" class="note"${spans(cell)}>${escapeHtml(cell.text)}</td>`;
    case "value": {
      const headers = cell.headers.map(id).join(" ");
      const ref = `${cell.ref.table}:${cell.ref.row}:${cell.ref.col}`;
      return `<td headers="${headers}" data-cell="${escapeHtml(ref)}"${spans(cell)}>${escapeHtml(text(cell.ref))}</td>`;
    }
  }
}

/** `idPrefix` makes header ids unique when a page shows several reports (this year beside last year). */
export function renderTableHtml(layout: TableLayout, tables: Tables, idPrefix = "", report?: Report): string {
  const text: CellText = (ref) => (report ? printedCell(report, ref) : formatCell(getCell(tables, ref)));
  const groups = layout.groups.map((group) => {
    const tag = group.kind === "head" ? "thead" : "tbody";
    const rows = group.rows.map(
      (row) => `<tr>${row.cells.map((c) => cellHtml(c, text, idPrefix)).join("")}</tr>`,
    );
    return `<${tag}>\n${rows.join("\n")}\n</${tag}>`;
  });
  const caption = `<caption>${escapeHtml(layout.caption)}</caption>`;
  return `<table class="report-table report-${layout.table}">\n${caption}\n${groups.join("\n")}\n</table>`;
}
