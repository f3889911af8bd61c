import "server-only";
import { isSelfOrDescendant, ORG_KINDS, type OrgKind } from "@/lib/domain/orgs/tree";
import { decideOrgMove, type Action } from "@/lib/domain/orgs/permissions";
import type { Actor } from "../auth/actor";
import { assertCanInTree, loadOrgTree, orgIdsPermitting, type DbClient } from "../auth/authorize";
import { db as defaultDb } from "../platform/db";

// Organisations for administrators' screens: selects, the tree, one organisation's edit screen. Each read is
// scoped to what the actor may do, checked against the tree read here.

export interface OrgOption {
  id: string;
  label: string;
  depth: number;
}

/** Organisations on which the actor may do `action`, in tree order, for selects (label indented by depth). */
export async function listOrgOptions(
  actor: Actor,
  action: Action,
  db: DbClient = defaultDb,
): Promise<OrgOption[]> {
  const tree = await loadOrgTree(db);
  const ids = orgIdsPermitting(actor, action, tree);
  const orgs = await db.organization.findMany({
    where: { id: { in: ids } },
    select: { id: true, parentId: true, kind: true, shortName: true, name: true },
  });
  return inTreeOrder(orgs).map(({ org, depth }) => ({
    id: org.id,
    label: `${"　".repeat(depth)}${org.name}`,
    depth,
  }));
}

/** The actor's administrable organisations as a forest (roots are the tops of their subtrees). */
export async function listOrgTree(actor: Actor, db: DbClient = defaultDb) {
  const tree = await loadOrgTree(db);
  const ids = orgIdsPermitting(actor, "org.edit", tree);
  const [orgs, members] = await Promise.all([
    db.organization.findMany({
      where: { id: { in: ids } },
      select: { id: true, parentId: true, kind: true, name: true, shortName: true, slug: true },
    }),
    db.membership.findMany({
      where: { orgId: { in: ids } },
      select: { orgId: true, userId: true },
      distinct: ["orgId", "userId"],
    }),
  ]);
  const userCount = new Map<string, number>();
  for (const m of members) userCount.set(m.orgId, (userCount.get(m.orgId) ?? 0) + 1);
  return inTreeOrder(orgs).map(({ org, depth }) => ({
    ...org,
    depth,
    userCount: userCount.get(org.id) ?? 0,
  }));
}

/** One organisation for its edit screen, with what the actor may do to it. */
export async function getOrgForAdmin(actor: Actor, orgId: string, db: DbClient = defaultDb) {
  const tree = await loadOrgTree(db);
  assertCanInTree(actor, "org.edit", orgId, tree);
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    include: { parent: { select: { id: true, name: true } }, deadlines: { orderBy: { year: "desc" } } },
  });
  const moveTargets = (await listOrgOptions(actor, "org.create", db)).filter(
    (o) => !isSelfOrDescendant(tree, o.id, orgId),
  );
  const canMove = moveTargets.some((t) => decideOrgMove(actor, orgId, t.id, tree).allowed);
  return { org, canMove, moveTargets: canMove ? moveTargets : [] };
}

const KIND_ORDER = new Map(ORG_KINDS.map((kind, i) => [kind, i]));

/** Depth-first, children by kind (市, 区县, 街道 …) then name; an org whose parent is absent is a root. */
export function inTreeOrder<T extends { id: string; parentId: string | null; kind: OrgKind; name: string }>(
  orgs: T[],
) {
  const present = new Set(orgs.map((o) => o.id));
  const children = new Map<string | null, T[]>();
  for (const org of orgs) {
    const key = org.parentId && present.has(org.parentId) ? org.parentId : null;
    children.set(key, [...(children.get(key) ?? []), org]);
  }
  const byKindThenName = (a: T, b: T) =>
    KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || a.name.localeCompare(b.name, "zh-CN");
  const out: { org: T; depth: number }[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const org of (children.get(parentId) ?? []).sort(byKindThenName)) {
      out.push({ org, depth });
      visit(org.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
