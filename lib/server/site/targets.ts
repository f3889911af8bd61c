import "server-only";
import { ancestorsOf, childrenByParent } from "@/lib/domain/orgs/outline";
import type { DbClient } from "../auth/authorize";
import { listPublicOrgs, type PublicOrg } from "../public/orgs";
import { bulkTarget, ORGANIZATIONS_TARGET, pageTarget, reportDataTargets, type SiteTarget } from "./files";

// Which public addresses one change of what the public sees touches (docs/decisions/0020-static-publication.md).
// A report's figures appear on its page, next year's page (「与上年对比」), its editions, its body's page, every
// ancestor's body page and 汇总, the home page, and the open-data files. The 汇总 drill-downs (one page per cell)
// are left to the app: they are many, rarely read, and cached there like any page.

export interface SiteChangeScope {
  /** null: the whole site. */
  orgId: string | null;
  /** null: every year of the organisation. */
  year: number | null;
  /** The date changed: only the pages whose content depends on today (home calendar, body pages' due status). */
  dateOnly?: boolean;
}

interface Plan {
  targets: Map<string, SiteTarget>;
  /** Organisation slugs whose files must go (renamed away). */
  staleSlugs: Set<string>;
}

function add(plan: Plan, target: SiteTarget) {
  plan.targets.set(target.file, target);
}

/** Years with at least one edition (published or withdrawn), by organisation id. */
async function editionYears(db: DbClient, orgId: string | null): Promise<Map<string, Map<number, number[]>>> {
  const rows = await db.reportEdition.findMany({
    where: orgId ? { report: { orgId } } : undefined,
    select: { number: true, report: { select: { orgId: true, year: true } } },
  });
  const byOrg = new Map<string, Map<number, number[]>>();
  for (const r of rows) {
    const years = byOrg.get(r.report.orgId) ?? new Map<number, number[]>();
    years.set(r.report.year, [...(years.get(r.report.year) ?? []), r.number]);
    byOrg.set(r.report.orgId, years);
  }
  return byOrg;
}

function addOrgYear(
  plan: Plan,
  org: PublicOrg,
  year: number,
  editions: number[],
  orgs: PublicOrg[],
  hasChildren: (id: string) => boolean,
) {
  add(plan, pageTarget(`/reports/${org.slug}/${year}`));
  add(plan, pageTarget(`/reports/${org.slug}/${year + 1}`));
  for (const n of editions) add(plan, pageTarget(`/reports/${org.slug}/${year}/editions/${n}`));
  for (const t of reportDataTargets(org.slug, year)) add(plan, t);
  add(plan, bulkTarget(year));
  if (hasChildren(org.id)) add(plan, pageTarget(`/rollup/${org.slug}/${year}`));
  for (const a of ancestorsOf(orgs, org.id)) {
    add(plan, pageTarget(`/reports/${a.slug}`));
    add(plan, pageTarget(`/rollup/${a.slug}/${year}`));
  }
}

const PRIORITY: [RegExp, number][] = [
  [/^\/reports\/[^/]+\/\d{4}$/, 0],
  [/^\/api\/v1\/reports\//, 1],
  [/^\/reports\/[^/]+\/\d{4}\/editions\//, 2],
  [/^\/reports\/[^/]+$/, 3],
  [/^\/rollup\//, 4],
  [/^\/$/, 5],
  [/^\/api\/v1\/organizations$/, 6],
];
/** Lower first; the bulk archive (slowest to build) last. */
const priorityOf = (url: string) => PRIORITY.find(([re]) => re.test(url))?.[1] ?? 7;

/** Every address the given changes touch, deduplicated (a batch of publications shares its ancestors' pages). */
export async function siteTargetsOf(
  db: DbClient,
  scopes: readonly SiteChangeScope[],
  staleSlugs: readonly string[] = [],
): Promise<{ targets: SiteTarget[]; staleSlugs: string[] }> {
  const plan: Plan = { targets: new Map(), staleSlugs: new Set(staleSlugs) };
  add(plan, pageTarget("/"));
  add(plan, ORGANIZATIONS_TARGET);
  const orgs = await listPublicOrgs(db as Parameters<typeof listPublicOrgs>[0]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const children = childrenByParent(orgs);
  const hasChildren = (id: string) => (children.get(id)?.length ?? 0) > 0;
  const whole = scopes.some((s) => s.orgId === null && !s.dateOnly);
  if (scopes.some((s) => s.dateOnly)) for (const org of orgs) add(plan, pageTarget(`/reports/${org.slug}`));
  const only =
    scopes.length === 1 && scopes[0]!.year !== null && !scopes[0]!.dateOnly ? scopes[0]!.orgId : null;
  const years = await editionYears(db, only);

  const touch = (org: PublicOrg, year: number | null) => {
    add(plan, pageTarget(`/reports/${org.slug}`));
    for (const a of ancestorsOf(orgs, org.id)) add(plan, pageTarget(`/reports/${a.slug}`));
    const own = years.get(org.id) ?? new Map<number, number[]>();
    const list = year === null ? [...own.keys()] : [year];
    for (const y of list) addOrgYear(plan, org, y, own.get(y) ?? [], orgs, hasChildren);
  };

  if (whole) {
    for (const org of orgs) touch(org, null);
    // A parent's 汇总 exists for every year any descendant published.
    for (const org of orgs) {
      if (!hasChildren(org.id)) continue;
      for (const [orgId, ys] of years)
        if (ancestorsOf(orgs, orgId).some((a) => a.id === org.id))
          for (const y of ys.keys()) add(plan, pageTarget(`/rollup/${org.slug}/${y}`));
    }
  } else {
    for (const scope of scopes) {
      const org = scope.orgId ? byId.get(scope.orgId) : undefined;
      if (!org) continue;
      touch(org, scope.year);
      // A moved or renamed organisation changes its descendants' breadcrumbs and addresses too.
      if (scope.year === null)
        for (const d of orgs) if (ancestorsOf(orgs, d.id).some((a) => a.id === org.id)) touch(d, null);
    }
  }
  // The changed report's own page and data first: the publisher writes each file as soon as it is rendered, so
  // the page a reader is waiting for is not queued behind the home page, 汇总 pages and the bulk archive.
  const targets = [...plan.targets.values()].sort((a, b) => priorityOf(a.url) - priorityOf(b.url));
  return { targets, staleSlugs: [...plan.staleSlugs] };
}
