import "server-only";
import type { OrgKind } from "@/lib/domain/orgs/tree";
import { parseReport, type Report } from "@/lib/domain/report-schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { db as defaultDb, type Db } from "../platform/db";
import type { PublicEditionHistory, WithdrawalNoticeView } from "@/lib/domain/views/editions";
import { getPublicEditionHistory, getWithdrawalNotice } from "./editions";

// Public reads: only published, not withdrawn editions ever leave through here; no actor is needed.

export interface PublishedReportSummary {
  orgSlug: string;
  orgName: string;
  orgShortName: string;
  orgKind: OrgKind;
  year: number;
  title: string;
  /** When the current edition was published (a correction's date once corrected). */
  publishedAt: Date;
  /** When the report was first published (edition 1): what the publication calendar measures. */
  firstPublishedAt: Date;
  editionNumber: number;
  editionId: string;
}

export interface ReportFilter {
  orgSlug?: string;
  year?: number;
  years?: readonly number[];
  kind?: OrgKind;
  /** Only these organisations (internal ids), e.g. the descendants a 汇总 adds up. */
  orgIds?: readonly string[];
}

// Lists never load the stored documents (nor the working drafts): a title is read with a JSON path, a full
// document only where a page shows it.
async function currentEditions(db: Db, where: ReportFilter) {
  return db.reportEdition.findMany({
    where: {
      withdrawnAt: null,
      report: {
        // A report reopened for correction keeps its current edition public until the correction is out.
        status: { not: "WITHDRAWN" },
        year: where.year ?? (where.years ? { in: [...where.years] } : undefined),
        orgId: where.orgIds ? { in: [...where.orgIds] } : undefined,
        org: { slug: where.orgSlug, kind: where.kind },
      },
    },
    orderBy: [{ reportId: "asc" }, { number: "desc" }],
    distinct: ["reportId"],
    select: {
      id: true,
      number: true,
      publishedAt: true,
      changeNote: true,
      report: {
        select: {
          year: true,
          org: {
            select: {
              slug: true,
              name: true,
              shortName: true,
              kind: true,
              parent: { select: { slug: true } },
            },
          },
          editions: { select: { publishedAt: true }, orderBy: { number: "asc" }, take: 1 },
        },
      },
    },
  });
}

type EditionRow = Awaited<ReturnType<typeof currentEditions>>[number];

/** The order of the documents lists and the bulk archive: by body, then year. */
const byBodyThenYear = (a: EditionRow, b: EditionRow) =>
  a.report.org.slug.localeCompare(b.report.org.slug) || a.report.year - b.report.year;

async function titlesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; title: string | null }[]>`
    SELECT id, content->'meta'->>'title' AS title FROM "ReportEdition" WHERE id = ANY(${ids})`;
  return new Map(rows.map((r) => [r.id, r.title ?? ""]));
}

async function contentsOf(db: Db, ids: string[]): Promise<Map<string, unknown>> {
  const rows = await db.reportEdition.findMany({
    where: { id: { in: ids } },
    select: { id: true, content: true },
  });
  return new Map(rows.map((r) => [r.id, r.content]));
}

const defaultTitle = (orgName: string, year: number) => `${orgName}${year}年政府信息公开工作年度报告`;

function summaryOf(e: EditionRow, title: string): PublishedReportSummary {
  const { org } = e.report;
  return {
    orgSlug: org.slug,
    orgName: org.name,
    orgShortName: org.shortName,
    orgKind: org.kind,
    year: e.report.year,
    title: title || defaultTitle(org.name, e.report.year),
    publishedAt: e.publishedAt,
    firstPublishedAt: e.report.editions[0]?.publishedAt ?? e.publishedAt,
    editionNumber: e.number,
    editionId: e.id,
  };
}

/**
 * Published reports, newest publication first; with `latest`, only that many (the home page's 最新发布): the
 * titles, read out of the stored documents, are then read for those only.
 */
export async function listPublishedReports(
  filter: ReportFilter & { latest?: number } = {},
  db: Db = defaultDb,
): Promise<PublishedReportSummary[]> {
  const newestFirst = (a: EditionRow, b: EditionRow) =>
    b.publishedAt.getTime() - a.publishedAt.getTime() || a.report.org.slug.localeCompare(b.report.org.slug);
  const editions = (await currentEditions(db, filter)).sort(newestFirst).slice(0, filter.latest);
  const titles = await titlesOf(
    db,
    editions.map((e) => e.id),
  );
  return editions.map((e) => summaryOf(e, titles.get(e.id) ?? ""));
}

export interface PublishedReport extends PublishedReportSummary {
  orgParentSlug: string | null;
  /** The 更正说明 of the current edition when it corrects an earlier one. */
  changeNote: string | null;
  content: Report;
}

function toPublished(e: EditionRow, stored: unknown): PublishedReport {
  const content = parseReport(stored);
  const orgParentSlug = e.report.org.parent?.slug ?? null;
  return { ...summaryOf(e, content.meta.title), orgParentSlug, changeNote: e.changeNote, content };
}

/** The rows with their documents, parsed (and so validated) by the report schema. */
async function withContents(db: Db, editions: EditionRow[]): Promise<PublishedReport[]> {
  const contents = await contentsOf(
    db,
    editions.map((e) => e.id),
  );
  return editions.map((e) => toPublished(e, contents.get(e.id)));
}

/**
 * The published reports of `filter` with their documents, `size` at a time, in the order of
 * listPublishedReportContents (body, then year): what the bulk archive reads, without holding a whole year's
 * documents at once.
 */
export async function* publishedReportBatches(
  filter: ReportFilter,
  size = 50,
  db: Db = defaultDb,
): AsyncGenerator<PublishedReport[]> {
  const editions = (await currentEditions(db, filter)).sort(byBodyThenYear);
  for (let i = 0; i < editions.length; i += size) yield await withContents(db, editions.slice(i, i + size));
}

export async function getPublishedReport(
  orgSlug: string,
  year: number,
  db: Db = defaultDb,
): Promise<PublishedReport | null> {
  const [edition] = await currentEditions(db, { orgSlug, year });
  if (!edition) return null;
  const [report] = await withContents(db, [edition]);
  return report ?? null;
}

/** Every published report of one body with its content, in year order (newest first). */
export async function listPublishedReportsOf(
  orgSlug: string,
  db: Db = defaultDb,
): Promise<PublishedReport[]> {
  const reports = await withContents(db, await currentEditions(db, { orgSlug }));
  return reports.sort((a, b) => b.year - a.year);
}

/** Full published reports matching a filter (bulk downloads, comparisons), by organisation then year. */
export async function listPublishedReportContents(
  filter: ReportFilter,
  db: Db = defaultDb,
): Promise<PublishedReport[]> {
  return withContents(db, (await currentEditions(db, filter)).sort(byBodyThenYear));
}

/** The current public edition of one report, without its document: what the calendar and the 汇总 need. */
export interface CurrentEdition {
  orgId: string;
  editionId: string;
  editionNumber: number;
  /** When the current edition was published (a correction's date once corrected). */
  publishedAt: Date;
  /** When the report was first published (edition 1): what the publication calendar measures. */
  firstPublishedAt: Date;
}

/**
 * The current public edition of every report of one year, by the rule of currentEditions() above — only of the
 * bodies `orgIds` selects (a subquery, e.g. orgIdsBelow()) when given. One statement on Report(year) or
 * Report(orgId, year) and ReportEdition(reportId, number); no id list is sent and no document is read.
 */
export async function listCurrentEditions(
  year: number,
  orgIds: Prisma.Sql | null = null,
  db: Db = defaultDb,
): Promise<CurrentEdition[]> {
  const [, editions] = await db.$transaction([NO_JIT(db), currentEditionsQuery(year, orgIds, db)]);
  return editions;
}

/**
 * `SET LOCAL jit = off`, first in a transaction of reads. PostgreSQL compiles a statement whose estimated cost
 * passes jit_above_cost; a year's editions, and above all a recursive walk of the tree (orgIdsBelow, estimated at
 * millions of rows), pass it, and compiling then costs 0.05–0.4 s more than it saves (docs/performance.md).
 */
export const NO_JIT = (db: Db) => db.$executeRaw`SET LOCAL jit = off`;

/** listCurrentEditions() as one statement, to run in a transaction with others. */
export function currentEditionsQuery(year: number, orgIds: Prisma.Sql | null, db: Db) {
  return db.$queryRaw<CurrentEdition[]>`
    SELECT r."orgId", e.id AS "editionId", e.number AS "editionNumber", e."publishedAt",
           first."publishedAt" AS "firstPublishedAt"
    FROM "Report" r
    CROSS JOIN LATERAL (
      SELECT e.id, e.number, e."publishedAt" FROM "ReportEdition" e
      WHERE e."reportId" = r.id AND e."withdrawnAt" IS NULL
      ORDER BY e.number DESC LIMIT 1
    ) e
    CROSS JOIN LATERAL (
      SELECT f."publishedAt" FROM "ReportEdition" f WHERE f."reportId" = r.id ORDER BY f.number LIMIT 1
    ) first
    WHERE r.year = ${year} AND r.status <> 'WITHDRAWN'${inOrgs(orgIds)}`;
}

const inOrgs = (orgIds: Prisma.Sql | null) =>
  orgIds ? Prisma.sql` AND r."orgId" IN (${orgIds})` : Prisma.empty;

/**
 * The WHERE condition that report `r` is one year's published report, by the rule of currentEditions() — not
 * withdrawn and with a public edition — of the bodies `orgIds` selects, if given. The edition is looked up per
 * report on ReportEdition(reportId, number): OFFSET 0 keeps PostgreSQL from turning the EXISTS into a join that
 * reads every edition.
 */
export function publicReportOf(year: number, orgIds: Prisma.Sql | null): Prisma.Sql {
  return Prisma.sql`r.year = ${year} AND r.status <> 'WITHDRAWN'
      AND EXISTS (
        SELECT 1 FROM "ReportEdition" pe WHERE pe."reportId" = r.id AND pe."withdrawnAt" IS NULL OFFSET 0
      )${inOrgs(orgIds)}`;
}

// ---- Editions, corrections and withdrawal (lib/server/public/editions.ts) -----------------------------------

export type PublicReportView =
  | { kind: "published"; report: PublishedReport; editions: PublicEditionHistory }
  | { kind: "withdrawn"; notice: WithdrawalNoticeView };

/**
 * Everything the report's public address shows: the current edition with its correction notice and the list of
 * editions, or — once the publication is withdrawn — the withdrawal notice (never a silent 404); null when
 * nothing was ever published there.
 */
export async function getPublicReportView(
  orgSlug: string,
  year: number,
  db: Db = defaultDb,
): Promise<PublicReportView | null> {
  const report = await getPublishedReport(orgSlug, year, db);
  if (report) {
    const editions = await getPublicEditionHistory(orgSlug, year, db);
    if (editions) return { kind: "published", report, editions };
  }
  const notice = await getWithdrawalNotice(orgSlug, year, db);
  return notice ? { kind: "withdrawn", notice } : null;
}
