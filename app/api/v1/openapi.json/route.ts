import { openApiDocument } from "@/lib/domain/open-data/openapi";
import { sendJson } from "@/lib/server/open-data/api-http";

// GET /api/v1/openapi.json: the machine-readable description of this API (OpenAPI 3.1).

export async function GET(request: Request) {
  return sendJson(request, openApiDocument(), { cacheControl: "public, max-age=300, s-maxage=3600" });
}
