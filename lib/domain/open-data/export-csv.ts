// CSV exports: one row per cell of a report (200 for a complete report), the same rows for every report of a
// year in the bulk download, and the comparison table. UTF-8 with a byte-order mark so that Excel opens the
// Chinese labels correctly; values exactly as stored (the fee as its decimal string), a blank stays empty.
import { listCells } from "../cells";
import { TABLE_TITLES } from "../format";
import type { Tables } from "../report-schema";

export const CSV_BOM = "\uFEFF";

/** Column names of the per-cell CSV: stable keys, documented on /open-data. */
export const CELL_CSV_COLUMNS = [
  "organisation",
  "organisation_slug",
  "year",
  "table",
  "table_title",
  "row_key",
  "row_label",
  "column_key",
  "column_label",
  "value",
] as const;

export type CsvValue = string | number | null;

/** A plain signed decimal ("-306", "+12.5"): a number, not a formula, so it needs no defusing. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Quotes a field when it holds a comma, quote or line break; a leading =, +, - or @ is defused for Excel
 * unless the whole field is a plain number (the board's "-306 days" stays a number).
 */
export function csvField(value: CsvValue): string {
  if (value === null) return "";
  const text = String(value);
  const formula = typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text);
  const safe = formula ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** CSV lines, each ending in CRLF (RFC 4180); "" for none. */
export const csvLines = (rows: readonly (readonly CsvValue[])[]): string =>
  rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");

/** The start of a CSV document: the BOM (so that Excel reads UTF-8) and the header row. */
export const csvHead = (header: readonly string[]): string => `${CSV_BOM}${csvLines([header])}`;

/** A whole CSV document: csvHead, then the data rows. A long one may be written as csvHead + csvLines per part. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return csvHead(header) + csvLines(rows);
}

export interface CsvReportSource {
  orgName: string;
  orgSlug: string;
  year: number;
  tables: Tables;
}

/** The per-cell rows of one report, in the format's reading order. */
export function reportCellRows(report: CsvReportSource): CsvValue[][] {
  return listCells(report.tables).map((cell) => [
    report.orgName,
    report.orgSlug,
    report.year,
    cell.table,
    TABLE_TITLES[cell.table],
    cell.row,
    cell.rowLabel,
    cell.col,
    cell.colLabel,
    cell.value,
  ]);
}

export function reportCsv(report: CsvReportSource): string {
  return toCsv(CELL_CSV_COLUMNS, reportCellRows(report));
}

/** Every cell of several reports in one file (the bulk download's all-cells CSV). */
export function reportsCsv(reports: readonly CsvReportSource[]): string {
  return toCsv(CELL_CSV_COLUMNS, reports.flatMap(reportCellRows));
}

/** Splits a CSV document written by toCsv back into rows (for tests and round trips). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted && ch === '"' && body[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ",") {
      row.push(field);
      field = "";
    } else if (!quoted && ch === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += ch;
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
