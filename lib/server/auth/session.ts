import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { resolveSession } from "./session-store";
import { type Actor } from "./actor";
import { db } from "../platform/db";
import { isHttps } from "../platform/request";

// Next-facing side of the session: the cookie. httpOnly, SameSite=Lax, Secure over HTTPS; the token's
// sha256 is the session id in the database (lib/server/auth/session-store.ts).
export const SESSION_COOKIE = "nianbao_session";

export async function readSessionToken(): Promise<string | null> {
  return (await cookies()).get(SESSION_COOKIE)?.value ?? null;
}

export async function setSessionCookie(token: string, expiresAt: Date) {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: "/",
    expires: expiresAt,
  });
}

export async function clearSessionCookie() {
  (await cookies()).delete(SESSION_COOKIE);
}

/** The signed-in actor for this request (one database read per request), or null. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = await readSessionToken();
  return token ? resolveSession(token, db) : null;
});

/** For pages: the actor, or a redirect to the sign-in page that comes back here. */
export async function requireActor(returnTo?: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(returnTo ? `/login?next=${encodeURIComponent(returnTo)}` : "/login");
  return actor;
}

/** For pages showing non-public data: what the actor may not see does not exist (no hint, a 404). */
export function denyAsNotFound(): never {
  notFound();
}
