import "server-only";
import {
  publicationDeadline,
  publicationStatus,
  type CalendarEntry,
} from "@/lib/domain/calendar/publication-calendar";
import { db as defaultDb, type Db } from "../platform/db";
import { listDeadlineOverrides, listPublicOrgs, type PublicOrg } from "./orgs";
import { listCurrentEditions, type CurrentEdition } from "./reports";

// The publication calendar of one report year: every body with its deadline and whether it has published (on
// time or late), not yet, or is overdue. Public data; no actor.

export interface CalendarRow extends CalendarEntry {
  org: PublicOrg;
  /** The report's current public edition, if it is published. */
  report: CurrentEdition | null;
}

/** Ordered by deadline, then overdue and pending before published, then by name. */
export async function listPublicationCalendar(
  year: number,
  now = new Date(),
  db: Db = defaultDb,
): Promise<CalendarRow[]> {
  const [orgs, reports, overrides] = await Promise.all([
    listPublicOrgs(db),
    listCurrentEditions(year, null, db),
    listDeadlineOverrides(year, db),
  ]);
  const reportOf = new Map(reports.map((r) => [r.orgId, r]));
  const rank = { overdue: 0, pending: 1, publishedLate: 2, published: 3 } as const;
  return orgs
    .map((org) => {
      const report = reportOf.get(org.id) ?? null;
      const deadline = publicationDeadline(org, year, overrides.get(org.id));
      return { org, report, ...publicationStatus(deadline, report?.firstPublishedAt ?? null, now) };
    })
    .sort(
      (a, b) =>
        a.deadline.localeCompare(b.deadline) ||
        rank[a.status] - rank[b.status] ||
        a.org.name.localeCompare(b.org.name, "zh-CN"),
    );
}

/** The years in which anything was published, newest first (for year pickers). */
export async function listPublishedYears(db: Db = defaultDb): Promise<number[]> {
  const rows = await db.report.findMany({
    where: { editions: { some: { withdrawnAt: null } }, status: { not: "WITHDRAWN" } },
    select: { year: true },
    distinct: ["year"],
    orderBy: { year: "desc" },
  });
  return rows.map((r) => r.year);
}
