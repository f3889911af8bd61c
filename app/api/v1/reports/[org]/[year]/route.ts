import { reportPathSchema, reportQuerySchema } from "@/lib/domain/open-data/api-params";
import {
  apiError,
  etagOf,
  invalidQuery,
  notModified,
  queryOf,
  sendBytes,
  sendCsv,
  sendJson,
} from "@/lib/server/open-data/api-http";
import { DOCX_EXPORT_VERSION } from "@/lib/server/documents/docx-export";
import { downloadName, reportCsvOf, reportDocxOf, reportJson } from "@/lib/server/documents/exports";
import { getWithdrawalNotice } from "@/lib/server/public/editions";
import { getPublishedReport } from "@/lib/server/public/reports";
import { cachedPublicGet } from "@/lib/server/public/response-cache";

// GET /api/v1/reports/<org-slug>/<year>[?format=json|csv|docx]: one published report as data or as a Word file.

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const GET = cachedPublicGet(async function GET(
  request: Request,
  ctx: { params: Promise<{ org: string; year: string }> },
) {
  const path = reportPathSchema.safeParse(await ctx.params);
  if (!path.success) return invalidQuery(request, path.error);
  const query = reportQuerySchema.safeParse(queryOf(request));
  if (!query.success) return invalidQuery(request, query.error);
  const { org, year } = path.data;
  const report = await getPublishedReport(org, year);
  if (!report) {
    const withdrawn = await getWithdrawalNotice(org, year);
    if (withdrawn) return apiError(request, 410, "WITHDRAWN", `该报告已撤销发布：${withdrawn.note}`);
    return apiError(request, 404, "NOT_FOUND", `未找到机关“${org}”${year}年度已发布的报告。`);
  }
  switch (query.data.format) {
    case "csv":
      return sendCsv(request, reportCsvOf(report), downloadName(org, year, "csv"));
    case "docx": {
      // Editions are immutable, so the edition and the exporter's version identify the file.
      const etag = etagOf(`docx:${DOCX_EXPORT_VERSION}:${report.editionId}`);
      const cached = notModified(request, etag);
      if (cached) return cached;
      return sendBytes(request, await reportDocxOf(report), {
        contentType: DOCX,
        filename: downloadName(org, year, "docx"),
        etag,
      });
    }
    default:
      return sendJson(request, reportJson(report));
  }
});
