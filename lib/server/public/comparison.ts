import "server-only";
import type { ComparisonQuery, ComparisonRow } from "@/lib/domain/comparison";
import { keyFiguresOf } from "@/lib/domain/key-figures";
import { db as defaultDb, type Db } from "../platform/db";
import { listPublicOrgs, type PublicOrg } from "./orgs";
import { listPublishedReportContents } from "./reports";

// The comparison page and its CSV: the key figures of the chosen bodies in the chosen years, published
// editions only, every combination present (a year not published stays in, marked).

export interface Comparison {
  orgs: PublicOrg[];
  /** Slugs asked for that name no organisation. */
  unknown: string[];
  years: number[];
  rows: ComparisonRow[];
}

export async function getComparison(query: ComparisonQuery, db: Db = defaultDb): Promise<Comparison> {
  const all = await listPublicOrgs(db);
  const orgs = query.orgs.flatMap((slug) => all.filter((o) => o.slug === slug));
  const unknown = query.orgs.filter((slug) => !all.some((o) => o.slug === slug));
  const years = [...query.years].sort((a, b) => a - b);
  if (orgs.length === 0 || years.length === 0) return { orgs, unknown, years, rows: [] };
  const reports = await listPublishedReportContents({ orgIds: orgs.map((o) => o.id), years }, db);
  const rows = orgs.flatMap((org) =>
    years.map((year) => {
      const report = reports.find((r) => r.orgSlug === org.slug && r.year === year);
      return {
        orgSlug: org.slug,
        orgName: org.name,
        year,
        figures: report ? keyFiguresOf(report.content.tables) : null,
      };
    }),
  );
  return { orgs, unknown, years, rows };
}
