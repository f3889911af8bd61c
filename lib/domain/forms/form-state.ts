// What a form's server action answers, and how a submitted form becomes the input its schema reads. Isomorphic:
// the server action builds the state, the form (RHF or, without JavaScript, the server-rendered page) shows it.
import "@/lib/domain/zod-setup";
import type { z } from "zod";
import type { ActionCode } from "../views/action-result";

export type FormValue = string | string[];
export type FormValues = Record<string, FormValue>;

export type FormState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T }
  | {
      status: "error";
      code: ActionCode;
      message: string;
      /** Keyed by the field's name as the schema's path joined with "." (the form field's name). */
      fieldErrors: Record<string, string>;
      /** What was submitted (secrets left out), so a page rendered without JavaScript keeps the user's input. */
      values: FormValues;
    };

export const IDLE: FormState = { status: "idle" };

/** The form's message when fields are refused, by the browser before posting or by the server after. */
export const INVALID_INPUT_MESSAGE = "填写内容有误，请检查标出的项目。";

/**
 * A server action a form posts to; useActionState's signature, so it also runs without JavaScript. Scripts and
 * probes may pass the values as a plain object instead of FormData; the same schema validates them.
 */
export type FormAction<T = unknown> = (
  previous: FormState,
  form: FormData | FormValues,
) => Promise<FormState<T>>;

/** Fields that are never echoed back into the page. */
const isSecret = (name: string) => /password|confirm/i.test(name);

/**
 * One entry per name; a name given several times (a group of checkboxes) becomes a list. React's own
 * `$ACTION_…` entries are not input. Files are not part of any of these forms.
 */
export function formDataToValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [name, entry] of form.entries()) {
    if (name.startsWith("$ACTION") || typeof entry !== "string") continue;
    const previous = values[name];
    values[name] = previous === undefined ? entry : [...[previous].flat(), entry];
  }
  return values;
}

/** What a form action was given, as values. */
export const valuesOf = (form: FormData | FormValues): FormValues =>
  form instanceof FormData ? formDataToValues(form) : form;

export function echoValues(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !isSecret(name)));
}

/** A refusal as a form's state: the message, the field errors, and what was submitted (secrets left out). */
export function formError(
  submitted: FormValues,
  code: ActionCode,
  message: string,
  fieldErrors: Record<string, string> = {},
): FormState<never> {
  return { status: "error", code, message, fieldErrors, values: echoValues(submitted) };
}

/** The first message for each field, as the client's zodResolver shows it. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}
