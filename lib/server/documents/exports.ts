import "server-only";
import { strToU8, zipSync } from "fflate";
import { reportCsv, reportsCsv } from "@/lib/domain/open-data/export-csv";
import { REPORT_SCHEMA_VERSION, type Report } from "@/lib/domain/report-schema";
import { renderReportDocx } from "./docx-export";
import type { PublishedReport } from "../public/reports";

// The downloads of published reports: the JSON document (stable keys, schema version), the per-cell CSV, the
// Word file, and the bulk zip of a year. The same functions serve the report page's links and the open-data API.

export interface ReportJson {
  schemaVersion: number;
  organization: { slug: string; name: string; shortName: string; kind: string; parentSlug: string | null };
  year: number;
  title: string;
  edition: { number: number; publishedAt: string; firstPublishedAt: string; changeNote: string | null };
  /** The report's public page, relative to the site. */
  path: string;
  report: Report;
}

export const reportPath = (orgSlug: string, year: number) => `/reports/${orgSlug}/${year}`;

export function reportJson(r: PublishedReport): ReportJson {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    organization: {
      slug: r.orgSlug,
      name: r.orgName,
      shortName: r.orgShortName,
      kind: r.orgKind,
      parentSlug: r.orgParentSlug,
    },
    year: r.year,
    title: r.title,
    edition: {
      number: r.editionNumber,
      publishedAt: r.publishedAt.toISOString(),
      firstPublishedAt: r.firstPublishedAt.toISOString(),
      changeNote: r.changeNote,
    },
    path: reportPath(r.orgSlug, r.year),
    report: r.content,
  };
}

const csvSource = (r: PublishedReport) => ({
  orgName: r.orgName,
  orgSlug: r.orgSlug,
  year: r.year,
  tables: r.content.tables,
});

export const reportCsvOf = (r: PublishedReport) => reportCsv(csvSource(r));

export const reportDocxOf = (r: PublishedReport) => renderReportDocx(r.content, r.title);

/** File names for downloads: ASCII slug-based, so every browser and OS keeps them intact. */
export const downloadName = (orgSlug: string, year: number, ext: string) => `${orgSlug}-${year}.${ext}`;

export function bulkReadme(year: number, count: number): string {
  return [
    `${year}年度政府信息公开工作年度报告 · 批量下载`,
    "",
    `本压缩包含 ${count} 份已发布的年度报告（每次发布时的当前版本）。`,
    "reports/<机关标识>.json：每份报告的结构化数据（键名稳定，schemaVersion 为数据格式版本）。",
    `cells-${year}.csv：全部报告的每个统计表单元格一行（UTF-8，带 BOM，Excel 可直接打开）。`,
    "字段说明见网站“开放数据”页面 /open-data。",
    "",
  ].join("\r\n");
}

/** Every published report of a year: one JSON each and one CSV of all their cells. */
export function bulkZip(year: number, reports: readonly PublishedReport[]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "README.txt": strToU8(bulkReadme(year, reports.length)),
    [`cells-${year}.csv`]: strToU8(reportsCsv(reports.map(csvSource))),
  };
  for (const r of reports)
    files[`reports/${r.orgSlug}.json`] = strToU8(JSON.stringify(reportJson(r), null, 2));
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(year + 1, 0, 1)) });
}
