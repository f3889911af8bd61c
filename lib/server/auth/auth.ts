import "server-only";
import { createHash, randomBytes } from "node:crypto";
import {
  lockedMessage,
  minutesLeft,
  passwordChangeLockedMessage,
  SIGN_IN_FAILED,
  THROTTLE,
  type ThrottleState,
} from "@/lib/domain/login-throttle";
import type { Role } from "@/lib/generated/prisma/client";
import { recordAudit } from "../audit/audit";
import type { Db } from "../platform/db";
import { env } from "../platform/env";
import { hashPassword, verifyPassword } from "./password";
import { clearAttempts, pruneThrottlesNowAndThen, releaseAttempt, reserveAttempt } from "./throttle";

export { pruneThrottles } from "./throttle";

// Own session module over @node-rs/argon2 and node:crypto (docs/decisions/0005): database sessions keyed by
// the sha256 of a random token, idle and absolute expiry, rotation at sign-in, per-account and per-IP throttling.

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  isActive: boolean;
  sessionId: string;
  memberships: { orgId: string; role: Role }[];
}

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
}

export function sessionPolicy(): SessionPolicy {
  const { SESSION_IDLE_HOURS, SESSION_MAX_DAYS } = env();
  return { idleMs: SESSION_IDLE_HOURS * 3_600_000, maxMs: SESSION_MAX_DAYS * 86_400_000 };
}

/** NIANBAO_THROTTLE_LOCK_SECONDS shortens the sign-in lock (the e2e server waits seconds, not 15 minutes). */
export function throttleLockMs(): number {
  const seconds = env().NIANBAO_THROTTLE_LOCK_SECONDS;
  return seconds ? seconds * 1000 : THROTTLE.lockMs;
}

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

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

export async function signIn(db: Db, input: SignInInput): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const login = input.login.trim().toLowerCase();
  const lockMs = throttleLockMs();
  await pruneThrottlesNowAndThen(db, now);
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
  const ip = countIp ? await reserveAttempt(db, ipKey, THROTTLE.perIp, now, lockMs) : null;
  if (ip && !ip.allowed) return refuse(ip);
  const account = await reserveAttempt(db, accountKey, THROTTLE.perAccount, now, lockMs);
  if (!account.allowed) {
    if (ip) await releaseAttempt(db, ipKey, THROTTLE.perIp); // a refused attempt is no guess from this address
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
  await clearAttempts(db, accountKey);
  if (ip) await releaseAttempt(db, ipKey, THROTTLE.perIp);
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

/** Longest login name: usernames are VARCHAR(60) and the audit row's actor name too. */
export const LOGIN_MAX = 60;

/** A sign-in refused by the form's schema (e.g. a login name over 60 characters): audited, truncated. */
export async function recordRejectedSignIn(db: Db, input: { login: string; ip: string }): Promise<void> {
  const login = input.login.trim().toLowerCase();
  // Counted against the address like a wrong password; beyond its limit audited as refused by the lock.
  let locked = false;
  if (input.ip !== "" && input.ip !== "unknown") {
    const slot = await reserveAttempt(db, `ip:${input.ip}`, THROTTLE.perIp, new Date(), throttleLockMs());
    locked = !slot.allowed;
  }
  await recordAudit(db, {
    action: locked ? "auth.signIn.locked" : "auth.signIn.failed",
    actorName: login.slice(0, LOGIN_MAX),
    ip: input.ip,
    summary: login.length > LOGIN_MAX ? `登录失败（登录名超过 ${LOGIN_MAX} 个字符）` : "登录失败（输入无效）",
  });
}

/** The actor behind a session token, with memberships read from the database now; null when expired. */
export async function resolveSession(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  const session = await db.session.findUnique({
    where: { id: sha256(token) },
    include: { user: { include: { memberships: { select: { orgId: true, role: true } } } } },
  });
  if (!session) return null;
  const idleExpired = now.getTime() - session.lastSeenAt.getTime() > sessionPolicy().idleMs;
  if (idleExpired || session.expiresAt <= now || !session.user.isActive) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  // Touch at most once a minute: the idle clock needs no per-request write.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    isActive: user.isActive,
    sessionId: session.id,
    memberships: user.memberships,
  };
}

export async function signOut(db: Db, token: string, ip: string) {
  const session = await db.session.findUnique({ where: { id: sha256(token) }, include: { user: true } });
  if (!session) return;
  await db.session.deleteMany({ where: { id: session.id } });
  await recordAudit(db, {
    action: "auth.signOut",
    actorId: session.userId,
    actorName: session.user.username,
    ip,
    summary: "退出登录",
  });
}

export async function signOutEverywhere(db: Db, actor: Actor, ip: string) {
  const { count } = await db.session.deleteMany({ where: { userId: actor.userId } });
  await recordAudit(db, {
    action: "auth.signOutAll",
    actorId: actor.userId,
    actorName: actor.username,
    ip,
    summary: `退出全部设备（${count} 个会话）`,
  });
}

export type PasswordChangeResult = { ok: true } | { ok: false; field: "current" | "next"; message: string };

export async function changePassword(
  db: Db,
  actor: Actor,
  input: { current: string; next: string; ip: string },
): Promise<PasswordChangeResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (input.next.length < 10) return { ok: false, field: "next", message: "新密码至少 10 个字符。" };
  // A stolen session must not become an oracle for the password: wrong current passwords are throttled
  // per account like sign-ins, reserved before verifying.
  const now = new Date();
  const key = `password:${user.id}`;
  const slot = await reserveAttempt(db, key, THROTTLE.perPasswordChange, now, throttleLockMs());
  const lockedReply = (state: ThrottleState): PasswordChangeResult => ({
    ok: false,
    field: "current",
    message: passwordChangeLockedMessage(minutesLeft(state, now)),
  });
  if (!slot.allowed) return lockedReply(slot);
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    await recordAudit(db, {
      action: "auth.passwordChange.failed",
      actorId: user.id,
      actorName: user.username,
      ip: input.ip,
      summary: "修改密码：当前密码错误",
    });
    if (slot.lockedUntil && slot.lockedUntil > now) return lockedReply(slot);
    return { ok: false, field: "current", message: "当前密码不正确。" };
  }
  await clearAttempts(db, key);
  await db.$transaction([
    db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(input.next), passwordChangedAt: new Date() },
    }),
    // Other devices are signed out; this session stays.
    db.session.deleteMany({ where: { userId: user.id, id: { not: actor.sessionId } } }),
  ]);
  await recordAudit(db, {
    action: "auth.passwordChanged",
    actorId: user.id,
    actorName: user.username,
    ip: input.ip,
    summary: "修改密码",
  });
  return { ok: true };
}

export const RESET_TTL_MS = 24 * 3_600_000;

/** A one-time, expiring reset token for a user (the caller checks the administrator's permission). */
export async function issuePasswordReset(db: Db, actor: Actor, userId: string, ip: string): Promise<string> {
  const token = newToken();
  await db.passwordResetToken.create({
    data: {
      id: sha256(token),
      userId,
      createdById: actor.userId,
      expiresAt: new Date(Date.now() + RESET_TTL_MS),
    },
  });
  await recordAudit(db, {
    action: "user.resetIssued",
    actorId: actor.userId,
    actorName: actor.username,
    ip,
    targetType: "user",
    targetId: userId,
    summary: "签发密码重置链接",
  });
  return token;
}

export async function resetPassword(
  db: Db,
  token: string,
  password: string,
  ip: string,
): Promise<{ ok: boolean; message: string }> {
  if (password.length < 10) return { ok: false, message: "新密码至少 10 个字符。" };
  const id = sha256(token);
  const now = new Date();
  // Conditional update: a token is consumed exactly once even under concurrent use.
  const { count } = await db.passwordResetToken.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return { ok: false, message: "重置链接无效或已过期，请联系管理员重新签发。" };
  const { userId } = await db.passwordResetToken.findUniqueOrThrow({ where: { id } });
  await db.$transaction([
    db.user.update({
      where: { id: userId },
      data: { passwordHash: await hashPassword(password), passwordChangedAt: now },
    }),
    db.session.deleteMany({ where: { userId } }),
  ]);
  await recordAudit(db, {
    action: "auth.passwordReset",
    actorId: userId,
    ip,
    targetType: "user",
    targetId: userId,
    summary: "通过重置链接设置新密码",
  });
  return { ok: true, message: "密码已重置，请使用新密码登录。" };
}
