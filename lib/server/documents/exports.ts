import "server-only";
import { strToU8, Zip, ZipDeflate } from "fflate";
import {
  CELL_CSV_COLUMNS,
  csvHead,
  csvLines,
  reportCellRows,
  reportCsv,
} from "@/lib/domain/open-data/export-csv";
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

/** The reports of the archive, in batches; read twice (the cells CSV comes before the JSON documents). */
export type ReportBatches = () => AsyncIterable<readonly PublishedReport[]>;

/** Lets the server answer other requests between two steps of a long build (one batch, one document). */
const yieldToServer = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every published report of a year: one JSON each and one CSV of all their cells. Streamed into the archive
 * batch by batch and file by file, yielding between steps: building a year's archive (seconds of CPU for a
 * thousand bodies) never stops the server from answering, and only one batch of documents is held at a time.
 */
export async function bulkZip(year: number, count: number, batches: ReportBatches): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((err, data, final) => {
    if (err) failure = err;
    else chunks.push(data);
    if (final) finished = true;
  });
  const mtime = new Date(Date.UTC(year + 1, 0, 1));
  const entry = (name: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    return file;
  };
  entry("README.txt").push(strToU8(bulkReadme(year, count)), true);
  // The same bytes as reportsCsv(every report), written a batch at a time.
  const csv = entry(`cells-${year}.csv`);
  csv.push(strToU8(csvHead(CELL_CSV_COLUMNS)));
  for await (const batch of batches()) {
    csv.push(strToU8(csvLines(batch.flatMap((r) => reportCellRows(csvSource(r))))));
    await yieldToServer();
  }
  csv.push(new Uint8Array(0), true);
  for await (const batch of batches()) {
    for (const r of batch) {
      entry(`reports/${r.orgSlug}.json`).push(strToU8(JSON.stringify(reportJson(r), null, 2)), true);
      await yieldToServer();
    }
  }
  zip.end();
  if (failure) throw failure;
  if (!finished) throw new Error("bulk archive did not finish");
  return Buffer.concat(chunks);
}
