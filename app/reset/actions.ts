"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { cleanDeep } from "@/lib/domain/text-clean";
import { resetPassword } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";
import { resetPasswordSchema } from "@/lib/server/users";

export interface ResetState {
  message?: string;
  fieldErrors?: { password?: string; confirm?: string };
}

// Whoever holds the link has no session yet, so like sign-in this action stands outside defineAction: the
// one-time token is the credential, and resetPassword consumes it atomically.
export async function resetPasswordAction(_prev: ResetState, form: FormData): Promise<ResetState> {
  const parsed = resetPasswordSchema.safeParse(cleanDeep(Object.fromEntries(form)));
  if (!parsed.success) {
    const f = z.flattenError(parsed.error).fieldErrors;
    return { fieldErrors: { password: f.password?.[0], confirm: f.confirm?.[0] } };
  }
  const result = await resetPassword(db, parsed.data.token, parsed.data.password, await clientIp());
  if (!result.ok) return { message: result.message };
  redirect("/reset/done");
}
