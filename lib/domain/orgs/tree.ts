// The organisation tree (市 → 区县 → 街道/乡镇/部门/开发区), as the pure permission and workflow rules see it.

export const ORG_KINDS = ["CITY", "DISTRICT", "SUBDISTRICT", "TOWNSHIP", "DEPARTMENT", "DEV_ZONE"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  CITY: "市",
  DISTRICT: "区县",
  SUBDISTRICT: "街道",
  TOWNSHIP: "乡镇",
  DEPARTMENT: "部门",
  DEV_ZONE: "开发区",
};

export interface OrgNode {
  id: string;
  parentId: string | null;
}

/** Read-only view of the tree. Build one with `buildOrgTree`, or implement it over a closure table. */
export interface OrgTree {
  /** Every organisation id, in the order the nodes were given. */
  readonly ids: readonly string[];
  has(orgId: string): boolean;
  /** The parent's id; null for a root, an unknown id, or a parent missing from the tree. */
  parentOf(orgId: string): string | null;
  /** Nearest first, excluding the organisation itself; [] for a root or an unknown id. */
  ancestorsOf(orgId: string): string[];
}

export function buildOrgTree(nodes: readonly OrgNode[]): OrgTree {
  const parents = new Map(nodes.map((n) => [n.id, n.parentId]));
  const parentOf = (orgId: string): string | null => {
    const parentId = parents.get(orgId) ?? null;
    return parentId !== null && parents.has(parentId) ? parentId : null;
  };
  return {
    ids: nodes.map((n) => n.id),
    has: (orgId) => parents.has(orgId),
    parentOf,
    ancestorsOf: (orgId) => walkUp(orgId, parentOf),
  };
}

/** Stops at a cycle instead of looping: corrupt data must not hang a permission check. */
function walkUp(orgId: string, parentOf: (id: string) => string | null): string[] {
  const ancestors: string[] = [];
  const seen = new Set([orgId]);
  for (let id = parentOf(orgId); id !== null && !seen.has(id); id = parentOf(id)) {
    ancestors.push(id);
    seen.add(id);
  }
  return ancestors;
}

/** True when `orgId` is `ancestorId` itself or lies anywhere below it. */
export function isSelfOrDescendant(tree: OrgTree, orgId: string, ancestorId: string): boolean {
  return tree.has(orgId) && (orgId === ancestorId || tree.ancestorsOf(orgId).includes(ancestorId));
}
