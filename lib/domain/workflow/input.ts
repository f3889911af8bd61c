// What a workflow form sends: the action, the report and the version the screen showed, and the texts the
// action needs. Isomorphic: one schema per action, which the workflow form validates with (zodResolver) and the
// server action validates with (as the union over the action).
import { z } from "zod";
import { blankToUndefined } from "../forms/form-fields";
import type { WorkflowAction } from "./workflow";
import { REQUIRED_TEXT } from "./checks";

const TEXT_MAX = 2000;
const text = z.string().max(TEXT_MAX, `不能超过 ${TEXT_MAX} 个字符`).optional();
const requiredText = (message: string) =>
  z.string({ error: message }).trim().min(1, message).max(TEXT_MAX, `不能超过 ${TEXT_MAX} 个字符`);

/** A datetime-local value ("2026-01-21T09:00") is a time in China (UTC+8, no daylight saving). */
export const chinaDateTimeSchema = z
  .string({ error: "请选择发布日期和时间" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "请选择发布日期和时间")
  .transform((v) => new Date(`${v}:00+08:00`));

const command = <A extends WorkflowAction, S extends z.ZodRawShape>(action: A, fields: S) =>
  z.object({
    action: z.literal(action),
    reportId: z.string().min(1).max(60),
    /** Absent for the author's own moves (submit, withdraw, reopen), whose screen may lag behind its autosave. */
    expectedVersion: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).optional()),
    ...fields,
  });

export const TRANSITION_SCHEMAS = {
  submit: command("submit", {}),
  withdraw: command("withdraw", {}),
  approve: command("approve", { remark: text }),
  return: command("return", { remark: requiredText(REQUIRED_TEXT.returnRemark) }),
  publish: command("publish", { changeNote: text }),
  schedule: command("schedule", {
    changeNote: text,
    publishAt: z.preprocess(blankToUndefined, chinaDateTimeSchema),
  }),
  cancelSchedule: command("cancelSchedule", {}),
  forcePublish: command("forcePublish", { reason: requiredText(REQUIRED_TEXT.forcePublishReason) }),
  reopen: command("reopen", {}),
  withdrawPublication: command("withdrawPublication", {
    reason: requiredText(REQUIRED_TEXT.withdrawalNotice),
  }),
} satisfies Record<WorkflowAction, z.ZodType>;

const S = TRANSITION_SCHEMAS;
export const transitionInputSchema = z.discriminatedUnion("action", [
  S.submit,
  S.withdraw,
  S.approve,
  S.return,
  S.publish,
  S.schedule,
  S.cancelSchedule,
  S.forcePublish,
  S.reopen,
  S.withdrawPublication,
]);
export type TransitionInput = z.output<typeof transitionInputSchema>;

/**
 * The form of one action. Publishing a correction (the report has editions) also needs its 更正说明 — a fact
 * the server reads from the database and checks in the workflow rule with the same message.
 */
export function transitionFormSchema(
  action: WorkflowAction,
  isCorrection: boolean,
): z.ZodType<unknown, Record<string, unknown>> {
  const schema: z.ZodType<unknown, Record<string, unknown>> = TRANSITION_SCHEMAS[action];
  if (!isCorrection || (action !== "publish" && action !== "schedule")) return schema;
  return schema.superRefine((value, ctx) => {
    const note = (value as { changeNote?: string }).changeNote;
    if (!note?.trim())
      ctx.addIssue({ code: "custom", path: ["changeNote"], message: REQUIRED_TEXT.correctionNote });
  });
}
