import "server-only";
import {
  minutesLeft,
  passwordChangeLockedMessage,
  THROTTLE,
  type ThrottleState,
} from "@/lib/domain/login-throttle";
import { recordAudit } from "../audit/audit";
import { db as defaultDb, type Db } from "../platform/db";
import type { Actor } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { clearAttempts, reserveAttempt, throttleLockMs } from "./throttle";
import { newToken, sha256 } from "./tokens";

// Passwords after sign-in: the account's own change (throttled like sign-ins) and one-time reset links.

export type PasswordChangeResult = { ok: true } | { ok: false; field: "current" | "next"; message: string };

export async function changePassword(
  actor: Actor,
  input: { current: string; next: string; ip: string },
  db: Db = defaultDb,
): Promise<PasswordChangeResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (input.next.length < 10) return { ok: false, field: "next", message: "新密码至少 10 个字符。" };
  // A stolen session must not become an oracle for the password: wrong current passwords are throttled
  // per account like sign-ins, reserved before verifying.
  const now = new Date();
  const key = `password:${user.id}`;
  const slot = await reserveAttempt(key, THROTTLE.perPasswordChange, now, throttleLockMs(), db);
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
  await clearAttempts(key, db);
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
export async function issuePasswordReset(
  actor: Actor,
  input: { userId: string; ip: string },
  db: Db = defaultDb,
): Promise<string> {
  const { userId, ip } = input;
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
  input: { token: string; password: string; ip: string },
  db: Db = defaultDb,
): Promise<{ ok: boolean; message: string }> {
  const { token, password, ip } = input;
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
