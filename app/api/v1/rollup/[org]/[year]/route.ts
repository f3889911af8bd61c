import { reportPathSchema, rollupQuerySchema } from "@/lib/domain/open-data/api-params";
import { cellId, findCellDef } from "@/lib/domain/format";
import { getCell } from "@/lib/domain/cells";
import { apiError, invalidQuery, queryOf, sendJson } from "@/lib/server/open-data/api-http";
import { getRollup, listCellContributions } from "@/lib/server/public/rollup";
import { cachedPublicGet } from "@/lib/server/public/response-cache";

// GET /api/v1/rollup/<org-slug>/<year>[?kind=][&cell=t3:newReceived:natural]: the 汇总 of every published report
// below the organisation, cell by cell, with the contributing and the missing bodies; `cell` adds the drill-down.

export const GET = cachedPublicGet(async function GET(
  request: Request,
  ctx: { params: Promise<{ org: string; year: string }> },
) {
  const path = reportPathSchema.safeParse(await ctx.params);
  if (!path.success) return invalidQuery(request, path.error);
  const query = rollupQuerySchema.safeParse(queryOf(request));
  if (!query.success) return invalidQuery(request, query.error);
  const { org, year } = path.data;
  const rollup = await getRollup(org, year, { kind: query.data.kind });
  if (rollup === "NOT_FOUND") return apiError(request, 404, "NOT_FOUND", `未找到机关“${org}”。`);
  if (rollup === "NO_CHILDREN")
    return apiError(request, 404, "NO_CHILDREN", `机关“${org}”没有下级机关，无可汇总的报告。`);
  const ref = query.data.cell;
  const cell = ref && {
    ...ref,
    rowLabel: findCellDef(ref)!.rowLabel,
    colLabel: findCellDef(ref)!.colLabel,
    value: getCell(rollup.tables, ref),
    reportCount: rollup.counts[cellId(ref)] ?? 0,
    contributions: (await listCellContributions(rollup, ref)).map((c) => ({
      slug: c.slug,
      name: c.name,
      kind: c.kind,
      value: c.value,
    })),
  };
  return sendJson(request, {
    organization: rollup.org,
    year,
    kind: rollup.kind,
    contributors: rollup.contributors.map((c) => ({ ...c, publishedAt: c.publishedAt.toISOString() })),
    missing: rollup.missing,
    tables: rollup.tables,
    counts: rollup.counts,
    ...(cell ? { cell } : {}),
  });
});
