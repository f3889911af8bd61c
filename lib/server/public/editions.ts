import "server-only";
import { describeChanges, diffReports } from "@/lib/domain/diff";
import { parseReport, type Report } from "@/lib/domain/report-schema";
import type {
  PublicEditionEntry,
  PublicEditionHistory,
  WithdrawalNoticeView,
} from "@/lib/domain/views/editions";
import { db as defaultDb, type Db } from "../platform/db";

// The public's view of a report's editions: the correction notice of the current edition (「本报告已于…更正」
// with its 更正说明 and a field-level list of what changed), the list of earlier editions, one earlier edition,
// and the notice left at the address of a withdrawn publication. Public data only; no actor.

export const editionHref = (orgSlug: string, year: number, number: number) =>
  `/reports/${orgSlug}/${year}/editions/${number}`;

async function listEditions(db: Db, orgSlug: string, year: number) {
  return db.reportEdition.findMany({
    where: { report: { year, org: { slug: orgSlug } } },
    orderBy: { number: "desc" },
  });
}

type EditionRow = Awaited<ReturnType<typeof listEditions>>[number];

function entryOf(
  e: EditionRow,
  orgSlug: string,
  year: number,
  currentNumber: number | null,
): PublicEditionEntry {
  return {
    number: e.number,
    publishedAt: e.publishedAt,
    changeNote: e.changeNote,
    withdrawnAt: e.withdrawnAt,
    isCurrent: e.number === currentNumber,
    isUnreviewed: e.isUnreviewed && !e.reviewedAfterById,
    href: editionHref(orgSlug, year, e.number),
  };
}

/** null when nothing of the report is public (never published, or the publication was withdrawn). */
export async function getPublicEditionHistory(
  orgSlug: string,
  year: number,
  db: Db = defaultDb,
): Promise<PublicEditionHistory | null> {
  const rows = await listEditions(db, orgSlug, year);
  const current = rows.find((e) => e.withdrawnAt === null);
  if (!current) return null;
  const editions = rows.map((e) => entryOf(e, orgSlug, year, current.number));
  const previous = rows.find((e) => e.number < current.number);
  const correction =
    previous && current.changeNote
      ? {
          correctedAt: current.publishedAt,
          note: current.changeNote,
          changes: describeChanges(diffReports(parseReport(previous.content), parseReport(current.content))),
          previousHref: editionHref(orgSlug, year, previous.number),
        }
      : null;
  return { current: editions.find((e) => e.isCurrent)!, correction, editions };
}

export interface PublicEdition extends PublicEditionEntry {
  orgName: string;
  content: Report;
  /** The current edition's number, to link back; null when the publication was withdrawn. */
  currentNumber: number | null;
}

/** One edition as published, for the archive of earlier editions; a withdrawn one is not shown again. */
export async function getPublicEdition(
  orgSlug: string,
  year: number,
  number: number,
  db: Db = defaultDb,
): Promise<PublicEdition | null> {
  const rows = await listEditions(db, orgSlug, year);
  const edition = rows.find((e) => e.number === number);
  if (!edition || edition.withdrawnAt) return null;
  const org = await db.organization.findUnique({ where: { slug: orgSlug }, select: { name: true } });
  const currentNumber = rows.find((e) => e.withdrawnAt === null)?.number ?? null;
  return {
    ...entryOf(edition, orgSlug, year, currentNumber),
    orgName: org?.name ?? "",
    content: parseReport(edition.content),
    currentNumber,
  };
}

/** What the report's address shows once its publication is withdrawn (and nothing newer is public). */
export async function getWithdrawalNotice(
  orgSlug: string,
  year: number,
  db: Db = defaultDb,
): Promise<WithdrawalNoticeView | null> {
  const rows = await listEditions(db, orgSlug, year);
  const [latest] = rows;
  if (!latest?.withdrawnAt || rows.some((e) => e.withdrawnAt === null)) return null;
  const org = await db.organization.findUniqueOrThrow({ where: { slug: orgSlug }, select: { name: true } });
  const content = parseReport(latest.content);
  return {
    orgName: org.name,
    year,
    title: content.meta.title || `${org.name}${year}年政府信息公开工作年度报告`,
    withdrawnAt: latest.withdrawnAt,
    note: latest.withdrawalNote ?? "",
  };
}
