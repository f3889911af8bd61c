import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";

// HTTP for the open-data API (app/api/v1): every response carries an ETag and Cache-Control, a matching
// If-None-Match gets 304, errors are JSON with a code and a Chinese message (never an HTML page), and anyone
// may read cross-origin. See docs/decisions/0007-public-caching.md for the cache policy.

/** Browsers revalidate every time (cheap with the ETag); shared caches may serve a minute-old copy. */
export const API_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=600";
const ERROR_CACHE_CONTROL = "no-store";

export type ApiErrorCode = "NOT_FOUND" | "INVALID_INPUT" | "WITHDRAWN" | "NO_CHILDREN";

export interface ApiErrorBody {
  error: {
    status: number;
    code: ApiErrorCode;
    message: string;
    issues?: { path: string; message: string }[];
  };
}

/** A strong validator for the bytes, or for a stable description of them (e.g. an immutable edition's id). */
export const etagOf = (source: Uint8Array | string) =>
  `"${createHash("sha256").update(source).digest("base64url").slice(0, 27)}"`;

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

interface SendOptions {
  status?: number;
  contentType: string;
  /** Offered as a download under this name. */
  filename?: string;
  cacheControl?: string;
  /** Precomputed when the bytes are not reproducible byte for byte (a .docx carries timestamps). */
  etag?: string;
}

function cacheHeaders(etag: string, cacheControl = API_CACHE_CONTROL): Headers {
  return new Headers({
    ETag: etag,
    "Cache-Control": cacheControl,
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Content-Disposition, X-Download-Size",
  });
}

/** 304 when the client already holds the version named by `etag` (check before doing expensive work). */
export function notModified(request: Request, etag: string): Response | null {
  return matches(request.headers.get("if-none-match"), etag)
    ? new Response(null, { status: 304, headers: cacheHeaders(etag) })
    : null;
}

/** The response for `bytes`, or 304 when the client already holds them. */
export function sendBytes(request: Request, bytes: Uint8Array, options: SendOptions): Response {
  const etag = options.etag ?? etagOf(bytes);
  const headers = cacheHeaders(etag, options.cacheControl);
  const status = options.status ?? 200;
  if (status === 200 && matches(request.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers });
  headers.set("Content-Type", options.contentType);
  // The size lets a download show its progress (the bulk zip of a year can be large); Next does not pass a route
  // handler's Content-Length through, so it is named in a header of its own too.
  headers.set("Content-Length", String(bytes.byteLength));
  headers.set("X-Download-Size", String(bytes.byteLength));
  if (options.filename) headers.set("Content-Disposition", `attachment; filename="${options.filename}"`);
  return new Response(bytes as BodyInit, { status, headers });
}

const encoder = new TextEncoder();

export function sendJson(request: Request, body: unknown, options: Partial<SendOptions> = {}): Response {
  const bytes = encoder.encode(JSON.stringify(body));
  return sendBytes(request, bytes, { contentType: "application/json; charset=utf-8", ...options });
}

export function sendCsv(request: Request, csv: string, filename: string): Response {
  return sendBytes(request, encoder.encode(csv), { contentType: "text/csv; charset=utf-8", filename });
}

export function apiError(
  request: Request,
  status: number,
  code: ApiErrorCode,
  message: string,
  issues?: ApiErrorBody["error"]["issues"],
): Response {
  const body: ApiErrorBody = { error: { status, code, message, ...(issues ? { issues } : {}) } };
  return sendJson(request, body, { status, cacheControl: ERROR_CACHE_CONTROL });
}

/** 400 naming each bad query parameter. */
export function invalidQuery(request: Request, error: z.ZodError): Response {
  const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const message = `请求参数有误：${issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join("；")}`;
  return apiError(request, 400, "INVALID_INPUT", message, issues);
}

/** The query string as a plain object of first values (repeated parameters keep their first value). */
export function queryOf(request: Request): Record<string, string> {
  const params = new URL(request.url).searchParams;
  return Object.fromEntries([...params.keys()].map((k) => [k, params.get(k)!]));
}
