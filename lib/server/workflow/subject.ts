import "server-only";
import { publicationDeadline, type DeadlineSource } from "@/lib/domain/calendar/publication-calendar";
import { deadlineEnd } from "@/lib/domain/calendar/deadline";
import { parseExplanations, submitGate, type Explanation } from "@/lib/domain/explanations";
import type { Finding } from "@/lib/domain/findings";
import { parseReport, type Report } from "@/lib/domain/report-schema";
import { checkReport } from "@/lib/domain/rules/check-report";
import type { SubmitGate } from "@/lib/domain/workflow/checks";
import { CONTENT_WRITING_ACTIONS, type WorkflowReport } from "@/lib/domain/workflow/workflow";
import type { OrgKind, ReportStatus } from "@/lib/generated/prisma/client";
import type { DbClient } from "../auth/authorize";

// A report as the workflow sees it: its state, its body's approval chain and deadline, whether it was ever
// published, and the rule engine's verdict on its content. Read inside the transaction that acts on it.

export interface WorkflowSubject {
  id: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  orgKind: OrgKind;
  hasRuleMakingPower: boolean;
  year: number;
  status: ReportStatus;
  reviewStep: number;
  version: number;
  content: Report;
  explanations: Explanation[];
  submittedById: string | null;
  lastEditedById: string | null;
  scheduledPublishAt: Date | null;
  scheduledById: string | null;
  scheduledChangeNote: string | null;
  chain: string[];
  hasEditions: boolean;
  reviewActionsSinceSubmit: number;
  /** Four-eyes: who wrote any of the content, and who approved a step of the current submission. */
  contentAuthorIds: string[];
  approverIds: string[];
  /** ISO date of the publication deadline, and the instant it passes. */
  deadlineIso: string;
  deadline: Date;
}

/** The body's deadline for a year: the per-year override, else its month/day (one rule: publicationDeadline). */
export function deadlineIsoOf(org: DeadlineSource, year: number, override?: Date | null): string {
  return publicationDeadline(org, year, override ? override.toISOString().slice(0, 10) : null);
}

export async function loadWorkflowSubject(reportId: string, db: DbClient): Promise<WorkflowSubject | null> {
  const row = await db.report.findUnique({
    where: { id: reportId },
    include: { org: { include: { deadlines: true } }, _count: { select: { editions: true } } },
  });
  if (!row) return null;
  const override = row.org.deadlines.find((d) => d.year === row.year)?.deadline;
  const deadlineIso = deadlineIsoOf(row.org, row.year, override);
  return {
    ...row,
    orgSlug: row.org.slug,
    orgName: row.org.name,
    orgKind: row.org.kind,
    hasRuleMakingPower: row.org.hasRuleMakingPower,
    content: parseReport(row.content),
    explanations: parseExplanations(row.explanations),
    chain: row.org.approvalChain,
    hasEditions: row._count.editions > 0,
    reviewActionsSinceSubmit: await countReviewActionsSinceSubmit(db, row.id, row.submittedById),
    ...(await fourEyesHistory(row.id, db)),
    deadlineIso,
    deadline: deadlineEnd(deadlineIso),
  };
}

/** Remarks by anyone but the submitter since the last submission: once a reviewer has spoken, 撤回 is over. */
async function countReviewActionsSinceSubmit(db: DbClient, reportId: string, submittedById: string | null) {
  const submission = await db.reportRevision.findFirst({
    where: { reportId, kind: "submission" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  if (!submission) return 0;
  return db.reportRemark.count({
    where: { reportId, createdAt: { gte: submission.createdAt }, authorId: { not: submittedById ?? "" } },
  });
}

export interface FourEyesHistory {
  contentAuthorIds: string[];
  approverIds: string[];
}

/**
 * From the report's audit trail (its revision history): every author of its content, and the approvers of
 * each step since the last submission. Read inside the transaction that decides, like the rest of the subject.
 */
async function fourEyesHistory(reportId: string, db: DbClient): Promise<FourEyesHistory> {
  return (await fourEyesHistories([reportId], db)).get(reportId) ?? { contentAuthorIds: [], approverIds: [] };
}

/** fourEyesHistory for many reports in three queries (the to-do list offers only what four-eyes allows). */
export async function fourEyesHistories(
  reportIds: readonly string[],
  db: DbClient,
): Promise<Map<string, FourEyesHistory>> {
  const history = new Map<string, FourEyesHistory>(
    reportIds.map((id) => [id, { contentAuthorIds: [], approverIds: [] }]),
  );
  if (reportIds.length === 0) return history;
  const ofReports = { targetType: "report", targetId: { in: [...reportIds] } };
  const authors = await db.auditEvent.findMany({
    where: { ...ofReports, action: { in: [...CONTENT_WRITING_ACTIONS] }, actorId: { not: null } },
    distinct: ["targetId", "actorId"],
    select: { targetId: true, actorId: true },
  });
  const submits = await db.auditEvent.groupBy({
    by: ["targetId"],
    where: { ...ofReports, action: "report.submit" },
    _max: { id: true },
  });
  const lastSubmit = new Map(submits.map((s) => [s.targetId, s._max.id]));
  const approvals = await db.auditEvent.findMany({
    where: { ...ofReports, action: "report.approve", actorId: { not: null } },
    select: { targetId: true, actorId: true, id: true },
  });
  const add = (list: string[], id: string | null) => {
    if (id !== null && !list.includes(id)) list.push(id);
  };
  for (const row of authors) if (row.targetId) add(history.get(row.targetId)!.contentAuthorIds, row.actorId);
  for (const row of approvals) {
    const since = row.targetId ? lastSubmit.get(row.targetId) : undefined;
    if (row.targetId && since != null && row.id > since)
      add(history.get(row.targetId)!.approverIds, row.actorId);
  }
  return history;
}

export function workflowReportOf(subject: WorkflowSubject): WorkflowReport {
  return {
    status: subject.status,
    reviewStep: subject.reviewStep,
    chain: subject.chain,
    submittedById: subject.submittedById,
    lastEditedById: subject.lastEditedById,
    hasEditions: subject.hasEditions,
    reviewActionsSinceSubmit: subject.reviewActionsSinceSubmit,
    contentAuthorIds: subject.contentAuthorIds,
    approverIds: subject.approverIds,
    scheduledPublishAt: subject.scheduledPublishAt,
  };
}

/** Last year's current public edition of the same body, for the cross-year rules and the review diff. */
export async function getLastYearsContent(
  input: { orgId: string; year: number },
  db: DbClient,
): Promise<Report | null> {
  const { orgId, year } = input;
  const edition = await db.reportEdition.findFirst({
    where: { withdrawnAt: null, report: { orgId, year: year - 1, status: { not: "WITHDRAWN" } } },
    orderBy: { number: "desc" },
    select: { content: true },
  });
  return edition ? parseReport(edition.content) : null;
}

/** The authoritative check at a workflow moment (submission stage: blanks and empty required text count). */
export async function checkSubject(
  subject: WorkflowSubject,
  db: DbClient,
  publishedAt?: Date,
): Promise<Finding[]> {
  return checkReport(subject.content, {
    previous: await getLastYearsContent(subject, db),
    profile: { hasRuleMakingPower: subject.hasRuleMakingPower, deadline: subject.deadlineIso },
    publishedAt: publishedAt?.toISOString() ?? null,
    stage: "submit",
    explanations: subject.explanations,
  });
}

export function gateOf(subject: WorkflowSubject, findings: readonly Finding[]): SubmitGate {
  return submitGate(subject.content, findings, subject.explanations);
}
