// Publication deadlines (条例 art. 49): by 31 January for departments, 街道 and 乡镇; by 31 March for a
// county/district/city government's own report. Dates are ISO "YYYY-MM-DD" calendar dates in China.
import type { OrgKind } from "../orgs/tree";

const DAY_MS = 24 * 60 * 60 * 1000;
const CHINA_UTC_OFFSET_HOURS = 8;
const GOVERNMENT_KINDS: readonly OrgKind[] = ["CITY", "DISTRICT"];

/** Force-publishing opens this many days before the deadline (and stays open after it). */
export const FORCE_PUBLISH_WINDOW_DAYS = 3;

/**
 * The one deadline rule: the deadline for the report on `reportYear`; a per-year override (OrgDeadline) wins.
 * A body whose kind is not known (null) is held to the earlier, 31 January deadline. The rule engine's finer
 * BodyKind reaches it through orgKindOf (lib/domain/orgs/body-kind.ts).
 */
export function defaultDeadline(
  orgKind: OrgKind | null,
  reportYear: number,
  override?: string | null,
): string {
  if (override) return override;
  const { month, day } = defaultDeadlineMonthDay(orgKind);
  return `${reportYear + 1}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The month and day of the year after the report's year by which a body of this kind publishes by default. */
export function defaultDeadlineMonthDay(orgKind: OrgKind | null): { month: number; day: number } {
  return orgKind !== null && GOVERNMENT_KINDS.includes(orgKind)
    ? { month: 3, day: 31 }
    : { month: 1, day: 31 };
}

/** The instant a deadline passes: the end of that day in China Standard Time (UTC+8, no daylight saving). */
export function deadlineEnd(isoDate: string): Date {
  const [year, month, day] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + 1, -CHINA_UTC_OFFSET_HOURS));
}

/** Whole days left before the deadline, rounded up; 0 or less once it has passed. */
export function daysUntil(deadline: Date, now: Date): number {
  return Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS);
}

export function isInForcePublishWindow(
  deadline: Date,
  now: Date,
  windowDays = FORCE_PUBLISH_WINDOW_DAYS,
): boolean {
  return deadline.getTime() - now.getTime() <= windowDays * DAY_MS;
}
