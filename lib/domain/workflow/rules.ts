// One rule per workflow action: from which states, with which permissions, under which conditions, to where.
// Read through `decideTransition` and `availableActions` in workflow.ts.
import type { Action } from "../orgs/permissions";
import type { ChainStep, ReportStatus } from "./report-status";
import type {
  ReportPosition,
  TransitionFailure,
  TransitionFailureCode,
  TransitionRequest,
  WorkflowAction,
  WorkflowEffect,
  WorkflowReport,
} from "./workflow";
import {
  checkForcePublishWindow,
  checkGate,
  checkPublishAt,
  REQUIRED_TEXT,
  requireText,
  trimmed,
  type CheckFailure,
} from "./checks";

export interface Context extends TransitionRequest {
  chain: ChainStep[];
  /** The current chain step while PENDING. */
  step: ChainStep | undefined;
}

export interface Rule {
  /** Why the report's state rules the action out, or null. */
  stateError(c: Context): string | null;
  /** Any one of these permissions suffices. */
  permissions(c: Context): Action[];
  /** Refused to whoever submitted or last edited the report. */
  fourEyes?: boolean;
  /** Conditions on the actor or the clock beyond roles. */
  guard?(c: Context): TransitionFailure | null;
  /** Required texts and the content gate. */
  inputError?(c: Context): CheckFailure | null;
  next(c: Context): ReportPosition;
  effects(c: Context): WorkflowEffect[];
}

const at = (status: ReportStatus): ReportPosition => ({ status, reviewStep: 0 });
export const fail = (code: TransitionFailureCode, message: string): TransitionFailure => ({
  ok: false,
  code,
  message,
});
const onlyFrom = (statuses: ReportStatus[], message: string) => (c: Context) =>
  statuses.includes(c.report.status) ? null : message;

const STEP_PERMISSION: Record<ChainStep, Action> = {
  REVIEW: "report.review",
  SIGN: "report.sign",
  SUPERVISOR: "report.superviseReview",
};
const stepPermissions = (c: Context): Action[] => (c.step ? [STEP_PERMISSION[c.step]] : []);
const clearSchedule = (c: Context): WorkflowEffect[] =>
  c.report.scheduledPublishAt ? [{ type: "clearSchedule" }] : [];
const changeNoteOf = (c: Context) => (c.report.hasEditions ? trimmed(c.input.changeNote) : null);
const checkChangeNote = (c: Context) =>
  c.report.hasEditions ? requireText(c.input.changeNote, "changeNote", REQUIRED_TEXT.correctionNote) : null;
const isApproved = onlyFrom(["APPROVED"], "只有已批准的年报可以发布");

export const RULES: Record<WorkflowAction, Rule> = {
  submit: {
    stateError: onlyFrom(["DRAFT", "RETURNED"], "只有草稿或退回修改的年报可以提交审核"),
    permissions: () => ["report.submit"],
    inputError: (c) => checkGate(c.input.gate, "submit"),
    next: () => at("PENDING"),
    effects: () => [{ type: "recordSubmission" }],
  },
  withdraw: {
    stateError: (c) =>
      c.report.status !== "PENDING" ? "只有待审核的年报可以撤回" : hasReviewStarted(c.report),
    permissions: () => ["report.withdraw"],
    guard: (c) =>
      c.actorUserId === c.report.submittedById ? null : fail("FORBIDDEN", "只有提交人本人可以撤回"),
    next: () => at("DRAFT"),
    effects: () => [],
  },
  approve: {
    stateError: onlyFrom(["PENDING"], "只有待审核的年报可以审批"),
    permissions: stepPermissions,
    fourEyes: true,
    next: (c) =>
      c.report.reviewStep + 1 < c.chain.length
        ? { status: "PENDING", reviewStep: c.report.reviewStep + 1 }
        : at("APPROVED"),
    effects: (c) => (trimmed(c.input.remark) ? [{ type: "addRemark", body: trimmed(c.input.remark) }] : []),
  },
  return: {
    stateError: onlyFrom(["PENDING", "APPROVED"], "只有待审核或已批准的年报可以退回"),
    permissions: (c) => [...stepPermissions(c), "report.superviseReview"],
    inputError: (c) => requireText(c.input.remark, "remark", REQUIRED_TEXT.returnRemark),
    next: () => at("RETURNED"),
    effects: (c) => [{ type: "addRemark", body: trimmed(c.input.remark) }, ...clearSchedule(c)],
  },
  publish: {
    stateError: isApproved,
    permissions: () => ["report.publish"],
    fourEyes: true,
    inputError: checkChangeNote,
    next: () => at("PUBLISHED"),
    effects: (c) => [
      { type: "createEdition", changeNote: changeNoteOf(c), isUnreviewed: false, reason: null },
      ...clearSchedule(c),
    ],
  },
  schedule: {
    stateError: isApproved,
    permissions: () => ["report.publish"],
    fourEyes: true,
    inputError: (c) => checkChangeNote(c) ?? checkPublishAt(c.input.publishAt, c.input.now),
    next: () => at("APPROVED"),
    effects: (c) => [{ type: "schedulePublication", at: c.input.publishAt!, changeNote: changeNoteOf(c) }],
  },
  cancelSchedule: {
    stateError: (c) =>
      c.report.status === "APPROVED" && c.report.scheduledPublishAt ? null : "该年报没有定时发布",
    permissions: () => ["report.publish"],
    next: () => at("APPROVED"),
    effects: () => [{ type: "clearSchedule" }],
  },
  forcePublish: {
    stateError: (c) => forcePublishStateError(c.report),
    permissions: () => ["report.forcePublish"],
    fourEyes: true,
    guard: (c) =>
      asFailure(checkForcePublishWindow(c.input.deadline, c.input.now, c.input.forcePublishWindowDays)),
    inputError: (c) =>
      requireText(c.input.reason, "reason", REQUIRED_TEXT.forcePublishReason) ??
      checkGate(c.input.gate, "forcePublish"),
    next: () => at("PUBLISHED"),
    effects: (c) => [
      { type: "createEdition", changeNote: null, isUnreviewed: true, reason: trimmed(c.input.reason) },
      ...clearSchedule(c),
    ],
  },
  reopen: {
    stateError: onlyFrom(["PUBLISHED", "WITHDRAWN"], "只有已发布或已撤销的年报可以开启更正"),
    permissions: () => ["report.reopen"],
    next: () => at("DRAFT"),
    effects: () => [],
  },
  withdrawPublication: {
    stateError: onlyFrom(["PUBLISHED"], "只有已发布的年报可以撤销发布"),
    permissions: () => ["report.withdrawPublication"],
    inputError: (c) => requireText(c.input.reason, "reason", REQUIRED_TEXT.withdrawalNotice),
    next: () => at("WITHDRAWN"),
    effects: (c) => [{ type: "withdrawEdition", note: trimmed(c.input.reason) }],
  },
};

function hasReviewStarted(report: WorkflowReport): string | null {
  return report.reviewStep > 0 || report.reviewActionsSinceSubmit > 0 ? "审核已经开始，不能撤回" : null;
}

/** Force-publishing exists to meet the deadline of a first publication; corrections always go through the chain. */
function forcePublishStateError(report: WorkflowReport): string | null {
  if (report.status === "PUBLISHED") return "年报已发布";
  if (report.status === "WITHDRAWN") return "已撤销的年报须开启更正并重新审批";
  return report.hasEditions ? "更正稿不能强制发布，须经审批" : null;
}

export const asFailure = (failure: CheckFailure | null): TransitionFailure | null =>
  failure && { ...fail(failure.code, failure.message), ...(failure.field && { field: failure.field }) };
