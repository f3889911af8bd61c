import "server-only";
import { siteChangeLearned } from "../site/freshness";

// Open-data answers kept in memory (issue 13, item 3; docs/decisions/0021-multi-instance-caches.md): a successful
// GET of the public API is computed once per generation of public data and served again — with its ETag, as a 304
// when the client holds it — without touching the database. The generation moves whenever this instance learns
// that public data changed: after its own publishing transactions and on every instance's NOTIFY (both go through
// revalidatePublicPages). Active only in a server process whose site worker (and so its LISTEN) was started —
// elsewhere (tests, scripts) nothing would tell it about changes, so nothing is kept.

interface Entry {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  etag: string | null;
}

const MAX_ENTRIES = 2_000;
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

interface CacheState {
  generation: number;
  enabled: boolean;
  entries: Map<string, Entry>;
  bytes: number;
}
const g = globalThis as unknown as { nianbaoApiCache?: CacheState };
const state = (): CacheState =>
  (g.nianbaoApiCache ??= { generation: 0, enabled: false, entries: new Map(), bytes: 0 });

/** Called by the site worker at start-up: from now on this process hears about every change. */
export function enablePublicResponseCache(): void {
  state().enabled = true;
}

/** Moves whenever public data changes (the site worker drops a batch rendered before a change). */
export function publicGeneration(): number {
  return state().generation;
}

/** Public data changed: nothing computed before may be served again. */
export function bumpPublicGeneration(): void {
  const s = state();
  s.generation++;
  s.entries.clear();
  siteChangeLearned();
  s.bytes = 0;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  return (
    !!ifNoneMatch && ifNoneMatch.split(",").some((t) => [etag, "*"].includes(t.trim().replace(/^W\//, "")))
  );
}

function answer(request: Request, entry: Entry): Response {
  const headers = new Headers(entry.headers);
  if (entry.etag && matches(request.headers.get("if-none-match"), entry.etag)) {
    headers.delete("content-type");
    headers.delete("content-disposition");
    return new Response(null, { status: 304, headers });
  }
  return new Response(entry.body as BodyInit, { status: entry.status, headers });
}

/** Wraps a public API route's GET: 200 answers are kept per address (path and query) until the next change. */
export function cachedPublicGet<A extends unknown[]>(
  handler: (request: Request, ...rest: A) => Promise<Response>,
): (request: Request, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    const s = state();
    if (!s.enabled) return handler(request, ...rest);
    const url = new URL(request.url);
    const key = `${url.pathname}${url.search}`;
    const hit = s.entries.get(key);
    if (hit) {
      s.entries.delete(key);
      s.entries.set(key, hit);
      return answer(request, hit);
    }
    const generation = s.generation;
    const headers = new Headers(request.headers);
    headers.delete("if-none-match");
    const response = await handler(new Request(request.url, { method: "GET", headers }), ...rest);
    if (response.status !== 200) return response;
    const body = new Uint8Array(await response.arrayBuffer());
    const entry: Entry = {
      status: 200,
      headers: [...response.headers.entries()],
      body,
      etag: response.headers.get("etag"),
    };
    if (generation === s.generation && body.byteLength <= MAX_ENTRY_BYTES) {
      s.entries.set(key, entry);
      s.bytes += body.byteLength;
      for (const [k, e] of s.entries) {
        if (s.entries.size <= MAX_ENTRIES && s.bytes <= MAX_TOTAL_BYTES) break;
        s.entries.delete(k);
        s.bytes -= e.body.byteLength;
      }
    }
    return answer(request, entry);
  };
}
