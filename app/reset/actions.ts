"use server";

import { redirect } from "next/navigation";
import { resetPasswordSchema } from "@/lib/domain/forms/account";
import {
  fieldErrorsOf,
  formError,
  INVALID_INPUT_MESSAGE,
  type FormState,
  type FormValues,
  valuesOf,
} from "@/lib/domain/forms/form-state";
import { cleanDeep } from "@/lib/domain/text-clean";
import { resetPassword } from "@/lib/server/auth/credentials";
import { db } from "@/lib/server/platform/db";
import { clientIp } from "@/lib/server/platform/request";

// Whoever holds the link has no session yet, so like sign-in this action stands outside defineAction: the
// one-time token is the credential, and resetPassword consumes it atomically.
export async function resetPasswordAction(_prev: FormState, form: FormData | FormValues): Promise<FormState> {
  const submitted = cleanDeep(valuesOf(form));
  const parsed = resetPasswordSchema.safeParse(submitted);
  if (!parsed.success) {
    return formError(submitted, "INVALID_INPUT", INVALID_INPUT_MESSAGE, fieldErrorsOf(parsed.error));
  }
  const result = await resetPassword(
    { token: parsed.data.token, password: parsed.data.password, ip: await clientIp() },
    db,
  );
  if (!result.ok) return formError(submitted, "INVALID_INPUT", result.message);
  redirect("/reset/done");
}
