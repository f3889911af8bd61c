import { z } from "zod";
import { comparisonCsv, comparisonQuerySchema } from "@/lib/domain/comparison";
import { invalidQuery, sendCsv, sendJson } from "@/lib/server/open-data/api-http";
import { getComparison } from "@/lib/server/public/comparison";
import { cachedPublicGet } from "@/lib/server/public/response-cache";

// GET /api/v1/comparison?orgs=a,b&years=2023,2024[&format=csv]: the key figures of bodies and years side by side.

const formatSchema = z.object({
  format: z.enum(["json", "csv"], { error: "format 须为 json 或 csv" }).default("json"),
});

export const GET = cachedPublicGet(async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const query = comparisonQuerySchema.safeParse({
    orgs: params.getAll("orgs"),
    years: params.getAll("years"),
  });
  if (!query.success) return invalidQuery(request, query.error);
  const format = formatSchema.safeParse({ format: params.get("format") ?? undefined });
  if (!format.success) return invalidQuery(request, format.error);
  const comparison = await getComparison(query.data);
  if (format.data.format === "csv")
    return sendCsv(request, comparisonCsv(comparison.rows), "nianbao-comparison.csv");
  return sendJson(request, {
    organizations: comparison.orgs.map((o) => ({ slug: o.slug, name: o.name, kind: o.kind })),
    unknown: comparison.unknown,
    years: comparison.years,
    rows: comparison.rows,
  });
});
