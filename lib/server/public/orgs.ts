import "server-only";
import { ancestorsOf, childrenByParent, descendantsOf } from "@/lib/domain/orgs/outline";
import type { OrgKind } from "@/lib/domain/orgs/tree";
import { Prisma } from "@/lib/generated/prisma/client";
import { db as defaultDb, type Db } from "../platform/db";

// The organisation tree as the public may see it: names, kinds, the tree and publication deadlines. Internal ids
// stay inside the server; the public addresses a body by its slug. No actor: all of this is public.

export interface PublicOrg {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  kind: OrgKind;
  parentId: string | null;
  parentSlug: string | null;
  deadlineMonth: number;
  deadlineDay: number;
}

export interface PublicOrgDetail extends PublicOrg {
  /** Root first, for breadcrumbs. */
  ancestors: PublicOrg[];
  children: PublicOrg[];
  descendantCount: number;
}

/** Every organisation, parents before children is not guaranteed; use org-outline to nest them. */
export async function listPublicOrgs(db: Db = defaultDb): Promise<PublicOrg[]> {
  const rows = await db.organization.findMany({
    select: {
      id: true,
      slug: true,
      name: true,
      shortName: true,
      kind: true,
      parentId: true,
      deadlineMonth: true,
      deadlineDay: true,
    },
    orderBy: { slug: "asc" },
  });
  const slugOf = new Map(rows.map((r) => [r.id, r.slug]));
  return rows.map((r) => ({ ...r, parentSlug: r.parentId ? (slugOf.get(r.parentId) ?? null) : null }));
}

export async function getPublicOrg(slug: string, db: Db = defaultDb): Promise<PublicOrgDetail | null> {
  const orgs = await listPublicOrgs(db);
  const org = orgs.find((o) => o.slug === slug);
  if (!org) return null;
  return {
    ...org,
    ancestors: ancestorsOf(orgs, org.id),
    children: childrenByParent(orgs).get(org.id) ?? [],
    descendantCount: descendantsOf(orgs, org.id).length,
  };
}

/**
 * A subquery of the ids of every organisation below `rootId` at any depth (never the root itself), optionally only
 * those of one kind — the bodies a 汇总 adds up — as descendantsOf() finds them, but walked by PostgreSQL, so that
 * no list of thousands of ids is sent with the query. Each step looks the children up on the parentId index (the
 * LATERAL … OFFSET 0 keeps the planner, which cannot estimate a recursive walk, from hashing the whole table
 * instead); UNION (not UNION ALL) ends the walk even on a cycle in the tree.
 */
export function orgIdsBelow(rootId: string, kind?: OrgKind | null): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE below (id, kind) AS (
      SELECT id, kind FROM "Organization" WHERE "parentId" = ${rootId}
      UNION
      SELECT c.id, c.kind FROM below b
      CROSS JOIN LATERAL (SELECT o.id, o.kind FROM "Organization" o WHERE o."parentId" = b.id OFFSET 0) c
    )
    SELECT id FROM below
    WHERE id <> ${rootId}${kind ? Prisma.sql` AND kind = ${kind}::"OrgKind"` : Prisma.empty}`;
}

/** Per-year deadline overrides (OrgDeadline) as ISO dates by org id. */
export async function listDeadlineOverrides(year: number, db: Db = defaultDb): Promise<Map<string, string>> {
  const rows = await db.orgDeadline.findMany({ where: { year } });
  return new Map(rows.map((r) => [r.orgId, r.deadline.toISOString().slice(0, 10)]));
}

/** A slug as the URL gives it, or null when it cannot be one (saves a query on junk). */
export function cleanSlug(raw: string): string | null {
  return /^[a-z0-9][a-z0-9-]{0,79}$/.test(raw) ? raw : null;
}
