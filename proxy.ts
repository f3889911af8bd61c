import { createHash, randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { CARE_MODE_SCRIPT } from "@/lib/domain/care-mode";
import { contentSecurityPolicy, STAFF_PATH } from "@/lib/domain/csp";

// Sets the Content-Security-Policy (docs/decisions/0014). Staff pages get a fresh nonce per request, passed to
// Next in the request's CSP header so that it marks its own scripts; other pages get the static policy and are
// left exactly as cached (the proxy does not touch their request, so they stay static).

const dev = process.env.NODE_ENV === "development";
const CARE_HASH = `'sha256-${createHash("sha256").update(CARE_MODE_SCRIPT).digest("base64")}'`;
const PUBLIC_POLICY = contentSecurityPolicy({ dev });
/** Next's default serverActions.bodySizeLimit ("1mb"); drafts are capped below it (MAX_REPORT_JSON_BYTES). */
const ACTION_BODY_LIMIT = 1024 * 1024;

/** A refusal as the browser's action client reads it: plain text with a Chinese message, never a 500. */
const refuse = (status: number, message: string) =>
  new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * Server-action requests Next would fail with a 500: another origin (Next refuses it, but as an error) and an
 * argument body that is not JSON. Refused here as 403 / 400 (issue 10 item 9).
 */
async function refuseBadAction(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  // Next answers a body over its server-action limit (1 MB) with an error page; refuse it plainly instead.
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) {
    return refuse(413, "提交的内容过大（超过 1 MB），请删减后再保存。");
  }
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && origin !== "null") {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== host) return refuse(403, "跨站请求已被拒绝：请从本站页面提交。");
  } else if (origin === "null") {
    return refuse(403, "跨站请求已被拒绝：请从本站页面提交。");
  }
  if (request.headers.get("content-type")?.startsWith("text/plain")) {
    try {
      JSON.parse(await request.clone().text());
    } catch {
      return refuse(400, "请求格式有误，请刷新页面后重试。");
    }
  }
  return null;
}

export async function proxy(request: NextRequest) {
  const refused = await refuseBadAction(request);
  if (refused) return refused;
  if (!STAFF_PATH.test(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", PUBLIC_POLICY);
    return response;
  }
  const nonce = randomBytes(16).toString("base64");
  const policy = contentSecurityPolicy({ nonce, scriptHashes: [CARE_HASH], dev });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Not for build assets; the API answers JSON (its own headers) and is never framed or scripted.
  // /embed/<org> is the portal fragment (docs/embedding.md): no script, framable, its own CSP.
  matcher: ["/((?!_next/static|_next/image|api/|embed/|icon.svg|favicon.ico).*)"],
};
