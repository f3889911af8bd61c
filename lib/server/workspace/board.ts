import "server-only";
import { parseExplanations } from "@/lib/domain/explanations";
import { toCsv } from "@/lib/domain/open-data/export-csv";
import {
  filterBoardRows,
  sortBoardRows,
  countByStatus,
  type BoardQuery,
  type BoardRow,
} from "@/lib/domain/board";
import { formatDateTimeZh, toIsoDateInChina } from "@/lib/domain/dates";
import { daysUntil, deadlineEnd } from "@/lib/domain/calendar/deadline";
import type { Finding } from "@/lib/domain/findings";
import { isSelfOrDescendant } from "@/lib/domain/orgs/tree";
import { BOARD_STATUS_LABELS, boardStatus, reportStatusLabel } from "@/lib/domain/workflow/report-status";
import { parseReport } from "@/lib/domain/report-schema";
import { checkReport } from "@/lib/domain/rules/check-report";
import { fail } from "../platform/action";
import type { Actor } from "../auth/actor";
import {
  assertCanInTree,
  loadOrgTree,
  NOT_FOUND_MESSAGE,
  orgIdsPermitting,
  type DbClient,
} from "../auth/authorize";
import { db as defaultDb } from "../platform/db";
import { deadlineIsoOf } from "../workflow/subject";

// The deadline board of a supervising organisation (政务公开办, 管理员): every body below it, for one year, with
// the board status, last activity, findings and days to the deadline.

/** The report cycle that matters most: last year's reports, due in the first months of this year. */
export const defaultBoardYear = (now: Date) => Number(toIsoDateInChina(now).slice(0, 4)) - 1;

/** The organisations whose board the actor may open: those with bodies below them. */
export async function listBoardRoots(actor: Actor, db: DbClient = defaultDb) {
  const tree = await loadOrgTree(db);
  const ids = orgIdsPermitting(actor, "board.view", tree).filter((id) =>
    tree.ids.some((c) => tree.parentOf(c) === id),
  );
  const orgs = await db.organization.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
  });
  return ids.map((id) => orgs.find((o) => o.id === id)!);
}

export async function getDeadlineBoard(
  actor: Actor,
  query: BoardQuery,
  db: DbClient = defaultDb,
  now = new Date(),
) {
  const roots = await listBoardRoots(actor, db);
  const root = query.org ? roots.find((r) => r.id === query.org) : roots[0];
  if (!root) return fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  const tree = await loadOrgTree(db);
  assertCanInTree(actor, "board.view", root.id, tree);
  const year = query.year ?? defaultBoardYear(now);
  const bodyIds = tree.ids.filter((id) => id !== root.id && isSelfOrDescendant(tree, id, root.id));
  const all = await boardRows(db, bodyIds, year, now);
  const rows = sortBoardRows(filterBoardRows(all, query), query.sort, query.dir);
  return { roots, root, year, rows, counts: countByStatus(all), total: all.length };
}

async function boardRows(db: DbClient, orgIds: string[], year: number, now: Date): Promise<BoardRow[]> {
  const orgs = await db.organization.findMany({
    where: { id: { in: orgIds } },
    include: {
      deadlines: { where: { year } },
      reports: {
        where: { year: { in: [year, year - 1] } },
        include: {
          editions: { where: { withdrawnAt: null }, orderBy: { number: "desc" }, take: 1 },
          _count: { select: { editions: true } },
        },
      },
    },
  });
  const reportIds = orgs.flatMap((o) => o.reports.filter((r) => r.year === year).map((r) => r.id));
  const activity = await db.auditEvent.groupBy({
    by: ["targetId"],
    where: { targetType: "report", targetId: { in: reportIds } },
    _max: { at: true },
  });
  const lastAudit = new Map(activity.map((a) => [a.targetId, a._max.at]));
  return orgs.map((org) => {
    const report = org.reports.find((r) => r.year === year) ?? null;
    const previous = org.reports.find((r) => r.year === year - 1)?.editions[0];
    const deadline = deadlineIsoOf(org, year, org.deadlines[0]?.deadline);
    const status = boardStatus(
      report && { status: report.status, hasEditions: report._count.editions > 0 },
      deadlineEnd(deadline),
      now,
    );
    const findings = report
      ? findingsOf(report, status === "PUBLISHED", previous?.content, org, deadline)
      : [];
    const audited = report ? lastAudit.get(report.id) : null;
    return {
      orgId: org.id,
      orgName: org.name,
      reportId: report?.id ?? null,
      status,
      detail: report ? reportStatusLabel({ ...report, chain: org.approvalChain }) : "",
      lastActivityAt: latest(report?.updatedAt, audited),
      errorCount: findings.filter((f) => f.severity === "error").length,
      warningCount: findings.filter((f) => f.severity === "warning").length,
      deadline,
      daysLeft: daysUntil(deadlineEnd(deadline), now),
    };
  });
}

/** What the public edition was found to have when it is online; the live check of the draft otherwise. */
function findingsOf(
  report: { content: unknown; explanations: unknown; editions: { findings: unknown }[] },
  isOnline: boolean,
  previous: unknown,
  org: { hasRuleMakingPower: boolean },
  deadline: string,
): Finding[] {
  const edition = report.editions[0];
  if (isOnline && edition) return Array.isArray(edition.findings) ? (edition.findings as Finding[]) : [];
  return checkReport(parseReport(report.content), {
    previous: previous ? parseReport(previous) : null,
    profile: { hasRuleMakingPower: org.hasRuleMakingPower, deadline },
    stage: "submit",
    explanations: parseExplanations(report.explanations),
  });
}

function latest(...dates: (Date | null | undefined)[]): Date | null {
  const times = dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

const BOARD_CSV_HEADER = ["机构", "状态", "年报状态", "最近活动", "错误", "警告", "公开期限", "距期限天数"];

/** The board as CSV (UTF-8 with BOM for spreadsheet software), rows as filtered and sorted on screen. */
export function boardCsv(rows: readonly BoardRow[]): string {
  const records = rows.map((r) => [
    r.orgName,
    BOARD_STATUS_LABELS[r.status],
    r.detail || "未创建",
    r.lastActivityAt ? formatDateTimeZh(r.lastActivityAt) : "",
    String(r.errorCount),
    String(r.warningCount),
    r.deadline,
    String(r.daysLeft),
  ]);
  return toCsv(BOARD_CSV_HEADER, records);
}
