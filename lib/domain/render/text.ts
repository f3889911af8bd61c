// The canonical plain text of a report, in the layout of a copied web page (the seed's form): metadata and
// title if present, preamble, the six sections with tables as `|` rows, then the 落款 and its date.
// importText reads this back to the same report (see the round-trip test for the canonical form).
import { SECTIONS, type CellRef, type SectionKey } from "../format";
import type { Report } from "../report-schema";
import { TABLE_KEYS, TABLE_LAYOUTS, layoutRows, type TableLayout } from "../table-layout";
import { getCell } from "../cells";
import {
  META_LABELS,
  formatCell,
  formatChineseDate,
  printedCell,
  printedItems,
  printsTable,
  sectionHeading,
} from "./cells";
import type { Tables } from "../report-schema";

/**
 * A table as the seed prints it: each row lists the cells that start in it, padded with empty cells to the
 * table's width except the last row; a cell prints as 「text | 」 and an empty one as 「|」.
 */
export function renderTableText(layout: TableLayout, tables: Tables, report?: Report): string[] {
  const rows = layoutRows(layout);
  const value = (ref: CellRef) => (report ? printedCell(report, ref) : formatCell(getCell(tables, ref)));
  return rows.map((row, i) => {
    const cells = row.cells.map((c) => (c.kind === "value" ? value(c.ref) : c.text));
    const padding = i === rows.length - 1 ? 0 : Math.max(layout.columnCount - cells.length, 0);
    const padded = [...cells, ...Array<string>(padding).fill("")];
    return padded
      .map((c) => (c === "" ? "|" : `${c} | `))
      .join("")
      .trimEnd();
  });
}

function frontMatter(meta: Report["meta"]): string[] {
  const lines: string[] = [];
  for (const { field, label } of META_LABELS) {
    const value = meta[field];
    if (value) lines.push(`${label}：${value}`);
  }
  if (meta.title) lines.push(meta.title);
  return [...lines, ...meta.preamble];
}

function sectionLines(report: Report, key: SectionKey): string[] {
  const heading = sectionHeading(report, key);
  const title = heading === null ? [] : [heading];
  if (key === "overview") {
    const { paragraphs } = report.sections.overview;
    return [
      ...title,
      ...paragraphs,
      ...printedItems(report).flatMap((item) => [item.title, ...item.paragraphs]),
    ];
  }
  const table = TABLE_KEYS.find((t) => TABLE_LAYOUTS[t].section === key);
  // Prose of a table section prints before its table (the importer cannot tell before from after).
  const rows =
    table && printsTable(report, table) ? renderTableText(TABLE_LAYOUTS[table], report.tables, report) : [];
  return [...title, ...report.sections[key].paragraphs, ...rows];
}

export function renderText(report: Report): string {
  const { meta } = report;
  const signature = [meta.signatureName, meta.signatureDate ? formatChineseDate(meta.signatureDate) : ""];
  const lines = [
    ...frontMatter(meta),
    ...SECTIONS.flatMap((s) => sectionLines(report, s.key)),
    ...signature.filter((l) => l !== ""),
  ];
  return `${lines.join("\n")}\n`;
}
