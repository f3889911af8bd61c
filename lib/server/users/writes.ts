import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { ROLE_LABELS } from "@/lib/domain/orgs/permissions";
import { fail } from "../platform/action";
import { auditActor, recordAudit, type WithIp } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { assertCanInTree, loadOrgTree, type DbClient } from "../auth/authorize";
import { issuePasswordReset } from "../auth/credentials";
import { hashPassword } from "../auth/password";
import { db as defaultDb, type Db } from "../platform/db";
import { lockManagedUser } from "./visibility";
import type { createUserSchema, setUserActiveSchema, userIdSchema } from "@/lib/domain/forms/user";

// Accounts for administrators: create, deactivate or reactivate, issue a reset link. Roles are in ./roles.ts.

/** The path of a reset link; the page at /reset/[token] sets the new password. */
export const resetPath = (token: string) => `/reset/${token}`;

async function assertLoginsFree(
  tx: DbClient,
  input: { username: string; phone: string | null; email: string | null },
) {
  const taken = await tx.user.findMany({
    where: {
      OR: [
        { username: input.username },
        ...(input.phone ? [{ phone: input.phone }] : []),
        ...(input.email ? [{ email: input.email }] : []),
      ],
    },
    select: { username: true, phone: true, email: true },
  });
  const errors: Record<string, string> = {};
  if (taken.some((u) => u.username === input.username)) errors.username = "该用户名已被使用";
  if (input.phone && taken.some((u) => u.phone === input.phone)) errors.phone = "该手机号已被其他账号使用";
  if (input.email && taken.some((u) => u.email === input.email)) errors.email = "该邮箱已被其他账号使用";
  if (Object.keys(errors).length > 0) fail("INVALID_INPUT", "填写内容有误，请检查标出的项目。", errors);
}

/** Creates an account with one role; with passwordMode "resetLink" it returns a one-time link instead. */
export async function createUser(
  actor: Actor,
  input: z.output<typeof createUserSchema> & WithIp,
  db: Db = defaultDb,
) {
  const secret = input.passwordMode === "password" ? input.password : randomBytes(32).toString("hex");
  const passwordHash = await hashPassword(secret);
  const user = await db.$transaction(async (tx) => {
    const tree = await loadOrgTree(tx);
    assertCanInTree(actor, "user.create", input.orgId, tree);
    await assertLoginsFree(tx, input);
    const { orgId, role } = input;
    const created = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        phone: input.phone,
        email: input.email,
        passwordHash,
        memberships: { create: { orgId, role } },
      },
    });
    await recordAudit(tx, {
      ...auditActor(actor, input),
      action: "user.create",
      orgId,
      targetType: "user",
      targetId: created.id,
      summary: `新建用户 ${created.username}（${created.displayName}），角色：${ROLE_LABELS[role]}`,
    });
    return created;
  });
  const token =
    input.passwordMode === "resetLink"
      ? await issuePasswordReset(actor, { userId: user.id, ip: input.ip ?? "" }, db)
      : null;
  return { userId: user.id, username: user.username, resetPath: token ? resetPath(token) : null };
}

/** Deactivating ends every session of the account at once (and voids unused reset links); reactivating undoes. */
export async function setUserActive(
  actor: Actor,
  input: z.output<typeof setUserActiveSchema> & WithIp,
  db: Db = defaultDb,
) {
  await db.$transaction(async (tx) => {
    const { user, homeOrgId } = await lockManagedUser(tx, actor, input.userId, "user.deactivate");
    if (user.id === actor.userId && !input.isActive) fail("FORBIDDEN", "不能停用自己的账号。");
    if (user.isActive === input.isActive) return;
    await tx.user.update({ where: { id: user.id }, data: { isActive: input.isActive } });
    if (!input.isActive) {
      await tx.session.deleteMany({ where: { userId: user.id } });
      await tx.passwordResetToken.updateMany({
        where: { userId: user.id, usedAt: null },
        data: { usedAt: new Date() },
      });
    }
    await recordAudit(tx, {
      ...auditActor(actor, input),
      action: input.isActive ? "user.reactivate" : "user.deactivate",
      orgId: homeOrgId,
      targetType: "user",
      targetId: user.id,
      summary: `${input.isActive ? "启用" : "停用"}账号 ${user.username}`,
    });
  });
}

/** A one-time reset link (24 hours) for an active account the actor fully administers. */
export async function issueUserReset(
  actor: Actor,
  input: z.output<typeof userIdSchema> & WithIp,
  db: Db = defaultDb,
) {
  await db.$transaction(async (tx) => {
    const { user } = await lockManagedUser(tx, actor, input.userId, "user.issueReset");
    if (!user.isActive) fail("CONFLICT", "该账号已停用，请先启用再签发重置链接。");
  });
  return {
    resetPath: resetPath(await issuePasswordReset(actor, { userId: input.userId, ip: input.ip ?? "" }, db)),
  };
}
