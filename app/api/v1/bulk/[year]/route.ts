import { z } from "zod";
import { yearParam } from "@/lib/domain/open-data/api-params";
import { etagOf, invalidQuery, notModified, sendBytes } from "@/lib/server/open-data/api-http";
import { bulkZip } from "@/lib/server/documents/exports";
import { listPublishedReports, publishedReportBatches } from "@/lib/server/public/reports";
import { cachedPublicGet } from "@/lib/server/public/response-cache";

// GET /api/v1/bulk/<year>: a zip of every published report of the year as JSON and one CSV of all their cells.

const pathSchema = z.object({ year: yearParam });

export const GET = cachedPublicGet(async function GET(
  request: Request,
  ctx: { params: Promise<{ year: string }> },
) {
  const path = pathSchema.safeParse(await ctx.params);
  if (!path.success) return invalidQuery(request, path.error);
  const { year } = path.data;
  // The set of current editions names the archive; check it before building the zip.
  const editions = (await listPublishedReports({ year })).map((r) => r.editionId).sort();
  const etag = etagOf(`bulk:1:${year}:${editions.join(",")}`);
  const cached = notModified(request, etag);
  if (cached) return cached;
  const zip = await bulkZip(year, editions.length, () => publishedReportBatches({ year }));
  return sendBytes(request, zip, { contentType: "application/zip", filename: `nianbao-${year}.zip`, etag });
});
