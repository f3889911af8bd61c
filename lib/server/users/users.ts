import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { isSelfOrDescendant, type OrgTree } from "@/lib/domain/org-tree";
import { can, ROLE_LABELS, type Action } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fail } from "../platform/action";
import { recordAudit } from "../audit/audit";
import { issuePasswordReset, sha256, type Actor } from "../auth/auth";
import {
  assertCanInTree,
  loadOrgTree,
  NOT_FOUND_MESSAGE,
  orgIdsPermitting,
  type DbClient,
} from "../auth/authorize";
import { db as defaultDb, type Db } from "../platform/db";
import { auditActor } from "../orgs/orgs";
import { hashPassword } from "../auth/password";
import type {
  assignRoleSchema,
  createUserSchema,
  membershipSchema,
  setUserActiveSchema,
  userIdSchema,
} from "@/lib/domain/forms/user";

// Accounts for administrators. A user is visible to an administrator who may `user.view` any organisation the
// user holds a role in; account-wide changes (deactivate, reset link) need the administrator's reach over every
// one of them — a district administrator must not reset the password of someone who is also a city administrator.

// The forms' schemas live in lib/domain/forms, where the forms validate with them too.
export { MIN_PASSWORD_LENGTH, changePasswordSchema, resetPasswordSchema } from "@/lib/domain/forms/account";
export {
  assignRoleSchema,
  createUserSchema,
  membershipSchema,
  setUserActiveSchema,
  userIdSchema,
  usernameSchema,
} from "@/lib/domain/forms/user";

interface WithIp {
  ip?: string;
}

/** The path of a reset link; the page at /reset/[token] sets the new password. */
export const resetPath = (token: string) => `/reset/${token}`;

// ---- visibility --------------------------------------------------------------------------------------

const roots = (tree: OrgTree) => tree.ids.filter((id) => tree.parentOf(id) === null);

/** The organisations an account belongs to; one with no role left is the concern of the whole tree's admins. */
function homeOrgIds(memberships: { orgId: string }[], tree: OrgTree): string[] {
  const own = [...new Set(memberships.map((m) => m.orgId))].filter((id) => tree.has(id));
  return own.length > 0 ? own : roots(tree);
}

/** `where` for the users visible to the actor (a role in their user.view scope), scoped in the query. */
function visibleUsersWhere(actor: Actor, tree: OrgTree, scope?: string[]): Prisma.UserWhereInput {
  const visible = scope ?? orgIdsPermitting(actor, "user.view", tree);
  const wholeTree = !scope && roots(tree).every((id) => can(actor, "user.view", id, tree));
  const inScope: Prisma.UserWhereInput = { memberships: { some: { orgId: { in: visible } } } };
  return wholeTree ? { OR: [inScope, { memberships: { none: {} } }] } : inScope;
}

/** Locks the account row and checks the actor may do `action` on every organisation it belongs to. */
async function lockManagedUser(tx: Prisma.TransactionClient, actor: Actor, userId: string, action: Action) {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${userId} FOR UPDATE`;
  const tree = await loadOrgTree(tx);
  const user = await tx.user.findFirst({
    where: { AND: [{ id: userId }, visibleUsersWhere(actor, tree)] },
    include: { memberships: true },
  });
  if (!user) return fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  const homes = homeOrgIds(user.memberships, tree);
  if (!homes.every((orgId) => can(actor, action, orgId, tree))) {
    fail("FORBIDDEN", "该用户在您管理范围以外的机构也有角色，须由上级管理员操作。");
  }
  return { user, tree, homeOrgId: homes[0] ?? null };
}

// ---- writes ------------------------------------------------------------------------------------------

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
    input.passwordMode === "resetLink" ? await issuePasswordReset(db, actor, user.id, input.ip ?? "") : null;
  return { userId: user.id, username: user.username, resetPath: token ? resetPath(token) : null };
}

export async function assignRole(
  actor: Actor,
  input: z.output<typeof assignRoleSchema> & WithIp,
  db: Db = defaultDb,
) {
  return db.$transaction(async (tx) => {
    const tree = await loadOrgTree(tx);
    const user = await tx.user.findFirst({
      where: { AND: [{ id: input.userId }, visibleUsersWhere(actor, tree)] },
    });
    if (!user) return fail("NOT_FOUND", NOT_FOUND_MESSAGE);
    assertCanInTree(actor, "user.assignRole", input.orgId, tree);
    const existing = await tx.membership.findFirst({
      where: { userId: user.id, orgId: input.orgId, role: input.role },
    });
    if (existing) fail("CONFLICT", "该用户在这个机构已有此角色。");
    const membership = await tx.membership.create({
      data: { userId: user.id, orgId: input.orgId, role: input.role },
    });
    await recordAudit(tx, {
      ...auditActor(actor, input),
      action: "user.roleAssigned",
      orgId: input.orgId,
      targetType: "user",
      targetId: user.id,
      summary: `为 ${user.username} 分配角色：${ROLE_LABELS[input.role]}`,
    });
    return membership;
  });
}

export async function removeRole(
  actor: Actor,
  input: z.output<typeof membershipSchema> & WithIp,
  db: Db = defaultDb,
) {
  await db.$transaction(async (tx) => {
    const tree = await loadOrgTree(tx);
    const visible = orgIdsPermitting(actor, "user.view", tree);
    const membership = await tx.membership.findFirst({
      where: { id: input.membershipId, orgId: { in: visible } },
      include: { user: true },
    });
    if (!membership) return fail("NOT_FOUND", NOT_FOUND_MESSAGE);
    assertCanInTree(actor, "user.assignRole", membership.orgId, tree);
    if (membership.userId === actor.userId && membership.role === "ADMIN") {
      fail("FORBIDDEN", "不能移除自己的管理员角色，请由其他管理员操作。");
    }
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${membership.userId} FOR UPDATE`;
    if ((await tx.membership.count({ where: { userId: membership.userId } })) <= 1) {
      fail("CONFLICT", "这是该用户唯一的角色。如该账号不再使用，请停用账号；如需调岗，请先分配新角色。");
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, {
      ...auditActor(actor, input),
      action: "user.roleRemoved",
      orgId: membership.orgId,
      targetType: "user",
      targetId: membership.userId,
      summary: `移除 ${membership.user.username} 的角色：${ROLE_LABELS[membership.role]}`,
    });
  });
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
  return { resetPath: resetPath(await issuePasswordReset(db, actor, input.userId, input.ip ?? "")) };
}

/** Whether a reset link can still be used (for the reset page; the reset itself re-checks atomically). */
export async function isResetTokenUsable(token: string, db: DbClient = defaultDb): Promise<boolean> {
  const found = await db.passwordResetToken.findFirst({
    where: { id: sha256(token), usedAt: null, expiresAt: { gt: new Date() }, user: { isActive: true } },
  });
  return found !== null;
}

// ---- reads -------------------------------------------------------------------------------------------

export const USERS_PER_PAGE = 50;

export interface UserListFilter {
  orgId?: string;
  q?: string;
  page?: number;
}

/** Accounts with a role in the actor's user.view scope (optionally one organisation's subtree), 50 a page. */
export async function listUsers(actor: Actor, filter: UserListFilter = {}, db: DbClient = defaultDb) {
  const tree = await loadOrgTree(db);
  const visible = orgIdsPermitting(actor, "user.view", tree);
  if (visible.length === 0 || (filter.orgId && !visible.includes(filter.orgId)))
    fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  const scope = filter.orgId
    ? visible.filter((id) => isSelfOrDescendant(tree, id, filter.orgId!))
    : undefined;
  const q = filter.q?.trim();
  const matches: Prisma.UserWhereInput = q
    ? {
        OR: [
          { username: { contains: q.toLowerCase() } },
          { displayName: { contains: q } },
          { phone: { contains: q } },
          { email: { contains: q.toLowerCase() } },
        ],
      }
    : {};
  const where: Prisma.UserWhereInput = { AND: [visibleUsersWhere(actor, tree, scope), matches] };
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: { username: "asc" },
      skip: (page - 1) * USERS_PER_PAGE,
      take: USERS_PER_PAGE,
      include: {
        memberships: { where: { orgId: { in: visible } }, include: { org: { select: { shortName: true } } } },
        _count: { select: { memberships: true } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / USERS_PER_PAGE)),
    users: users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      isActive: u.isActive,
      roles: u.memberships.map((m) => `${m.org.shortName} · ${ROLE_LABELS[m.role]}`),
      hiddenRoleCount: u._count.memberships - u.memberships.length,
    })),
  };
}

/** One account for its admin screen: the roles the actor may see, and what the actor may do. */
export async function getUserForAdmin(actor: Actor, userId: string, db: DbClient = defaultDb) {
  const tree = await loadOrgTree(db);
  const visible = orgIdsPermitting(actor, "user.view", tree);
  const user = await db.user.findFirst({
    where: { AND: [{ id: userId }, visibleUsersWhere(actor, tree)] },
    include: {
      memberships: { include: { org: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      _count: { select: { sessions: true } },
    },
  });
  if (!user) return fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  const isSelf = user.id === actor.userId;
  const shown = user.memberships.filter((m) => visible.includes(m.orgId));
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    phone: user.phone,
    email: user.email,
    isActive: user.isActive,
    isSelf,
    createdAt: user.createdAt,
    sessionCount: user._count.sessions,
    canManageAccount: homeOrgIds(user.memberships, tree).every((id) =>
      can(actor, "user.deactivate", id, tree),
    ),
    roles: shown.map((m) => ({
      membershipId: m.id,
      orgName: m.org.name,
      roleLabel: ROLE_LABELS[m.role],
      canRemove:
        can(actor, "user.assignRole", m.orgId, tree) &&
        user.memberships.length > 1 &&
        !(isSelf && m.role === "ADMIN"),
    })),
    hiddenRoleCount: user.memberships.length - shown.length,
  };
}

// ---- the first administrator -------------------------------------------------------------------------

/** The actor's own account, for the account page. */
export async function getOwnAccount(actor: Actor, db: DbClient = defaultDb) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    include: {
      memberships: { include: { org: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      _count: { select: { sessions: true } },
    },
  });
  return {
    username: user.username,
    displayName: user.displayName,
    phone: user.phone,
    email: user.email,
    passwordChangedAt: user.passwordChangedAt,
    sessionCount: user._count.sessions,
    roles: user.memberships.map((m) => `${m.org.name} · ${ROLE_LABELS[m.role]}`),
  };
}
