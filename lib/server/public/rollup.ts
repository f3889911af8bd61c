import "server-only";
import { ALL_CELLS, type CellRef } from "@/lib/domain/format";
import { descendantsOf } from "@/lib/domain/orgs/outline";
import type { OrgKind } from "@/lib/domain/orgs/tree";
import {
  publicationDeadline,
  publicationStatus,
  type PublicationStatus,
} from "@/lib/domain/calendar/publication-calendar";
import { rollupTables, type RollupTables } from "@/lib/domain/rollup";
import { Prisma } from "@/lib/generated/prisma/client";
import { db as defaultDb, type Db } from "../platform/db";
import { listDeadlineOverrides, listPublicOrgs, orgIdsBelow, type PublicOrg } from "./orgs";
import { currentEditionsQuery, NO_JIT, publicReportOf } from "./reports";

// 汇总: the cell-by-cell sum of the published reports of every body below an organisation for one year, from the
// figures written at publication (ReportFigure, ADR 0004) of each report's current public edition, summed
// exactly by PostgreSQL's numeric GROUP BY. Also who contributed and who is missing.
//
// At scale (docs/performance.md, 10,000 bodies) no id list is sent: the subtree is walked in PostgreSQL
// (orgIdsBelow), and the figures are read by year and isCurrent on ReportFigure's own indexes, of the reports the
// public rule (publicReportOf) admits.

export interface RollupBody {
  slug: string;
  name: string;
  shortName: string;
  kind: OrgKind;
}

export interface RollupContributor extends RollupBody {
  editionNumber: number;
  publishedAt: Date;
}

export interface RollupMissing extends RollupBody {
  deadline: string;
  status: PublicationStatus;
}

export interface Rollup extends RollupTables {
  org: RollupBody;
  year: number;
  /** Only bodies of this kind were summed; null = every descendant. */
  kind: OrgKind | null;
  contributors: RollupContributor[];
  missing: RollupMissing[];
  /** The current editions summed (internal; the drill-down reads the same figures as the sum). */
  editionIds: string[];
  /** The organisation summed below (internal id, for the drill-down). */
  orgId: string;
}

export interface RollupOptions {
  kind?: OrgKind | null;
  now?: Date;
}

const bodyOf = (o: PublicOrg): RollupBody => ({
  slug: o.slug,
  name: o.name,
  shortName: o.shortName,
  kind: o.kind,
});

/** The 汇总, or why there is none: no such organisation, or nothing below it to add up. */
export async function getRollup(
  orgSlug: string,
  year: number,
  options: RollupOptions = {},
  db: Db = defaultDb,
): Promise<Rollup | "NOT_FOUND" | "NO_CHILDREN"> {
  const orgs = await listPublicOrgs(db);
  const org = orgs.find((o) => o.slug === orgSlug);
  if (!org) return "NOT_FOUND";
  const below = descendantsOf(orgs, org.id);
  if (below.length === 0) return "NO_CHILDREN";
  const kind = options.kind ?? null;
  const bodies = kind ? below.filter((o) => o.kind === kind) : below;
  const scope = orgIdsBelow(org.id, kind);
  const [, editions, sums] = await db.$transaction([
    SUM_SETTINGS(db),
    currentEditionsQuery(year, scope, db),
    sumCurrentFigures(year, scope, db),
  ]);
  const editionOf = new Map(editions.map((e) => [e.orgId, e]));
  const overrides = await listDeadlineOverrides(year, db);
  const now = options.now ?? new Date();
  return {
    org: bodyOf(org),
    year,
    kind,
    ...rollupTables(sums.map((s) => ({ ...s, value: s.value.toFixed() }))),
    contributors: bodies.flatMap((b) => {
      const e = editionOf.get(b.id);
      return e ? [{ ...bodyOf(b), editionNumber: e.editionNumber, publishedAt: e.publishedAt }] : [];
    }),
    missing: bodies
      .filter((b) => !editionOf.has(b.id))
      .map((b) => {
        const deadline = publicationDeadline(b, year, overrides.get(b.id));
        return { ...bodyOf(b), deadline, status: publicationStatus(deadline, null, now).status };
      }),
    editionIds: editions.map((e) => e.editionId),
    orgId: org.id,
  };
}

interface FigureSum {
  table: string;
  row: string;
  col: string;
  value: Prisma.Decimal;
  count: number;
}

/**
 * NO_JIT, and sums by hashing: there are never more than 200 cells, but PostgreSQL, which cannot estimate a walk of
 * the tree, may plan to sort every figure first — 200,000 of them for a district, spilling to disk (0.3 s of 0.45).
 */
const SUM_SETTINGS = (db: Db) =>
  db.$executeRaw`SELECT set_config('jit', 'off', true), set_config('enable_sort', 'off', true)`;

/**
 * The cell-by-cell sums of one year's current figures of the published reports of the bodies `orgIds` selects.
 * Each report's figures are read on ReportFigure(orgId, year) — a nested loop the LATERAL … OFFSET 0 holds to, so
 * that even the whole tree (a fifth of the table) is read by index, report by report, never by a sequential scan.
 * isCurrent is exact since withdrawal clears it; publicReportOf() also keeps out figures that a withdrawal before
 * that fix left current.
 */
function sumCurrentFigures(year: number, orgIds: Prisma.Sql, db: Db) {
  return db.$queryRaw<FigureSum[]>`
    SELECT f."tableKey" AS table, f."rowKey" AS row, f."colKey" AS col, SUM(f.value) AS value,
           COUNT(*)::int AS count
    FROM "Report" r
    CROSS JOIN LATERAL (
      SELECT f."tableKey", f."rowKey", f."colKey", f.value FROM "ReportFigure" f
      WHERE f."orgId" = r."orgId" AND f.year = ${year} AND f."isCurrent" OFFSET 0
    ) f
    WHERE ${publicReportOf(year, orgIds)}
    GROUP BY f."tableKey", f."rowKey", f."colKey"`;
}

export interface CellContribution extends RollupBody {
  /** The figure as published: an integer count, or the fee's exact decimal string. */
  value: number | string;
}

/** The drill-down of one cell: each contributing body's figure, largest first. */
export async function listCellContributions(
  rollup: Rollup,
  ref: CellRef,
  db: Db = defaultDb,
): Promise<CellContribution[]> {
  // One cell of one year: a few rows per body on ReportFigure(year, tableKey, rowKey, colKey, isCurrent).
  const [, figures] = await db.$transaction([
    NO_JIT(db),
    db.$queryRaw<({ value: Prisma.Decimal } & RollupBody)[]>`
    SELECT f.value, o.slug, o.name, o."shortName", o.kind
    FROM "ReportFigure" f
    JOIN "Organization" o ON o.id = f."orgId"
    WHERE f.year = ${rollup.year} AND f."tableKey" = ${ref.table} AND f."rowKey" = ${ref.row}
      AND f."colKey" = ${ref.col} AND f."isCurrent"
      AND f."orgId" IN (
        SELECT r."orgId" FROM "Report" r
        WHERE ${publicReportOf(rollup.year, orgIdsBelow(rollup.orgId, rollup.kind))}
      )`,
  ]);
  const isDecimal =
    ALL_CELLS.find((c) => c.table === ref.table && c.row === ref.row && c.col === ref.col)?.isDecimal ??
    false;
  return figures
    .map(({ value, ...org }) => ({ ...org, value: isDecimal ? value.toFixed() : Number(value.toFixed()) }))
    .sort((a, b) => Number(b.value) - Number(a.value) || a.name.localeCompare(b.name, "zh-CN"));
}
