// The organisation tree as the public browses it: children in a stable order, all descendants of a body (whose
// reports a 汇总 adds up), the whole tree as an indented outline, and the chain of ancestors for breadcrumbs. Cycles in bad data end a walk, never hang it.

export interface OutlineOrg {
  id: string;
  parentId: string | null;
  name: string;
}

/** Children per parent id (null = roots), each list ordered by name in Chinese collation. */
export function childrenByParent<T extends OutlineOrg>(orgs: readonly T[]): Map<string | null, T[]> {
  const ids = new Set(orgs.map((o) => o.id));
  const map = new Map<string | null, T[]>();
  for (const org of orgs) {
    const parent = org.parentId !== null && ids.has(org.parentId) ? org.parentId : null;
    map.set(parent, [...(map.get(parent) ?? []), org]);
  }
  for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  return map;
}

/** Every organisation below `id`, depth first in outline order. */
export function descendantsOf<T extends OutlineOrg>(orgs: readonly T[], id: string): T[] {
  const children = childrenByParent(orgs);
  const result: T[] = [];
  const seen = new Set([id]);
  const walk = (parentId: string) => {
    for (const child of children.get(parentId) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      result.push(child);
      walk(child.id);
    }
  };
  walk(id);
  return result;
}

/** Every organisation in outline order — each root, then its descendants depth first — with its depth for indentation. */
export function inOutlineOrder<T extends OutlineOrg>(orgs: readonly T[]): { org: T; depth: number }[] {
  const children = childrenByParent(orgs);
  const result: { org: T; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (org: T, depth: number) => {
    if (seen.has(org.id)) return;
    seen.add(org.id);
    result.push({ org, depth });
    for (const child of children.get(org.id) ?? []) walk(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) walk(root, 0);
  return result;
}

/** The ancestors of `id`, root first (for breadcrumbs). */
export function ancestorsOf<T extends OutlineOrg>(orgs: readonly T[], id: string): T[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const chain: T[] = [];
  const seen = new Set([id]);
  for (
    let p = byId.get(id)?.parentId ?? null;
    p !== null && !seen.has(p);
    p = byId.get(p)?.parentId ?? null
  ) {
    const parent = byId.get(p);
    if (!parent) break;
    chain.unshift(parent);
    seen.add(p);
  }
  return chain;
}
