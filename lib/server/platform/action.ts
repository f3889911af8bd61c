import "server-only";
import type { z } from "zod";
import { cleanDeep } from "@/lib/domain/text-clean";
import {
  fieldErrorsOf,
  formError,
  INVALID_INPUT_MESSAGE,
  type FormAction,
  type FormState,
  type FormValues,
  valuesOf,
} from "@/lib/domain/forms/form-state";
import type { ActionCode, ActionResult } from "@/lib/domain/views/action-result";
import type { Actor } from "../auth/actor";

// The one write transport: every server action is defineAction(schema, handler). It resolves the request context
// (actor, client address, clock) once, validates the input with the domain schema and returns a value for
// expected failures (docs/style.md rule 5).

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
  INVALID_INPUT: INVALID_INPUT_MESSAGE,
};

/** What an action knows besides its input, resolved once per request by defineAction. */
export interface ActionContext {
  actor: Actor;
  /** The client's address for audit rows and rate limits (lib/server/platform/request.ts, TRUST_PROXY). */
  ip: string;
  now: Date;
}

export type ActionHandler<S extends z.ZodType, T> = (
  actor: Actor,
  input: z.output<S>,
  ctx: ActionContext,
) => Promise<T>;

export function defineAction<S extends z.ZodType, T>(
  schema: S,
  handler: ActionHandler<S, T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    // Imported here so that `fail`/ActionError stay usable outside a request (CLI, scripts, tests).
    const { getActor } = await import("../auth/session");
    const { clientIp } = await import("./request");
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
    const ctx: ActionContext = { actor, ip: await clientIp(), now: new Date() };
    try {
      return { ok: true, data: await handler(actor, parsed.data, ctx) };
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

/** An ActionResult as a form's state, echoing what was submitted on failure. */
export function toFormState<T>(result: ActionResult<T>, submitted: FormValues): FormState<T> {
  if (result.ok) return { status: "ok", data: result.data };
  return formError(submitted, result.code, result.message, result.fieldErrors);
}

/**
 * defineAction for a form: the action takes the posted FormData (useActionState's signature), so the same action
 * serves the react-hook-form submit and a plain post from a browser without JavaScript.
 */
export function defineFormAction<S extends z.ZodType, T>(
  schema: S,
  handler: ActionHandler<S, T>,
): FormAction<T> {
  const run = defineAction(schema, handler);
  return async (_previous, form) => {
    const values = valuesOf(form);
    return toFormState(await run(values as z.input<S>), values);
  };
}
