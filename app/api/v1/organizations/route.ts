import { sendJson } from "@/lib/server/open-data/api-http";
import { listPublicOrgs } from "@/lib/server/public/orgs";
import { cachedPublicGet } from "@/lib/server/public/response-cache";

// GET /api/v1/organizations: every organisation with its slug, name, kind and parent (the tree).

export const GET = cachedPublicGet(async function GET(request: Request) {
  const orgs = await listPublicOrgs();
  return sendJson(request, {
    organizations: orgs.map((o) => ({
      slug: o.slug,
      name: o.name,
      shortName: o.shortName,
      kind: o.kind,
      parentSlug: o.parentSlug,
      path: `/reports/${o.slug}`,
    })),
  });
});
