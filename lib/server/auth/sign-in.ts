import "server-only";
import { randomBytes } from "node:crypto";
import {
  lockedMessage,
  minutesLeft,
  SIGN_IN_FAILED,
  THROTTLE,
  type ThrottleState,
} from "@/lib/domain/login-throttle";
import { LOGIN_MAX } from "@/lib/domain/forms/account";
import { recordAudit } from "../audit/audit";
import { db as defaultDb, type Db } from "../platform/db";
import { hashPassword, verifyPassword } from "./password";
import { sessionPolicy } from "./session-store";
import {
  clearAttempts,
  pruneThrottlesNowAndThen,
  releaseAttempt,
  reserveAttempt,
  throttleLockMs,
} from "./throttle";
import { newToken, sha256 } from "./tokens";

// Sign-in with per-account and per-IP throttling (docs/decisions/0005); a success rotates the session.

// A real hash to verify against when the account does not exist, so timing gives no hint either.
let dummyHash: Promise<string> | undefined;

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: string }
  | { ok: false; code: "INVALID" | "LOCKED"; message: string };

interface SignInInput {
  login: string;
  password: string;
  ip: string;
  userAgent?: string;
  /** The current session's token, if any: it is ended so a new session id is issued (rotation). */
  previousToken?: string | null;
  now?: Date;
}

export async function signIn(input: SignInInput, db: Db = defaultDb): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const login = input.login.trim().toLowerCase();
  const lockMs = throttleLockMs();
  await pruneThrottlesNowAndThen(now, db);
  const user = await db.user.findFirst({
    where: { OR: [{ username: login }, { email: login }, { phone: login }] },
  });
  // One counter per account however it is named; unknown names are counted per typed name.
  const accountKey = user ? `account:${user.id}` : `name:${login.slice(0, 190)}`;
  const ipKey = `ip:${input.ip}`;
  const refuse = async (state: ThrottleState): Promise<SignInResult> => {
    await recordAudit(db, {
      action: "auth.signIn.locked",
      actorId: user?.id ?? null,
      actorName: login.slice(0, 60),
      ip: input.ip,
      summary: "登录被限流拒绝",
    });
    return { ok: false, code: "LOCKED", message: lockedMessage(minutesLeft(state, now)) };
  };
  // Reserve before verifying (atomic), so that parallel guesses cannot all pass a stale count. An unknown
  // address (a server started without the launcher) is no key: all clients would share one counter.
  const countIp = input.ip !== "" && input.ip !== "unknown";
  const ip = countIp ? await reserveAttempt(ipKey, THROTTLE.perIp, now, lockMs, db) : null;
  if (ip && !ip.allowed) return refuse(ip);
  const account = await reserveAttempt(accountKey, THROTTLE.perAccount, now, lockMs, db);
  if (!account.allowed) {
    if (ip) await releaseAttempt(ipKey, THROTTLE.perIp, db); // a refused attempt is no guess from this address
    return refuse(account);
  }
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !valid || !user.isActive) {
    await recordAudit(db, {
      action: "auth.signIn.failed",
      actorId: user?.id ?? null,
      actorName: login.slice(0, 60),
      ip: input.ip,
      summary: "登录失败",
    });
    const nowLocked = [account, ip].find((s) => s?.lockedUntil && s.lockedUntil > now);
    return nowLocked
      ? { ok: false, code: "LOCKED", message: lockedMessage(minutesLeft(nowLocked, now)) }
      : { ok: false, code: "INVALID", message: SIGN_IN_FAILED };
  }
  await clearAttempts(accountKey, db);
  if (ip) await releaseAttempt(ipKey, THROTTLE.perIp, db);
  if (input.previousToken) await db.session.deleteMany({ where: { id: sha256(input.previousToken) } });
  const token = newToken();
  const expiresAt = new Date(now.getTime() + sessionPolicy().maxMs);
  await db.session.create({
    data: {
      id: sha256(token),
      userId: user.id,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent ?? "",
      createdAt: now,
      lastSeenAt: now,
    },
  });
  await recordAudit(db, {
    action: "auth.signIn",
    actorId: user.id,
    actorName: user.username,
    ip: input.ip,
    summary: "登录成功",
  });
  return { ok: true, token, expiresAt, userId: user.id };
}

/** A sign-in refused by the form's schema (e.g. a login name over 60 characters): audited, truncated. */
export async function recordRejectedSignIn(
  input: { login: string; ip: string },
  db: Db = defaultDb,
): Promise<void> {
  const login = input.login.trim().toLowerCase();
  // Counted against the address like a wrong password; beyond its limit audited as refused by the lock.
  let locked = false;
  if (input.ip !== "" && input.ip !== "unknown") {
    const slot = await reserveAttempt(`ip:${input.ip}`, THROTTLE.perIp, new Date(), throttleLockMs(), db);
    locked = !slot.allowed;
  }
  await recordAudit(db, {
    action: locked ? "auth.signIn.locked" : "auth.signIn.failed",
    actorName: login.slice(0, LOGIN_MAX),
    ip: input.ip,
    summary: login.length > LOGIN_MAX ? `登录失败（登录名超过 ${LOGIN_MAX} 个字符）` : "登录失败（输入无效）",
  });
}
