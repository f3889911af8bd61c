// What a workflow form sends: the action, the report and the version the screen showed, and the texts the
// action needs. Isomorphic: the workflow bar and the server action validate with the same schema.
import { z } from "zod";
import { WORKFLOW_ACTIONS } from "./workflow";

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
const text = z.string().max(2000, "不能超过 2000 个字符").optional();

/** A datetime-local value ("2026-01-21T09:00") is a time in China (UTC+8, no daylight saving). */
export const chinaDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "请选择发布日期和时间")
  .transform((v) => new Date(`${v}:00+08:00`));

export const transitionInputSchema = z.object({
  action: z.enum(WORKFLOW_ACTIONS),
  reportId: z.string().min(1).max(60),
  /** Absent for the author's own moves (submit, withdraw, reopen), whose screen may lag behind its autosave. */
  expectedVersion: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).optional()),
  remark: text,
  changeNote: text,
  reason: text,
  publishAt: z.preprocess(blankToUndefined, chinaDateTimeSchema.optional()),
});
export type TransitionInput = z.output<typeof transitionInputSchema>;
