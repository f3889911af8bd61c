import type { Countdown } from "../calendar/countdown";
import type { ReportStatus } from "../workflow/report-status";

// What the staff workspace shows about the actor's own work — 「我的年报」 and the to-do list — declared once for
// the server that builds it (lib/server/workspace, lib/server/workflow/todo.ts) and the components that show it.

export interface MyReportRow {
  id: string;
  year: number;
  status: ReportStatus;
  statusLabel: string;
  isEditable: boolean;
  countdown: Countdown;
  errors: number;
  warnings: number;
  unexplained: number;
  blankCells: number;
}

export interface MyOrg {
  id: string;
  name: string;
  roles: string[];
  mayCreate: boolean;
  reportingYear: number;
  /** The reporting year's deadline countdown when its report does not exist yet. */
  missing: Countdown | null;
  reports: MyReportRow[];
}

export interface TodoItem {
  reportId: string;
  orgName: string;
  year: number;
  statusLabel: string;
  /** What is asked of the actor, e.g. 签发. */
  task: string;
  since: Date;
  daysLeft: number;
  href: string;
}

export interface TodoList {
  decide: TodoItem[];
  publish: TodoItem[];
  returned: TodoItem[];
  reviewAfter: TodoItem[];
}
