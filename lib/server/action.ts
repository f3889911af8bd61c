import "server-only";
import type { z } from "zod";
import { cleanDeep } from "@/lib/domain/text-clean";
import type { Actor } from "./auth";

// The one write transport: every server action is defineAction(schema, handler). It resolves the actor,
// validates the input with the domain schema and returns a value for expected failures (docs/style.md rule 5).

export type ActionCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID_INPUT";
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ActionCode; message: string; fieldErrors?: Record<string, string> };

export class ActionError extends Error {
  constructor(
    readonly code: ActionCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

export const fail = (code: ActionCode, message: string, fieldErrors?: Record<string, string>): never => {
  throw new ActionError(code, message, fieldErrors);
};

const MESSAGES: Record<ActionCode, string> = {
  UNAUTHENTICATED: "登录已失效，请重新登录。",
  FORBIDDEN: "您没有执行此操作的权限。",
  NOT_FOUND: "未找到该对象，或您无权访问。",
  CONFLICT: "内容已被他人更新，请查看差异后再保存。",
  INVALID_INPUT: "填写内容有误，请检查标出的项目。",
};

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}

export function defineAction<S extends z.ZodType, T>(
  schema: S,
  handler: (actor: Actor, input: z.output<S>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    // Imported here so that `fail`/ActionError stay usable outside a request (CLI, scripts, tests).
    const { getActor } = await import("./session");
    const actor = await getActor();
    if (!actor) return { ok: false, code: "UNAUTHENTICATED", message: MESSAGES.UNAUTHENTICATED };
    // NUL and unpaired surrogates cannot be stored: dropped from every text before validation.
    const parsed = schema.safeParse(cleanDeep(input));
    if (!parsed.success) {
      return {
        ok: false,
        code: "INVALID_INPUT",
        message: MESSAGES.INVALID_INPUT,
        fieldErrors: fieldErrorsOf(parsed.error),
      };
    }
    try {
      return { ok: true, data: await handler(actor, parsed.data) };
    } catch (err) {
      if (err instanceof ActionError) {
        return {
          ok: false,
          code: err.code,
          message: err.message || MESSAGES[err.code],
          fieldErrors: err.fieldErrors,
        };
      }
      throw err;
    }
  };
}
