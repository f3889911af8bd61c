// Finding a body by (part of) its name the way the public types it: 「钢城街道」, 「钢城街道办事处」, 「钢城街办」 and
// 「柳北区人民政府钢城街道办事处」 all find the same office. Generic endings are dropped from the query and the
// remaining core is looked for in the full name, the short name and the slug.

export interface SearchableOrg {
  slug: string;
  name: string;
  shortName: string;
}

/** Generic endings that the public adds or leaves out at will, longest first. */
const GENERIC_ENDINGS = ["街道办事处", "人民政府", "办事处", "街道办", "街办", "街道", "政府"] as const;

/** Spaces (also full-width) and punctuation never matter in a name. */
function compact(text: string): string {
  return text.replace(/[\s\u3000·•.,，、()（）\-_]/g, "").toLowerCase();
}

/** The query without its generic endings: 「钢城街道办事处」 → 「钢城」; a query that is only an ending stays. */
export function coreOfQuery(query: string): string {
  let core = compact(query);
  for (let changed = true; changed;) {
    changed = false;
    for (const ending of GENERIC_ENDINGS) {
      if (core.length > ending.length && core.endsWith(ending)) {
        core = core.slice(0, -ending.length);
        changed = true;
      }
    }
  }
  return core;
}

/** How well an organisation matches: 0 = no match; higher is better. */
export function matchScore(org: SearchableOrg, query: string): number {
  const full = compact(query);
  if (!full) return 0;
  const core = coreOfQuery(query);
  const name = compact(org.name);
  const short = compact(org.shortName);
  if (short === full || name === full) return 5;
  if (short.startsWith(full) || name.endsWith(full)) return 4;
  if (name.includes(full) || short.includes(full)) return 3;
  if (short.startsWith(core) || name.includes(core) || short.includes(core)) return 2;
  if (org.slug.includes(full)) return 1;
  return 0;
}

/** The matching organisations, best match first, then by name; at most `limit`. */
export function searchOrgs<T extends SearchableOrg>(orgs: readonly T[], query: string, limit = 50): T[] {
  return orgs
    .map((org) => ({ org, score: matchScore(org, query) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.org.name.localeCompare(b.org.name, "zh-CN"))
    .slice(0, limit)
    .map((m) => m.org);
}
