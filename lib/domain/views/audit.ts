// Rows of the audit trail as the tables and CSV exports show them: one report's history (lib/server/reports/
// history.ts) and the administrators' audit log (lib/server/audit/log.ts), declared once for them and the tables.

/** One event in a report's history tab. */
export interface HistoryRow {
  id: string;
  at: Date;
  atLabel: string;
  actorName: string;
  actionLabel: string;
  summary: string;
  ip: string;
}

/** One event in the administrators' audit log. */
export interface AuditRow {
  id: string;
  at: Date;
  atLabel: string;
  actorName: string;
  action: string;
  actionLabel: string;
  orgName: string;
  /** The user's username or the organisation's short name the event is about, when it names one. */
  targetLabel: string;
  targetType: string;
  targetId: string;
  summary: string;
  ip: string;
}
