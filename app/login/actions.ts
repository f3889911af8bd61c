"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { safeNext } from "@/lib/domain/safe-next";
import { cleanDeep } from "@/lib/domain/text-clean";
import { LOGIN_MAX, recordRejectedSignIn, signIn, signOut } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { clientIp, userAgent } from "@/lib/server/request";
import { clearSessionCookie, readSessionToken, setSessionCookie } from "@/lib/server/session";

export interface SignInState {
  message?: string;
  fieldErrors?: { login?: string; password?: string };
  login?: string;
}

const signInSchema = z.object({
  login: z.string().trim().min(1, "请输入用户名、手机号或邮箱").max(LOGIN_MAX, `最多 ${LOGIN_MAX} 个字符`),
  password: z.string().min(1, "请输入密码").max(200, "密码最多 200 个字符"),
  next: z.string().max(500).optional(),
});

// Sign-in has no actor yet, so it is the one action outside defineAction.
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const input = cleanDeep(Object.fromEntries(form));
  const parsed = signInSchema.safeParse(input);
  const login = typeof input.login === "string" ? input.login.slice(0, 200) : "";
  if (!parsed.success) {
    const f = z.flattenError(parsed.error).fieldErrors;
    // A refused attempt is still an attempt: audited like any failed sign-in.
    if (f.login || f.password) await recordRejectedSignIn(db, { login, ip: await clientIp() });
    return { login, fieldErrors: { login: f.login?.[0], password: f.password?.[0] } };
  }
  const result = await signIn(db, {
    login: parsed.data.login,
    password: parsed.data.password,
    ip: await clientIp(),
    userAgent: await userAgent(),
    previousToken: await readSessionToken(),
  });
  if (!result.ok) return { login, message: result.message };
  await setSessionCookie(result.token, result.expiresAt);
  redirect(safeNext(parsed.data.next));
}

export async function signOutAction() {
  const token = await readSessionToken();
  if (token) await signOut(db, token, await clientIp());
  await clearSessionCookie();
  redirect("/login?signedOut=1");
}
