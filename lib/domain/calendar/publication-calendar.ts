// The publication calendar (like GOV.UK's statistics release calendar): for one report year, which bodies have
// published, which not yet, and which are late. A body's deadline is its per-year override, else its configured
// month/day in the following year, else the statutory default for its kind (lib/domain/calendar/deadline.ts).
import { daysUntil, deadlineEnd, defaultDeadline } from "./deadline";
import type { OrgKind } from "../orgs/tree";

export type PublicationStatus = "published" | "publishedLate" | "pending" | "overdue";

export const PUBLICATION_STATUS_LABELS: Record<PublicationStatus, string> = {
  published: "已按时发布",
  publishedLate: "逾期发布",
  pending: "尚未发布",
  overdue: "逾期未发布",
};

export interface DeadlineSource {
  kind: OrgKind;
  deadlineMonth?: number | null;
  deadlineDay?: number | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The ISO date by which the report on `year` must be published. */
export function publicationDeadline(org: DeadlineSource, year: number, override?: string | null): string {
  if (override) return override;
  if (org.deadlineMonth && org.deadlineDay)
    return `${year + 1}-${pad(org.deadlineMonth)}-${pad(org.deadlineDay)}`;
  return defaultDeadline(org.kind, year);
}

export interface CalendarEntry {
  status: PublicationStatus;
  deadline: string;
  /** Whole days left while pending; days overdue (positive) once overdue; null once published. */
  days: number | null;
}

/** Where one body stands for one year, given when its report was first published (null: not public). */
export function publicationStatus(deadline: string, firstPublishedAt: Date | null, now: Date): CalendarEntry {
  const end = deadlineEnd(deadline);
  if (firstPublishedAt) {
    const status = firstPublishedAt.getTime() < end.getTime() ? "published" : "publishedLate";
    return { status, deadline, days: null };
  }
  const left = daysUntil(end, now);
  if (left > 0) return { status: "pending", deadline, days: left };
  // Overdue days count like days left: the first (partial) day after the deadline is day 1.
  return { status: "overdue", deadline, days: Math.max(1, daysUntil(now, end)) };
}

/** The report year whose publications fall in the calendar year of `now` (in 2026, the 2025 reports). */
export function currentReportYear(now: Date): number {
  const chinaYear = Number(
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(now),
  );
  return chinaYear - 1;
}

/** Counts per status, for the calendar's summary line. */
export function countByStatus(
  entries: readonly { status: PublicationStatus }[],
): Record<PublicationStatus, number> {
  const counts: Record<PublicationStatus, number> = {
    published: 0,
    publishedLate: 0,
    pending: 0,
    overdue: 0,
  };
  for (const e of entries) counts[e.status]++;
  return counts;
}
