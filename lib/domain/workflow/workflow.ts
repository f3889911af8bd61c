// The report workflow inside a body (docs/format.md §8): 草稿 → 待审核 through the body's approval chain → 已批准 →
// 已发布, with 退回修改, 撤回, corrections, withdrawal of a publication and force-publishing near the deadline.
// Pure: the server passes the report's state and the actor's effective roles, then applies `next` and `effects`
// in one conditional update (where status, reviewStep and version are still what was decided on).
import { rolesPermit, type Role } from "../orgs/permissions";
import { CHAIN_STEP_LABELS, parseApprovalChain, type ChainStep, type ReportStatus } from "./report-status";
import type { SubmitGate, TransitionField } from "./checks";
import { asFailure, fail, RULES, type Context, type Rule } from "./rules";

export const WORKFLOW_ACTIONS = [
  "submit",
  "withdraw",
  "approve",
  "return",
  "publish",
  "schedule",
  "cancelSchedule",
  "forcePublish",
  "reopen",
  "withdrawPublication",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export interface WorkflowReport {
  status: ReportStatus;
  reviewStep: number;
  /** Organization.approvalChain as stored; an invalid chain blocks every transition. */
  chain: readonly string[];
  submittedById: string | null;
  lastEditedById: string | null;
  /**
   * Everyone who wrote any of the content (per the report's revision history: creation, import, saves,
   * explanations). None of them may approve or publish it, whatever roles they hold. The server's transition
   * always supplies it; absent only in read-only previews such as the to-do list.
   */
  contentAuthorIds?: readonly string[];
  /** Who approved a step of the current submission so far: each step needs a different person. */
  approverIds?: readonly string[];
  /** An edition was published at some point (it may since have been withdrawn). */
  hasEditions: boolean;
  /** Remarks and decisions by reviewers since the last submission; 撤回 needs none. */
  reviewActionsSinceSubmit: number;
  scheduledPublishAt?: Date | null;
}

/** The audit actions that write a report's content: their actors are its authors (four-eyes). */
export const CONTENT_WRITING_ACTIONS = [
  "report.create",
  "report.import",
  "report.save",
  "report.explain",
] as const;

export interface TransitionInput {
  remark?: string;
  changeNote?: string;
  reason?: string;
  gate?: SubmitGate;
  publishAt?: Date;
  now: Date;
  /** The instant the deadline passes (`deadlineEnd`). */
  deadline: Date;
  forcePublishWindowDays?: number;
}

export interface TransitionRequest {
  report: WorkflowReport;
  action: WorkflowAction;
  actorUserId: string;
  /** The actor's effective roles on the report's organisation (`effectiveRoles`). */
  actorRoles: readonly Role[];
  input: TransitionInput;
}

/** What the server must do besides moving the report to `next`. */
export type WorkflowEffect =
  | { type: "recordSubmission" } // submittedById = actor, review-action count reset, revision snapshot
  | { type: "addRemark"; body: string }
  | { type: "createEdition"; changeNote: string | null; isUnreviewed: boolean; reason: string | null }
  | { type: "schedulePublication"; at: Date; changeNote: string | null }
  | { type: "clearSchedule" }
  | { type: "withdrawEdition"; note: string };

export interface ReportPosition {
  status: ReportStatus;
  reviewStep: number;
}

export type TransitionFailureCode = "FORBIDDEN" | "INVALID_STATE" | "FOUR_EYES" | "GATE" | "INVALID_INPUT";
export type TransitionFailure = {
  ok: false;
  code: TransitionFailureCode;
  message: string;
  /** The form field an INVALID_INPUT failure belongs to. */
  field?: TransitionField;
};
export type TransitionDecision =
  { ok: true; next: ReportPosition; effects: WorkflowEffect[] } | TransitionFailure;

export const WORKFLOW_ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: "提交审核",
  withdraw: "撤回",
  approve: "审批通过",
  return: "退回修改",
  publish: "发布",
  schedule: "定时发布",
  cancelSchedule: "取消定时发布",
  forcePublish: "强制发布",
  reopen: "开启更正",
  withdrawPublication: "撤销发布",
};

const APPROVE_LABELS: Record<ChainStep, string> = {
  REVIEW: "审核通过",
  SIGN: "签发",
  SUPERVISOR: "报审通过",
};

/** The button label; approving is named after the current step. */
export function actionLabel(action: WorkflowAction, step?: ChainStep): string {
  return action === "approve" && step ? APPROVE_LABELS[step] : WORKFLOW_ACTION_LABELS[action];
}

function contextOf(request: TransitionRequest): Context | TransitionFailure {
  const chain = parseApprovalChain(request.report.chain);
  if (!chain) return fail("INVALID_STATE", "本机构的审批流程配置无效，请联系管理员");
  const step = request.report.status === "PENDING" ? chain[request.report.reviewStep] : undefined;
  if (request.report.status === "PENDING" && !step) return fail("INVALID_STATE", "审核步骤无效");
  return { ...request, chain, step };
}

/** State, roles, guards and four-eyes: everything but the texts and the gate the actor still has to supply. */
function decideAuthority(rule: Rule, c: Context): TransitionFailure | null {
  const stateError = rule.stateError(c);
  if (stateError) return fail("INVALID_STATE", stateError);
  if (!rule.permissions(c).some((action) => rolesPermit(c.actorRoles, action))) {
    const stepNote = c.step ? `（当前步骤：${CHAIN_STEP_LABELS[c.step]}）` : "";
    return fail("FORBIDDEN", `您没有${actionLabel(c.action, c.step)}的权限${stepNote}`);
  }
  const guardFailure = rule.guard?.(c) ?? null;
  if (guardFailure) return guardFailure;
  return rule.fourEyes ? checkFourEyes(c) : null;
}

/**
 * Four-eyes with people holding several roles: whoever submitted the report, last edited it or wrote any of its
 * content cannot approve or publish it; and within one submission each approval step needs a different person.
 */
export function checkFourEyes(
  c: Pick<TransitionRequest, "report" | "action" | "actorUserId"> & { step?: ChainStep },
): TransitionFailure | null {
  const { report, actorUserId } = c;
  const label = actionLabel(c.action, c.step);
  if ([report.submittedById, report.lastEditedById].includes(actorUserId)) {
    return fail("FOUR_EYES", `提交或最后修改该年报的人不能${label}（四眼原则）`);
  }
  if (report.contentAuthorIds?.includes(actorUserId)) {
    return fail("FOUR_EYES", `参与撰写该年报内容的人不能${label}（四眼原则）`);
  }
  if (c.action === "approve" && report.approverIds?.includes(actorUserId)) {
    return fail("FOUR_EYES", `您已审批过本次提交的前一步骤，${label}须由另一人完成（四眼原则）`);
  }
  return null;
}

export function decideTransition(request: TransitionRequest): TransitionDecision {
  const c = contextOf(request);
  if ("ok" in c) return c;
  const rule = RULES[c.action];
  const refusal = decideAuthority(rule, c) ?? asFailure(rule.inputError?.(c) ?? null);
  return refusal ?? { ok: true, next: rule.next(c), effects: rule.effects(c) };
}

export type AvailabilityRequest = Omit<TransitionRequest, "action" | "input"> & {
  input: Pick<TransitionInput, "now" | "deadline" | "forcePublishWindowDays">;
};

/** The actions to offer in the UI: allowed now, given the texts and a passing gate still to be supplied. */
export function availableActions(request: AvailabilityRequest): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => {
    const c = contextOf({ ...request, action });
    return !("ok" in c) && decideAuthority(RULES[action], c) === null;
  });
}

/** The report's content may be edited (by a 填报员 of the body) only as a draft or after being returned. */
export function isContentEditable(status: ReportStatus): boolean {
  return status === "DRAFT" || status === "RETURNED";
}
