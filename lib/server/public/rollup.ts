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
import { db as defaultDb, type Db } from "../platform/db";
import { listDeadlineOverrides, listPublicOrgs, type PublicOrg } from "./orgs";
import { listPublishedReports } from "./reports";

// 汇总: the cell-by-cell sum of the published reports of every body below an organisation for one year, from the
// figures written at publication (ReportFigure, ADR 0004) of each report's current public edition, summed
// exactly by PostgreSQL's numeric GROUP BY. Also who contributed and who is missing.

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
  /** The current editions summed (internal; drill-down reads their figures). */
  editionIds: string[];
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
  const bodies = options.kind ? below.filter((o) => o.kind === options.kind) : below;
  const reports = await listPublishedReports({ year, orgIds: bodies.map((b) => b.id) }, db);
  const reportOf = new Map(reports.map((r) => [r.orgSlug, r]));
  const editionIds = reports.map((r) => r.editionId);
  const sums = await db.reportFigure.groupBy({
    by: ["tableKey", "rowKey", "colKey"],
    where: { editionId: { in: editionIds } },
    _sum: { value: true },
    _count: { _all: true },
  });
  const overrides = await listDeadlineOverrides(year, db);
  const now = options.now ?? new Date();
  return {
    org: bodyOf(org),
    year,
    kind: options.kind ?? null,
    ...rollupTables(
      sums.map((s) => ({
        table: s.tableKey,
        row: s.rowKey,
        col: s.colKey,
        value: s._sum.value?.toFixed() ?? "0",
        count: s._count._all,
      })),
    ),
    contributors: bodies.flatMap((b) => {
      const r = reportOf.get(b.slug);
      return r ? [{ ...bodyOf(b), editionNumber: r.editionNumber, publishedAt: r.publishedAt }] : [];
    }),
    missing: bodies
      .filter((b) => !reportOf.has(b.slug))
      .map((b) => {
        const deadline = publicationDeadline(b, year, overrides.get(b.id));
        return { ...bodyOf(b), deadline, status: publicationStatus(deadline, null, now).status };
      }),
    editionIds,
  };
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
  const figures = await db.reportFigure.findMany({
    where: { editionId: { in: rollup.editionIds }, tableKey: ref.table, rowKey: ref.row, colKey: ref.col },
    select: {
      value: true,
      edition: {
        select: {
          report: { select: { org: { select: { slug: true, name: true, shortName: true, kind: true } } } },
        },
      },
    },
  });
  const isDecimal =
    ALL_CELLS.find((c) => c.table === ref.table && c.row === ref.row && c.col === ref.col)?.isDecimal ??
    false;
  return figures
    .map((f) => ({
      ...f.edition.report.org,
      value: isDecimal ? f.value.toFixed() : Number(f.value.toFixed()),
    }))
    .sort((a, b) => Number(b.value) - Number(a.value) || a.name.localeCompare(b.name, "zh-CN"));
}
