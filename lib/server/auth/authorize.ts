import "server-only";
import { buildOrgTree, type OrgTree } from "@/lib/domain/orgs/tree";
import { can, decide, effectiveRoles, type Action } from "@/lib/domain/orgs/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActionError, fail } from "../platform/action";
import type { Actor } from "./actor";
import { db as defaultDb, type Db } from "../platform/db";

// The enforcement side of lib/domain/orgs/permissions.ts: the tree is read from the database at every check and the
// actor's memberships come from resolveSession (read per request), so no cached role decides anything. A check on
// one organisation reads only that organisation's chain of ancestors (all a decision on it looks at), not the
// whole tree: one small indexed query however many bodies the installation holds.
//
// Refusals never reveal what exists elsewhere: an organisation the actor holds no role over is NOT_FOUND,
// exactly like one that does not exist; FORBIDDEN only where a role of theirs reaches the organisation.

/** The default client, or the transaction the check must be part of. */
export type DbClient = Db | Prisma.TransactionClient;

export const NOT_FOUND_MESSAGE = "未找到该对象，或您无权访问。";

export async function loadOrgTree(db: DbClient = defaultDb): Promise<OrgTree> {
  const nodes = await db.organization.findMany({
    select: { id: true, parentId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return buildOrgTree(nodes);
}

/**
 * The organisation and its ancestors up to the root, as a tree: what `decide` reads for any action on `orgId`
 * (its roles are inherited from ancestors; org.move looks at the parent). Empty for an unknown id. UNION (not
 * UNION ALL) stops at a cycle in corrupt data instead of looping.
 */
export async function loadAncestry(orgId: string, db: DbClient = defaultDb): Promise<OrgTree> {
  const chain = await db.$queryRaw<{ id: string; parentId: string | null }[]>`
    WITH RECURSIVE up(id, "parentId") AS (
      SELECT id, "parentId" FROM "Organization" WHERE id = ${orgId}
      UNION
      SELECT o.id, o."parentId" FROM "Organization" o JOIN up ON o.id = up."parentId"
    )
    SELECT id, "parentId" FROM up`;
  return buildOrgTree(chain);
}

/** Throws ActionError NOT_FOUND or FORBIDDEN unless `actor` may do `action` on `orgId` in `tree`. */
export function assertCanInTree(actor: Actor, action: Action, orgId: string, tree: OrgTree): void {
  if (effectiveRoles(actor, orgId, tree).length === 0) fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  const decision = decide(actor, action, orgId, tree);
  if (!decision.allowed) fail("FORBIDDEN", `您没有执行此操作的权限：${decision.reason}。`);
}

/**
 * Loads the organisation's ancestry (inside the caller's transaction when given one), checks, and returns it for
 * further decisions on the same organisation (effectiveRoles, can) — not for listing other organisations.
 */
export async function assertCan(
  actor: Actor,
  action: Action,
  orgId: string,
  db: DbClient = defaultDb,
): Promise<OrgTree> {
  const tree = await loadAncestry(orgId, db);
  assertCanInTree(actor, action, orgId, tree);
  return tree;
}

/** Every organisation on which the actor may do `action`, for scoping a query's `where`. */
export function orgIdsPermitting(actor: Actor, action: Action, tree: OrgTree): string[] {
  return tree.ids.filter((orgId) => can(actor, action, orgId, tree));
}

/** For pages: a refused or missing object renders the 404 page, never a hint that it exists. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof ActionError && (err.code === "NOT_FOUND" || err.code === "FORBIDDEN")) {
      // Imported lazily: this module is also used outside Next (CLI, scripts), where next/navigation cannot load.
      const { notFound } = await import("next/navigation");
      notFound();
    }
    throw err;
  }
}
