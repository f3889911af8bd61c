import { apiError } from "@/lib/server/open-data/api-http";
import { sendAtom } from "@/lib/server/open-data/feed-http";
import { cleanSlug } from "@/lib/server/public/orgs";
import { atomFeedOf } from "@/lib/server/public/feed";

// GET /reports/<org>/feed.xml: one body's Atom feed of publications, corrections and withdrawals.
export async function GET(request: Request, ctx: { params: Promise<{ org: string }> }) {
  const slug = cleanSlug((await ctx.params).org);
  const xml = slug ? await atomFeedOf(new URL(request.url).origin, slug) : null;
  if (!xml) return apiError(request, 404, "NOT_FOUND", "未找到该机关。");
  return sendAtom(request, xml);
}
