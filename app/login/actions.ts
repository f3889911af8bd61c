"use server";

import { redirect } from "next/navigation";
import { signInSchema } from "@/lib/domain/forms/account";
import {
  fieldErrorsOf,
  formError,
  INVALID_INPUT_MESSAGE,
  type FormState,
  type FormValues,
  valuesOf,
} from "@/lib/domain/forms/form-state";
import { signIn, signOut } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { clientIp, userAgent } from "@/lib/server/request";
import { clearSessionCookie, readSessionToken, setSessionCookie } from "@/lib/server/session";

/** Only same-site paths: never an open redirect. */
const safeNext = (next?: string) => (next && /^\/(?!\/)/.test(next) ? next : "/workspace");

// Sign-in has no actor yet, so it is the one action outside defineAction; its form validates with the same schema.
export async function signInAction(_prev: FormState, form: FormData | FormValues): Promise<FormState> {
  const submitted = valuesOf(form);
  const parsed = signInSchema.safeParse(submitted);
  if (!parsed.success) {
    return formError(submitted, "INVALID_INPUT", INVALID_INPUT_MESSAGE, fieldErrorsOf(parsed.error));
  }
  const result = await signIn(db, {
    login: parsed.data.login,
    password: parsed.data.password,
    ip: await clientIp(),
    userAgent: await userAgent(),
    previousToken: await readSessionToken(),
  });
  if (!result.ok) return formError(submitted, "UNAUTHENTICATED", result.message);
  await setSessionCookie(result.token, result.expiresAt);
  redirect(safeNext(parsed.data.next));
}

export async function signOutAction() {
  const token = await readSessionToken();
  if (token) await signOut(db, token, await clientIp());
  await clearSessionCookie();
  redirect("/login?signedOut=1");
}
