import "server-only";
import { renderAtomFeed, type FeedEvent } from "@/lib/domain/open-data/atom-feed";
import { Prisma } from "@/lib/generated/prisma/client";
import { db as defaultDb, type Db } from "../platform/db";

// The events of the public record, newest first, for the Atom feeds (/feed.xml, /reports/<org>/feed.xml): every
// edition published (edition 1 a publication, later ones corrections with their 更正说明) and every withdrawal with
// its notice. Public data only; titles are read with a JSON path, never the whole documents.

export const FEED_LIMIT = 100;

interface EditionEventRow {
  reportId: string;
  number: number;
  publishedAt: Date;
  changeNote: string | null;
  withdrawnAt: Date | null;
  withdrawalNote: string | null;
  year: number;
  slug: string;
  name: string;
  title: string | null;
}

function eventsOf(rows: EditionEventRow[]): FeedEvent[] {
  const base = (r: EditionEventRow) => ({
    orgSlug: r.slug,
    orgName: r.name,
    year: r.year,
    title: r.title || `${r.name}${r.year}年政府信息公开工作年度报告`,
    editionNumber: r.number,
  });
  const published = rows.map((r): FeedEvent => ({
    ...base(r),
    kind: r.number > 1 ? "correction" : "publication",
    at: r.publishedAt,
    note: r.number > 1 ? r.changeNote : null,
  }));
  // One withdrawal takes every edition of the report offline at once: one event, named after the newest edition.
  const withdrawals = new Map<string, EditionEventRow>();
  for (const r of rows) {
    if (!r.withdrawnAt) continue;
    const key = `${r.reportId}|${r.withdrawnAt.getTime()}`;
    if ((withdrawals.get(key)?.number ?? 0) < r.number) withdrawals.set(key, r);
  }
  const withdrawn = [...withdrawals.values()].map((r): FeedEvent => ({
    ...base(r),
    kind: "withdrawal",
    at: r.withdrawnAt!,
    note: r.withdrawalNote,
  }));
  return [...published, ...withdrawn].sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** The newest events, of one body or of all. */
export async function listFeedEvents(orgSlug: string | null, db: Db = defaultDb): Promise<FeedEvent[]> {
  const where = orgSlug ? Prisma.sql`WHERE o.slug = ${orgSlug}` : Prisma.empty;
  const rows = await db.$queryRaw<EditionEventRow[]>`
    SELECT e."reportId", e.number, e."publishedAt", e."changeNote", e."withdrawnAt", e."withdrawalNote",
           r.year, o.slug, o.name, e.content->'meta'->>'title' AS title
    FROM "ReportEdition" e
    JOIN "Report" r ON r.id = e."reportId"
    JOIN "Organization" o ON o.id = r."orgId"
    ${where}
    ORDER BY GREATEST(e."publishedAt", COALESCE(e."withdrawnAt", e."publishedAt")) DESC
    LIMIT ${FEED_LIMIT}`;
  return eventsOf(rows).slice(0, FEED_LIMIT);
}

/** The site-wide feed, or one body's; null when the body does not exist. */
export async function atomFeedOf(
  origin: string,
  orgSlug: string | null,
  db: Db = defaultDb,
): Promise<string | null> {
  const org = orgSlug
    ? await db.organization.findUnique({ where: { slug: orgSlug }, select: { name: true } })
    : null;
  if (orgSlug && !org) return null;
  return renderAtomFeed({
    origin,
    selfPath: orgSlug ? `/reports/${orgSlug}/feed.xml` : "/feed.xml",
    pagePath: orgSlug ? `/reports/${orgSlug}` : "/",
    title: org ? `${org.name} · 政府信息公开工作年度报告` : "政府信息公开工作年度报告 · 发布、更正与撤销",
    events: await listFeedEvents(orgSlug, db),
  });
}
