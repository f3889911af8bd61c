import { apiError, sendJson } from "@/lib/server/open-data/api-http";

// /api/v1 itself lists the endpoints; any other address under it is a JSON 404, never an HTML page.

const ENDPOINTS = {
  organizations: "/api/v1/organizations",
  reports: "/api/v1/reports{?org,year,kind}",
  report: "/api/v1/reports/{org}/{year}{?format}",
  rollup: "/api/v1/rollup/{org}/{year}{?kind,cell}",
  comparison: "/api/v1/comparison{?orgs,years,format}",
  bulk: "/api/v1/bulk/{year}",
  openapi: "/api/v1/openapi.json",
  documentation: "/open-data",
};

export async function GET(request: Request, ctx: { params: Promise<{ path?: string[] }> }) {
  const { path = [] } = await ctx.params;
  if (path.length === 0)
    return sendJson(request, { name: "年报开放数据接口", version: "v1", endpoints: ENDPOINTS });
  return apiError(
    request,
    404,
    "NOT_FOUND",
    `接口地址不存在：/api/v1/${path.join("/")}。可用的接口见 /api/v1/openapi.json。`,
  );
}
