// The input and timing conditions of workflow transitions: required texts, the submit gate, the force-publish
// window. Each returns null when satisfied, or the failure to report.
import { daysUntil, FORCE_PUBLISH_WINDOW_DAYS, isInForcePublishWindow } from "../calendar/deadline";

/** The workflow form's text and time fields. */
export type TransitionField = "remark" | "changeNote" | "reason" | "publishAt";

export interface CheckFailure {
  code: "INVALID_STATE" | "GATE" | "INVALID_INPUT";
  message: string;
  /** The form field an INVALID_INPUT failure belongs to. */
  field?: TransitionField;
}

/** What a missing required text says; the form's schema (workflow-input.ts) says the same before submitting. */
export const REQUIRED_TEXT = {
  returnRemark: "退回须填写修改意见",
  correctionNote: "发布更正须填写更正说明",
  forcePublishReason: "强制发布须填写理由",
  withdrawalNotice: "撤销发布须填写向公众的说明",
} as const;

/** What the rule engine found in the report, as counted by the server at the moment of the transition. */
export interface SubmitGate {
  errorCount: number;
  unexplainedWarnings: number;
  emptySections: number;
}

export const trimmed = (value: string | undefined): string => value?.trim() ?? "";

export function requireText(
  value: string | undefined,
  field: TransitionField,
  message: string,
): CheckFailure | null {
  return trimmed(value) === "" ? { code: "INVALID_INPUT", message, field } : null;
}

/** Submission needs a clean report; force-publishing tolerates unexplained warnings, never errors or gaps. */
export function checkGate(
  gate: SubmitGate | undefined,
  purpose: "submit" | "forcePublish",
): CheckFailure | null {
  if (!gate) return { code: "INVALID_INPUT", message: "缺少校验结果，请重新校验后再试" };
  const problems = [
    gate.errorCount > 0 ? `有 ${gate.errorCount} 个错误未修正` : "",
    purpose === "submit" && gate.unexplainedWarnings > 0 ? `有 ${gate.unexplainedWarnings} 个警告未说明` : "",
    gate.emptySections > 0 ? `有 ${gate.emptySections} 个部分未填写` : "",
  ].filter(Boolean);
  if (problems.length === 0) return null;
  const verb = purpose === "submit" ? "提交" : "发布";
  return { code: "GATE", message: `尚不能${verb}：${problems.join("；")}` };
}

export function checkPublishAt(publishAt: Date | undefined, now: Date): CheckFailure | null {
  return publishAt && publishAt.getTime() > now.getTime()
    ? null
    : { code: "INVALID_INPUT", message: "定时发布时间须晚于当前时间", field: "publishAt" };
}

export function checkForcePublishWindow(
  deadline: Date,
  now: Date,
  windowDays = FORCE_PUBLISH_WINDOW_DAYS,
): CheckFailure | null {
  if (isInForcePublishWindow(deadline, now, windowDays)) return null;
  const message = `距公开期限还有 ${daysUntil(deadline, now)} 天，期限前 ${windowDays} 天内方可强制发布`;
  return { code: "INVALID_STATE", message };
}
