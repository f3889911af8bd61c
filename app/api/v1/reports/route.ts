import { reportListQuerySchema } from "@/lib/domain/open-data/api-params";
import { invalidQuery, queryOf, sendJson } from "@/lib/server/open-data/api-http";
import { reportPath } from "@/lib/server/documents/exports";
import { listPublishedReports } from "@/lib/server/public/reports";
import { cachedPublicGet } from "@/lib/server/public/response-cache";

// GET /api/v1/reports?org=&year=&kind=: the published reports matching the filters, newest publication first.

export const GET = cachedPublicGet(async function GET(request: Request) {
  const query = reportListQuerySchema.safeParse(queryOf(request));
  if (!query.success) return invalidQuery(request, query.error);
  const { org, year, kind } = query.data;
  const reports = await listPublishedReports({ orgSlug: org, year, kind });
  return sendJson(request, {
    reports: reports.map((r) => {
      const api = `/api/v1/reports/${r.orgSlug}/${r.year}`;
      return {
        organization: { slug: r.orgSlug, name: r.orgName, kind: r.orgKind },
        year: r.year,
        title: r.title,
        edition: {
          number: r.editionNumber,
          publishedAt: r.publishedAt.toISOString(),
          firstPublishedAt: r.firstPublishedAt.toISOString(),
        },
        path: reportPath(r.orgSlug, r.year),
        downloads: { json: api, csv: `${api}?format=csv`, docx: `${api}?format=docx` },
      };
    }),
  });
});
