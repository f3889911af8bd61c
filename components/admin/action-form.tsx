"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, useTransition, type ReactNode } from "react";

// A form posting to a defineAction server action (passed in as a prop): shows the message and the field errors
// of an expected failure next to the fields, the success message, and refreshes the page's data on success.

export type FormResult =
  | { ok: true; data?: unknown }
  | { ok: false; code?: string; message: string; fieldErrors?: Record<string, string> };

export type FormInput = Record<string, string | boolean | string[]>;

/**
 * A defineAction server action. Its input type is its zod schema's, which the action validates at run time,
 * so any action fits here (`never`) and the form hands it the FormInput it collected.
 */
export type FormAction = (input: never) => Promise<FormResult | undefined>;

const FieldErrors = createContext<Record<string, string>>({});

/** The error for a field of the surrounding ActionForm, if any. */
export const useFieldError = (name: string): string | undefined => useContext(FieldErrors)[name];

/** Checkboxes become booleans, names ending in [] collect arrays, radios give the checked value. */
export function formToInput(form: HTMLFormElement): FormInput {
  const input: FormInput = {};
  for (const el of Array.from(form.elements)) {
    if (!(
      el instanceof HTMLInputElement ||
      el instanceof HTMLSelectElement ||
      el instanceof HTMLTextAreaElement
    ))
      continue;
    if (!el.name || el.disabled) continue;
    const isBox = el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio");
    if (el.name.endsWith("[]")) {
      const key = el.name.slice(0, -2);
      const list = (input[key] as string[] | undefined) ?? [];
      input[key] = isBox && !(el as HTMLInputElement).checked ? list : [...list, el.value];
    } else if (el instanceof HTMLInputElement && el.type === "checkbox") input[el.name] = el.checked;
    else if (el instanceof HTMLInputElement && el.type === "radio") {
      if (el.checked) input[el.name] = el.value;
    } else input[el.name] = el.value;
  }
  return input;
}

interface Props {
  action: FormAction;
  submitLabel: string;
  pendingLabel?: string;
  successMessage?: string;
  /** For client parents: what to do with the action's data (e.g. show a reset link). */
  onSuccess?(data: unknown): void;
  resetOnSuccess?: boolean;
  variant?: "primary" | "plain" | "danger";
  /** An accessible name for a form that has no visible heading of its own. */
  label?: string;
  inline?: boolean;
  children?: ReactNode;
}

export function ActionForm(props: Props) {
  const { action, submitLabel, pendingLabel = "正在提交…", successMessage, variant = "primary" } = props;
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [result, setResult] = useState<FormResult | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const form = formRef.current;
    if (!form || !result || result.ok) return;
    (
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.querySelector<HTMLElement>('[role="alert"]')
    )?.focus();
  }, [result]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = formToInput(form);
    startTransition(async () => {
      const outcome = (await (action as (input: FormInput) => ReturnType<FormAction>)(input)) ?? null;
      setResult(outcome);
      if (!outcome?.ok) return;
      if (props.resetOnSuccess) form.reset();
      props.onSuccess?.(outcome.data);
      router.refresh();
    });
  }

  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      aria-label={props.label}
      className={props.inline ? "form form--inline" : "form"}
    >
      {result && !result.ok && (
        <p role="alert" tabIndex={-1} className="form__alert">
          {result.message}
        </p>
      )}
      {result?.ok && successMessage && (
        <p role="status" className="notice">
          {successMessage}
        </p>
      )}
      <FieldErrors.Provider value={errors}>{props.children}</FieldErrors.Provider>
      <div className="form__actions">
        <button type="submit" className={`button button--${variant}`} disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
