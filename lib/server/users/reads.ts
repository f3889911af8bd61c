import "server-only";
import { isSelfOrDescendant } from "@/lib/domain/orgs/tree";
import { can, ROLE_LABELS } from "@/lib/domain/orgs/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fail } from "../platform/action";
import type { Actor } from "../auth/actor";
import { loadOrgTree, NOT_FOUND_MESSAGE, orgIdsPermitting, type DbClient } from "../auth/authorize";
import { sha256 } from "../auth/tokens";
import { db as defaultDb } from "../platform/db";
import { homeOrgIds, visibleUsersWhere } from "./visibility";

// Accounts for the admin screens (scoped to the actor's user.view reach), the actor's own account page, and
// whether a reset link is still usable.

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

/** Whether a reset link can still be used (for the reset page; the reset itself re-checks atomically). */
export async function isResetTokenUsable(token: string, db: DbClient = defaultDb): Promise<boolean> {
  const found = await db.passwordResetToken.findFirst({
    where: { id: sha256(token), usedAt: null, expiresAt: { gt: new Date() }, user: { isActive: true } },
  });
  return found !== null;
}
