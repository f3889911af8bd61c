"use client";

import "@/lib/domain/zod-setup";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import {
  createContext,
  useActionState,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  useTransition,
  type FormEvent,
  type ReactNode,
} from "react";
import { FormProvider, useForm, type FieldErrors, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import { IDLE, INVALID_INPUT_MESSAGE, type FormAction, type FormState } from "@/lib/domain/forms/form-state";

// The one form of the workspace: a real <form action={serverAction}> (it posts and shows the server's answer
// without JavaScript), whose submit react-hook-form intercepts when JavaScript runs — validating with the same
// zod schema as the action, then posting the same FormData. Server field errors land on the named fields.

export type DefaultValues = Record<string, string | boolean | string[]>;

interface Props<T> {
  /** The schema the server action validates with (lib/domain/forms, lib/domain/workflow/input.ts). */
  schema: z.ZodType<unknown, FieldValues>;
  action: FormAction<T>;
  defaultValues?: DefaultValues;
  /** Values the form carries without showing them (ids, the version shown). */
  hidden?: Record<string, string | number>;
  submitLabel: string;
  pendingLabel?: string;
  successMessage?: string;
  /** For client parents: what to do with the action's data (e.g. show a reset link). */
  onSuccess?(data: T): void;
  /** What replaces the form once the action succeeded (rendered on the server too, so it works without JS). */
  renderSuccess?(data: T): ReactNode;
  resetOnSuccess?: boolean;
  variant?: "primary" | "plain" | "danger";
  /** An accessible name for a form that has no visible heading of its own. */
  label?: string;
  inline?: boolean;
  children?: ReactNode;
}

interface ServerSide {
  defaults: DefaultValues;
  /** Field errors of a post answered before (or without) hydration; afterwards they live in react-hook-form. */
  errors: Record<string, string>;
}
const ServerSideContext = createContext<ServerSide>({ defaults: {}, errors: {} });
export const useServerSide = () => useContext(ServerSideContext);

const noSubscription = () => () => {};
/** False on the server and while hydrating, true once JavaScript runs the page. */
export const useIsHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

/** The first control, in the page's order, of these fields that the user can see and fix. */
const firstVisibleOf = (form: HTMLFormElement, names: string[]) =>
  Array.from(form.elements).find(
    (el): el is HTMLElement =>
      el instanceof HTMLElement &&
      names.includes(el.getAttribute("name") ?? "") &&
      el.getAttribute("type") !== "hidden",
  );

export function ActionForm<T>(props: Props<T>) {
  const { submitLabel, pendingLabel = "正在提交…", successMessage, variant = "primary" } = props;
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  // The form's action for a post without JavaScript; with JavaScript the submit calls the action itself, so that
  // what follows a success (onSuccess, refresh) happens even if the form was remounted meanwhile.
  const [postedState, formAction] = useActionState(
    props.action as (previous: FormState<T>, form: FormData) => Promise<FormState<T>>,
    IDLE as FormState<T>,
  );
  const [answer, setAnswer] = useState<FormState<T> | null>(null);
  const state = answer ?? postedState;
  const [pending, startTransition] = useTransition();
  const [defaults] = useState<DefaultValues>(() => ({
    ...props.defaultValues,
    ...Object.fromEntries(Object.entries(props.hidden ?? {}).map(([k, v]) => [k, String(v)])),
    ...(state.status === "error" ? state.values : {}),
  }));
  const methods = useForm({
    resolver: zodResolver(props.schema),
    defaultValues: defaults,
    // Validated when the user submits, then again on every change. Not on blur: an error appearing as the
    // focused field loses focus to the submit button moves the button under the pointer and swallows the click.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const hydrated = useIsHydrated();
  /** The browser refused the last attempt to submit (the fields say why). */
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    const form = formRef.current;
    if (!form || state.status !== "error") return;
    for (const [name, message] of Object.entries(state.fieldErrors)) {
      methods.setError(name, { type: "server", message });
    }
    (firstVisibleOf(form, Object.keys(state.fieldErrors)) ?? alertRef.current)?.focus();
    // Only a new answer from the server matters here; props and methods are stable for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  function submit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const { action, resetOnSuccess, onSuccess } = props;
    const post = () => {
      setRefused(false);
      startTransition(async () => {
        const next = await action(state, new FormData(form));
        setAnswer(next);
        if (next.status !== "ok") return;
        if (resetOnSuccess) methods.reset();
        onSuccess?.(next.data);
        router.refresh();
      });
    };
    // An error the user cannot see or fix (a hidden id) is the server's to explain; let the post go through.
    const onInvalid = (errors: FieldErrors) => {
      if (firstVisibleOf(form, Object.keys(errors))) setRefused(true);
      else post();
    };
    return methods.handleSubmit(post, onInvalid)(event);
  }

  if (state.status === "ok" && props.renderSuccess) return props.renderSuccess(state.data);
  const serverSide = { defaults, errors: !hydrated && state.status === "error" ? state.fieldErrors : {} };
  return (
    <FormProvider {...methods}>
      <ServerSideContext.Provider value={serverSide}>
        <form
          ref={formRef}
          action={formAction}
          onSubmit={submit}
          noValidate
          aria-label={props.label}
          className={props.inline ? "form form--inline" : "form"}
        >
          {(refused || state.status === "error") && (
            <p ref={alertRef} role="alert" tabIndex={-1} className="form__alert">
              {refused || state.status !== "error" ? INVALID_INPUT_MESSAGE : state.message}
            </p>
          )}
          {state.status === "ok" && successMessage && (
            <p role="status" className="notice">
              {successMessage}
            </p>
          )}
          {Object.entries(props.hidden ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {props.children}
          <div className="form__actions">
            <button type="submit" className={`button button--${variant}`} disabled={pending}>
              {pending ? pendingLabel : submitLabel}
            </button>
          </div>
        </form>
      </ServerSideContext.Provider>
    </FormProvider>
  );
}
