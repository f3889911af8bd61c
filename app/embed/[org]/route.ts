import { sendBytes } from "@/lib/server/open-data/api-http";
import { embedFragmentOf } from "@/lib/server/public/embed";
import { env } from "@/lib/server/platform/env";
import { cleanSlug } from "@/lib/server/public/orgs";

// GET /embed/<org>: the body's 年报专栏 as a plain HTML fragment for portals (docs/embedding.md). Framing is
// allowed here (and only here): the fragment has no script and no action, so there is nothing to click-jack.
export async function GET(request: Request, ctx: { params: Promise<{ org: string }> }) {
  const slug = cleanSlug((await ctx.params).org);
  const origin = new URL(request.url).origin;
  const html = slug ? await embedFragmentOf(origin, slug, env().NIANBAO_DEMO === "1") : null;
  const response = sendBytes(request, new TextEncoder().encode(html ?? "<p>未找到该机关。</p>\n"), {
    status: html ? 200 : 404,
    contentType: "text/html; charset=utf-8",
    cacheControl: html ? undefined : "no-store",
  });
  response.headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors *");
  return response;
}
