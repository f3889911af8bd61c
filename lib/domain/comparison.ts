// Comparing bodies and years on the key figures: reading the choice from a query string (the page's form and
// the API share it), and the comparison as CSV. Not-published combinations stay in the result, marked, so a
// reader sees the gap instead of a silently shorter table.
import { z } from "zod";
import { toCsv, type CsvValue } from "./open-data/export-csv";
import { KEY_FIGURES, type KeyFigureValues } from "./key-figures";

export const MAX_COMPARED_ORGS = 20;
export const MAX_COMPARED_YEARS = 10;

/** Repeated and comma-separated values alike, trimmed, without duplicates. */
const splitList = z.array(z.string()).transform((values) => [
  ...new Set(
    values
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter(Boolean),
  ),
]);

const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "机关标识只能包含小写字母、数字和连字符");
const yearSchema = z
  .string()
  .regex(/^\d{4}$/, "年度须为四位数字")
  .transform(Number)
  .pipe(z.number().min(2008, "年度须在2008年以后").max(2100, "年度无效"));

export const comparisonQuerySchema = z.object({
  orgs: splitList.pipe(z.array(slugSchema).max(MAX_COMPARED_ORGS, `最多可选择${MAX_COMPARED_ORGS}个机关`)),
  years: splitList.pipe(z.array(yearSchema).max(MAX_COMPARED_YEARS, `最多可选择${MAX_COMPARED_YEARS}个年度`)),
});

export type ComparisonQuery = z.infer<typeof comparisonQuerySchema>;

/** Reads `orgs` and `years` (repeated or comma-separated) from a query string. */
export function parseComparisonQuery(params: URLSearchParams) {
  return comparisonQuerySchema.safeParse({ orgs: params.getAll("orgs"), years: params.getAll("years") });
}

export interface ComparisonRow {
  orgSlug: string;
  orgName: string;
  year: number;
  /** null: the body has no published report for that year. */
  figures: KeyFigureValues | null;
}

export const COMPARISON_CSV_COLUMNS = [
  "organisation",
  "organisation_slug",
  "year",
  "published",
  ...KEY_FIGURES.map((f) => f.key),
];

/** One row per body and year; a second header line would confuse spreadsheet imports, so labels go in /open-data. */
export function comparisonCsv(rows: readonly ComparisonRow[]): string {
  const data = rows.map((r): CsvValue[] => [
    r.orgName,
    r.orgSlug,
    r.year,
    r.figures ? "yes" : "no",
    ...KEY_FIGURES.map((f) => r.figures?.[f.key] ?? null),
  ]);
  return toCsv(COMPARISON_CSV_COLUMNS, data);
}
