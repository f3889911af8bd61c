import "server-only";
import type { OrgTree } from "@/lib/domain/orgs/tree";
import { can, type Action } from "@/lib/domain/orgs/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fail } from "../platform/action";
import type { Actor } from "../auth/actor";
import { loadOrgTree, NOT_FOUND_MESSAGE, orgIdsPermitting } from "../auth/authorize";

// Which accounts an administrator sees and fully manages. A user is visible to an administrator who may
// `user.view` any organisation the user holds a role in; account-wide changes (deactivate, reset link) need the
// administrator's reach over every one of them — a district administrator must not reset the password of someone
// who is also a city administrator.

const roots = (tree: OrgTree) => tree.ids.filter((id) => tree.parentOf(id) === null);

/** The organisations an account belongs to; one with no role left is the concern of the whole tree's admins. */
export function homeOrgIds(memberships: { orgId: string }[], tree: OrgTree): string[] {
  const own = [...new Set(memberships.map((m) => m.orgId))].filter((id) => tree.has(id));
  return own.length > 0 ? own : roots(tree);
}

/** `where` for the users visible to the actor (a role in their user.view scope), scoped in the query. */
export function visibleUsersWhere(actor: Actor, tree: OrgTree, scope?: string[]): Prisma.UserWhereInput {
  const visible = scope ?? orgIdsPermitting(actor, "user.view", tree);
  const wholeTree = !scope && roots(tree).every((id) => can(actor, "user.view", id, tree));
  const inScope: Prisma.UserWhereInput = { memberships: { some: { orgId: { in: visible } } } };
  return wholeTree ? { OR: [inScope, { memberships: { none: {} } }] } : inScope;
}

/** Locks the account row and checks the actor may do `action` on every organisation it belongs to. */
export async function lockManagedUser(
  tx: Prisma.TransactionClient,
  actor: Actor,
  userId: string,
  action: Action,
) {
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
