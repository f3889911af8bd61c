// Preloaded into the Next server by scripts/start.ts (`node --import`), after trusted-headers.mjs. Serves the public
// pages and open-data files that the site worker already wrote into the site directory (docs/decisions/0020,
// 0027) straight from memory, before Next sees the request — what nginx does in a deployment (deploy/nginx.conf),
// for the embedded `npm start` and for an app without a proxy in front. The same addresses, the same files, the
// same rule: a query string, an unknown shape of address or a missing file goes to Next.
//
// Correctness over speed: every request stats its file (a few microseconds), so a withdrawal — whose files are
// removed inside the withdrawing transaction — or a rewrite is seen by the next request on every instance that
// shares the directory; the bytes are cached per (inode, size, mtime) only.
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const PAGE = /^\/(?:(?:reports|rollup)(?:\/[a-z0-9][a-z0-9-]{0,79}){1,4})?$/;
const REPORT_DATA = /^\/api\/v1\/reports\/([a-z0-9][a-z0-9-]{0,79})\/([0-9]{4})$/;
const REPORT_FORMATS = { "": "json", "format=json": "json", "format=csv": "csv" };
const TYPES = {
  html: "text/html; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};
const PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=60";
/** The open-data API's policy (lib/server/open-data/api-http.ts API_CACHE_CONTROL). */
const API_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=600";
const HSTS = "max-age=31536000; includeSubDomains";
/** Within the server's memory budget (docs/decisions/0025): ~6,000 brotli pages; the rest is read from the OS cache. */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;
const SITE_WRITER_HEADER = "x-nianbao-site-writer";
/** Where lib/server/site/freshness.ts keeps whether the directory holds every change this process learned of. */
const FRESHNESS = Symbol.for("nianbao.siteFreshness");

/**
 * False between a change of public data this process learned of and the site worker's rewrite of the files it
 * touches (docs/decisions/0027): Next, whose caches the change dropped, answers meanwhile. True when nothing
 * records freshness (no site worker in this process: tests of this module, a server without instrumentation).
 */
export function siteIsFresh() {
  const state = globalThis[FRESHNESS];
  return !state || state.written >= state.learned;
}

/**
 * Which file in the site directory answers this request, or null when Next must answer it.
 * @param {string} method
 * @param {string} url
 * @returns {{ file: string, kind: "html" | "json" | "csv", download?: string } | null}
 */
export function siteFileFor(method, url) {
  if (method !== "GET" && method !== "HEAD") return null;
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  const args = q < 0 ? "" : url.slice(q + 1);
  const data = REPORT_DATA.exec(pathname);
  if (data) {
    const ext = REPORT_FORMATS[args];
    if (!ext) return null;
    return {
      file: `api/v1/reports/${data[1]}/${data[2]}.${ext}`,
      kind: ext,
      download: ext === "csv" ? `${data[1]}-${data[2]}.csv` : undefined,
    };
  }
  if (pathname === "/api/v1/organizations" && args === "")
    return { file: "api/v1/organizations.json", kind: "json" };
  if (args !== "" || !PAGE.test(pathname)) return null;
  return { file: pathname === "/" ? "index.html" : `${pathname.slice(1)}/index.html`, kind: "html" };
}

/** br, then gzip, then the plain file — the order nginx's brotli_static/gzip_static give. */
function encodingsFor(acceptEncoding) {
  const accepted = String(acceptEncoding ?? "")
    .toLowerCase()
    .split(",")
    .map((part) => part.trim().split(";"))
    .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name);
  const list = [];
  if (accepted.includes("br")) list.push("br");
  if (accepted.includes("gzip")) list.push("gzip");
  list.push("identity");
  return list;
}

/**
 * @param {{ siteDir: string, pageCsp?: string }} options
 * @returns {(req: http.IncomingMessage, res: http.ServerResponse) => boolean} true when it answered
 */
export function createSiteFastPath({ siteDir, pageCsp }) {
  const root = path.resolve(siteDir);
  /** @type {Map<string, { key: string, bytes: Buffer, etag: string, lastModified: string }>} */
  const cache = new Map();
  let cachedBytes = 0;

  function load(abs) {
    let stat;
    try {
      stat = fs.statSync(abs);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    const key = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    const hit = cache.get(abs);
    if (hit && hit.key === key) {
      cache.delete(abs); // most recently used last
      cache.set(abs, hit);
      return hit;
    }
    let bytes;
    try {
      bytes = fs.readFileSync(abs);
    } catch {
      return null;
    }
    if (bytes.length !== stat.size) return null; // replaced while reading: let Next answer this one
    if (hit) {
      cache.delete(abs);
      cachedBytes -= hit.bytes.length;
    }
    const entry = {
      key,
      bytes,
      etag: `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`,
      lastModified: stat.mtime.toUTCString(),
    };
    cache.set(abs, entry);
    cachedBytes += bytes.length;
    for (const [name, old] of cache) {
      if (cachedBytes <= MAX_CACHED_BYTES) break;
      cache.delete(name);
      cachedBytes -= old.bytes.length;
    }
    return entry;
  }

  return function serve(req, res) {
    // The site worker renders pages by asking this very server (lib/server/site/publisher.ts): it must get the
    // app's fresh answer, not the file it is about to replace.
    if (req.headers[SITE_WRITER_HEADER]) return false;
    // Correctness over speed: a file that may predate a publication is not served (see siteIsFresh).
    if (!siteIsFresh()) return false;
    const target = siteFileFor(req.method ?? "", req.url ?? "");
    if (!target) return false;
    const base = path.join(root, target.file);
    if (!base.startsWith(root + path.sep)) return false;
    // The plain file decides whether the address is published; its compressed siblings only how it travels.
    const plain = load(base);
    if (!plain) return false;
    let body = plain;
    let encoding = "identity";
    for (const candidate of encodingsFor(req.headers["accept-encoding"])) {
      if (candidate === "identity") break;
      const sibling = load(`${base}.${candidate === "br" ? "br" : "gz"}`);
      if (sibling) {
        body = sibling;
        encoding = candidate;
        break;
      }
    }
    // One validator per representation of the same content, as nginx does with its per-file ETag.
    const etag = encoding === "identity" ? plain.etag : `${plain.etag.slice(0, -1)}-${encoding}"`;
    const headers = {
      "Content-Type": TYPES[target.kind],
      ETag: etag,
      "Last-Modified": plain.lastModified,
      Vary: "Accept-Encoding",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    };
    if (target.kind === "html") {
      headers["Cache-Control"] = PAGE_CACHE_CONTROL;
      headers["X-Frame-Options"] = "DENY";
      if (pageCsp) headers["Content-Security-Policy"] = pageCsp;
    } else {
      headers["Cache-Control"] = API_CACHE_CONTROL;
      headers["Access-Control-Allow-Origin"] = "*";
      headers["Access-Control-Expose-Headers"] = "ETag, Content-Disposition, X-Download-Size";
      if (target.download) headers["Content-Disposition"] = `attachment; filename="${target.download}"`;
    }
    // trusted-headers.mjs has already dropped a client's X-Forwarded-Proto unless a proxy is trusted.
    if (req.headers["x-forwarded-proto"] === "https") headers["Strict-Transport-Security"] = HSTS;
    if (encoding !== "identity") headers["Content-Encoding"] = encoding;
    const inm = req.headers["if-none-match"];
    const fresh = inm
      ? String(inm)
          .split(",")
          .some((t) => {
            const tag = t.trim().replace(/^W\//, "");
            return tag === "*" || tag === etag;
          })
      : req.headers["if-modified-since"] === plain.lastModified;
    if (fresh) {
      delete headers["Content-Encoding"];
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    headers["Content-Length"] = String(body.bytes.length);
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body.bytes);
    return true;
  };
}

// As a preload: answer from the site directory before Next's request listener runs.
if (process.env.NIANBAO_FAST_PATH === "1") {
  const serve = createSiteFastPath({
    siteDir: process.env.NIANBAO_SITE_DIR || ".data/site",
    pageCsp: process.env.NIANBAO_STATIC_CSP || undefined,
  });
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitFromSite(event, req, res, ...rest) {
    if (event === "request" && req && res) {
      try {
        if (serve(req, res)) return true;
      } catch (err) {
        console.error("[静态页面] 读取站点文件失败，改由应用处理：", err);
      }
    }
    return emit.call(this, event, req, res, ...rest);
  };
}
