// How renderers print a cell and a date; shared so the text, HTML and Word copies say the same thing.
import { getCell } from "../cells";
import { ALL_CELLS, SECTIONS, cellId, type CellRef, type SectionKey, type TableKey } from "../format";
import type { Report } from "../report-schema";

/** Counts as digits, the fee exactly as stored; a blank stays blank (never "0", never "/"). */
export function formatCell(value: number | string | null): string {
  return value === null ? "" : String(value);
}

/** "2025-01-15" → 「2025年1月15日」, the way a 落款 is dated. */
export function formatChineseDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

/** Page metadata in the order web pages print it, with the labels they use. */
export const META_LABELS = [
  { field: "indexNumber", label: "索引号" },
  { field: "publisher", label: "发布机构" },
  { field: "writtenDate", label: "成文日期" },
  { field: "publishedDate", label: "发布日期" },
] as const;

/**
 * What a renderer prints as a section's heading, which of 一's sub-items and which tables: for a document
 * written in the editor, the format's canonical layout; for an imported one (Report.layout), what its author
 * printed — their headings (none where they printed none), only the sub-items and tables their source had.
 */
export function sectionHeading(report: Report, key: SectionKey): string | null {
  const canonical = SECTIONS.find((s) => s.key === key)!.title;
  return report.layout ? (report.layout.headings[key] ?? null) : canonical;
}

export function printedItems(report: Report): Report["sections"]["overview"]["items"] {
  const { items } = report.sections.overview;
  const layout = report.layout;
  return layout ? items.filter((i) => layout.items.includes(i.key) || i.paragraphs.length > 0) : items;
}

/** A cell as printed: the author's zero placeholder (「/」) where an imported report had one, else formatCell. */
export function printedCell(report: Report, ref: CellRef): string {
  const value = getCell(report.tables, ref);
  const placeholder = report.layout?.placeholders?.[cellId(ref)];
  return placeholder !== undefined && (value === 0 || value === "0") ? placeholder : formatCell(value);
}

export const printsTable = (report: Report, table: TableKey) =>
  !report.layout ||
  report.layout.tables.includes(table) ||
  ALL_CELLS.some((c) => c.table === table && getCell(report.tables, c) !== null);
