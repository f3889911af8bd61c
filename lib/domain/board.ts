// The deadline board's rows, filters and order: pure, so the page and its CSV export show the same thing.
import { z } from "zod";
import { BOARD_STATUSES, type BoardStatus } from "./workflow/report-status";

export interface BoardRow {
  orgId: string;
  orgName: string;
  reportId: string | null;
  status: BoardStatus;
  /** The report's own status in words, e.g. 待审核（签发）; empty when there is no report. */
  detail: string;
  lastActivityAt: Date | null;
  errorCount: number;
  warningCount: number;
  deadline: string;
  /** Whole days left; 0 or negative once passed. */
  daysLeft: number;
}

export const BOARD_SORT_KEYS = ["name", "status", "activity", "errors", "warnings", "days"] as const;
export type BoardSortKey = (typeof BOARD_SORT_KEYS)[number];

export const BOARD_SORT_LABELS: Record<BoardSortKey, string> = {
  name: "机构",
  status: "状态",
  activity: "最近活动",
  errors: "错误",
  warnings: "警告",
  days: "距期限天数",
};

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

/** Search parameters of the board and its CSV export; a malformed value is ignored, never an error. */
export const boardQuerySchema = z.object({
  org: optional(z.string().max(40)),
  year: optional(z.coerce.number().int().min(2008).max(2100)),
  status: optional(z.enum(BOARD_STATUSES)),
  q: optional(z.string().trim().max(60)),
  sort: z.enum(BOARD_SORT_KEYS).catch("days"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
});
export type BoardQuery = z.output<typeof boardQuerySchema>;

export function filterBoardRows(
  rows: readonly BoardRow[],
  query: Pick<BoardQuery, "status" | "q">,
): BoardRow[] {
  return rows.filter(
    (r) => (!query.status || r.status === query.status) && (!query.q || r.orgName.includes(query.q)),
  );
}

const SORT_VALUE: Record<BoardSortKey, (r: BoardRow) => number | string> = {
  name: (r) => r.orgName,
  status: (r) => BOARD_STATUSES.indexOf(r.status),
  activity: (r) => r.lastActivityAt?.getTime() ?? -Infinity,
  errors: (r) => r.errorCount,
  warnings: (r) => r.warningCount,
  days: (r) => r.daysLeft,
};

/** Stable order by the key, ties by name. */
export function sortBoardRows(
  rows: readonly BoardRow[],
  sort: BoardSortKey,
  dir: "asc" | "desc",
): BoardRow[] {
  const value = SORT_VALUE[sort];
  const sign = dir === "asc" ? 1 : -1;
  const compare = (a: number | string, b: number | string) =>
    typeof a === "string" ? a.localeCompare(b as string, "zh-CN") : (a as number) - (b as number);
  return [...rows].sort(
    (a, b) => sign * compare(value(a), value(b)) || a.orgName.localeCompare(b.orgName, "zh-CN"),
  );
}

export function countByStatus(rows: readonly BoardRow[]): Record<BoardStatus, number> {
  const counts = Object.fromEntries(BOARD_STATUSES.map((s) => [s, 0])) as Record<BoardStatus, number>;
  for (const r of rows) counts[r.status]++;
  return counts;
}
