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
import { safeNext } from "@/lib/domain/safe-next";
import { cleanDeep } from "@/lib/domain/text-clean";
import { recordRejectedSignIn, signIn } from "@/lib/server/auth/sign-in";
import { signOut } from "@/lib/server/auth/session-store";
import { db } from "@/lib/server/platform/db";
import { clientIp, userAgent } from "@/lib/server/platform/request";
import { clearSessionCookie, readSessionToken, setSessionCookie } from "@/lib/server/auth/session";

// Sign-in has no actor yet, so it is the one action outside defineAction; its form validates with the same schema.
export async function signInAction(_prev: FormState, form: FormData | FormValues): Promise<FormState> {
  const submitted = cleanDeep(valuesOf(form));
  const parsed = signInSchema.safeParse(submitted);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    // A refused attempt is still an attempt: audited like any failed sign-in.
    if (fieldErrors.login || fieldErrors.password) {
      const login = typeof submitted.login === "string" ? submitted.login.slice(0, 200) : "";
      await recordRejectedSignIn({ login, ip: await clientIp() }, db);
    }
    return formError(submitted, "INVALID_INPUT", INVALID_INPUT_MESSAGE, fieldErrors);
  }
  const result = await signIn(
    {
      login: parsed.data.login,
      password: parsed.data.password,
      ip: await clientIp(),
      userAgent: await userAgent(),
      previousToken: await readSessionToken(),
    },
    db,
  );
  if (!result.ok) return formError(submitted, "UNAUTHENTICATED", result.message);
  await setSessionCookie(result.token, result.expiresAt);
  redirect(safeNext(parsed.data.next));
}

export async function signOutAction() {
  const token = await readSessionToken();
  if (token) await signOut({ token, ip: await clientIp() }, db);
  await clearSessionCookie();
  redirect("/login?signedOut=1");
}
