import "server-only";
import { formatDateTimeZh } from "@/lib/domain/dates";
import { fail } from "../platform/action";
import { REPORT_AUDIT_LABELS } from "@/lib/domain/audit-labels";
import { toCsv } from "@/lib/domain/open-data/export-csv";
import type { HistoryRow } from "@/lib/domain/views/audit";
import { AUDIT_ACTION_LABELS } from "../audit/log";
import type { Actor } from "../auth/actor";
import { assertCan, NOT_FOUND_MESSAGE, type DbClient } from "../auth/authorize";
import { db as defaultDb } from "../platform/db";

// One report's audit trail (its history tab and CSV): every event recorded against the report — creation, saves,
// imports, explanations, submissions, decisions, remarks, publications — oldest first, never pruned.

export const auditLabel = (action: string) =>
  REPORT_AUDIT_LABELS[action] ?? AUDIT_ACTION_LABELS[action] ?? action;

async function requireReport(actor: Actor, reportId: string, db: DbClient) {
  const report = await db.report.findUnique({
    where: { id: reportId },
    include: { org: { select: { name: true } } },
  });
  if (!report) return fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  await assertCan(actor, "report.viewAudit", report.orgId, db);
  return report;
}

export async function listReportHistory(actor: Actor, reportId: string, db: DbClient = defaultDb) {
  const report = await requireReport(actor, reportId, db);
  const events = await db.auditEvent.findMany({
    where: { targetType: "report", targetId: reportId },
    orderBy: { id: "asc" },
  });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const users = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, displayName: true, username: true },
  });
  const rows: HistoryRow[] = events.map((e) => {
    const user = users.find((u) => u.id === e.actorId);
    return {
      id: e.id.toString(),
      at: e.at,
      atLabel: formatDateTimeZh(e.at),
      actorName: user ? `${user.displayName}（${user.username}）` : e.actorName || "系统",
      actionLabel: auditLabel(e.action),
      summary: e.summary,
      ip: e.ip,
    };
  });
  return { report: { id: report.id, orgName: report.org.name, year: report.year }, rows };
}

const HISTORY_CSV_HEADER = ["时间", "操作人", "操作", "摘要", "IP"];

export async function reportHistoryCsv(
  actor: Actor,
  reportId: string,
  db: DbClient = defaultDb,
): Promise<{ filename: string; csv: string }> {
  const { report, rows } = await listReportHistory(actor, reportId, db);
  const records = rows.map((r) => [r.atLabel, r.actorName, r.actionLabel, r.summary, r.ip]);
  return {
    filename: `report-history-${report.year}-${report.id}.csv`,
    csv: toCsv(HISTORY_CSV_HEADER, records),
  };
}
