import "server-only";
import { formatDateTimeZh } from "@/lib/domain/dates";
import { effectiveRoles } from "@/lib/domain/orgs/permissions";
import {
  CHAIN_STEP_LABELS,
  parseApprovalChain,
  reportStatusLabel,
} from "@/lib/domain/workflow/report-status";
import {
  actionLabel,
  decideTransition,
  type TransitionFailure,
  type WorkflowAction,
  type WorkflowEffect,
} from "@/lib/domain/workflow/workflow";
import type { ReportStatus } from "@/lib/generated/prisma/client";
import { fail } from "../platform/action";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { assertCan, NOT_FOUND_MESSAGE } from "../auth/authorize";
import { db as defaultDb, type Db } from "../platform/db";
import { revalidatePublicPages } from "../public/cache";
import { recordSiteChange, type SiteChangeReason } from "../site/outbox";
import { removeReportFilesNow } from "../site/worker";
import { carryOut, conflictMessage } from "./effects";
import { checkSubject, gateOf, loadWorkflowSubject, workflowReportOf, type WorkflowSubject } from "./subject";

// The report workflow's writes. Each transition reads the report inside a transaction, lets the pure
// decideTransition judge it (roles, four-eyes, the submit gate, required texts), then moves the report with one
// conditional UPDATE (status, step and version as read) and records the audit row — all or nothing.

export interface TransitionCommand {
  reportId: string;
  /** 退回 (required) or 审核 remark. */
  remark?: string;
  /** 更正说明: required when publishing a correction. */
  changeNote?: string;
  /** 强制发布 reason, or the public explanation of a withdrawal. */
  reason?: string;
  publishAt?: Date;
  /** The version the actor's screen showed: acting on a report that changed since is a CONFLICT, not a surprise. */
  expectedVersion?: number;
  ip?: string;
  /** The clock; tests set it. */
  now?: Date;
}

export interface TransitionResult {
  status: ReportStatus;
  reviewStep: number;
  editionNumber?: number;
}

const PUBLIC_CHANGES: readonly WorkflowAction[] = ["publish", "forcePublish", "withdrawPublication"];
const SITE_REASON = {
  publish: "publish",
  forcePublish: "publish",
  withdrawPublication: "withdraw",
} as Record<WorkflowAction, SiteChangeReason>;
const GATED: readonly WorkflowAction[] = ["submit", "forcePublish"];

export async function transitionReport(
  actor: Actor,
  action: WorkflowAction,
  command: TransitionCommand,
  db: Db = defaultDb,
): Promise<TransitionResult> {
  const now = command.now ?? new Date();
  const { result, subject } = await db.$transaction(async (tx) => {
    // One transition of a report at a time: the row lock makes a concurrent one wait and then read the state this
    // one left (its version, its approvers), so a duplicate approval is a CONFLICT — never judged on a mix of the
    // old row and the new audit trail (four-eyes would call it FORBIDDEN).
    await tx.$queryRaw`SELECT 1 FROM "Report" WHERE id = ${command.reportId} FOR UPDATE`;
    const subject = (await loadWorkflowSubject(command.reportId, tx)) ?? fail("NOT_FOUND", NOT_FOUND_MESSAGE);
    const tree = await assertCan(actor, "report.view", subject.orgId, tx);
    if (command.expectedVersion !== undefined && command.expectedVersion !== subject.version) {
      fail("CONFLICT", conflictMessage(subject, subject));
    }
    const gate = GATED.includes(action) ? gateOf(subject, await checkSubject(subject, tx)) : undefined;
    const decision = decideTransition({
      report: workflowReportOf(subject),
      action,
      actorUserId: actor.userId,
      actorRoles: effectiveRoles(actor, subject.orgId, tree),
      input: { ...command, gate, now, deadline: subject.deadline },
    });
    if (!decision.ok) return refuse(decision, subject);
    const effectResult = await carryOut(tx, subject, decision, actor.userId, now);
    const result: TransitionResult = { ...decision.next, ...effectResult };
    await recordAudit(tx, {
      actorId: actor.userId,
      actorName: actor.username,
      action: `report.${action}`,
      orgId: subject.orgId,
      targetType: "report",
      targetId: subject.id,
      ip: command.ip ?? "",
      at: command.now,
      summary: summarize(action, subject, result, decision.effects, command),
      data: {
        year: subject.year,
        from: { status: subject.status, reviewStep: subject.reviewStep },
        to: { ...decision.next },
      },
    });
    if (PUBLIC_CHANGES.includes(action))
      await recordSiteChange(tx, { orgId: subject.orgId, year: subject.year, reason: SITE_REASON[action] });
    if (action === "withdrawPublication") await removeReportFilesNow(subject.orgSlug, subject.year);
    return { result, subject };
  });
  if (PUBLIC_CHANGES.includes(action)) revalidatePublicPages(subject.orgSlug, subject.year);
  return result;
}

/** Maps the domain's refusal onto the action result codes; a missing text names its form field. */
function refuse(failure: TransitionFailure, subject: WorkflowSubject): never {
  switch (failure.code) {
    case "FORBIDDEN":
    case "FOUR_EYES":
      return fail("FORBIDDEN", failure.message);
    case "INVALID_STATE":
      return fail(
        "CONFLICT",
        `${failure.message}（当前状态：${reportStatusLabel(subject)}）。请刷新页面查看最新情况。`,
      );
    case "GATE":
      return fail("INVALID_INPUT", failure.message);
    case "INVALID_INPUT":
      return fail("INVALID_INPUT", failure.message, failure.field && { [failure.field]: failure.message });
  }
}

function summarize(
  action: WorkflowAction,
  subject: WorkflowSubject,
  result: TransitionResult,
  effects: readonly WorkflowEffect[],
  command: TransitionCommand,
): string {
  const chain = parseApprovalChain(subject.chain) ?? [];
  const text = (value?: string) => value?.trim() ?? "";
  const edition = `第${result.editionNumber ?? "?"}版`;
  const schedule = effects.find((e) => e.type === "schedulePublication");
  const summaries: Record<WorkflowAction, () => string> = {
    submit: () => `提交${subject.year}年度报告，送${CHAIN_STEP_LABELS[chain[0] ?? "REVIEW"]}`,
    withdraw: () => "撤回提交",
    approve: () => {
      const done = actionLabel("approve", chain[subject.reviewStep]);
      const next =
        result.status === "PENDING" ? `，转${CHAIN_STEP_LABELS[chain[result.reviewStep]!]}` : "，已批准";
      return `${done}${next}${text(command.remark) ? `。意见：${text(command.remark)}` : ""}`;
    },
    return: () => `退回修改：${text(command.remark)}`,
    publish: () =>
      text(command.changeNote) && subject.hasEditions
        ? `发布更正（${edition}）：${text(command.changeNote)}`
        : `发布${edition}`,
    schedule: () =>
      `定时于 ${schedule?.type === "schedulePublication" ? formatDateTimeZh(schedule.at) : ""} 发布`,
    cancelSchedule: () => "取消定时发布",
    forcePublish: () => `强制发布${edition}（未经第二人审核）：${text(command.reason)}`,
    reopen: () => "开启更正",
    withdrawPublication: () => `撤销发布：${text(command.reason)}`,
  };
  return summaries[action]();
}

type Transition = (actor: Actor, command: TransitionCommand, db?: Db) => Promise<TransitionResult>;
const transition =
  (action: WorkflowAction): Transition =>
  (actor, command, db) =>
    transitionReport(actor, action, command, db);

export const submitReport = transition("submit");
export const withdrawSubmission = transition("withdraw");
/** Approves the current chain step: 审核, 签发 or 报审. */
export const approveReport = transition("approve");
export const returnReport = transition("return");
export const publishReport = transition("publish");
export const schedulePublication = transition("schedule");
export const cancelScheduledPublication = transition("cancelSchedule");
export const forcePublishReport = transition("forcePublish");
export const reopenReport = transition("reopen");
export const withdrawPublication = transition("withdrawPublication");
