// Where to go after signing in: only a path of this site, never another origin (an open redirect).

const FALLBACK = "/workspace";
/** A placeholder origin: `next` is resolved against it and must stay on it. */
const ORIGIN = "http://nianbao.invalid";

/**
 * The same-origin path to return to, or "/workspace". Refuses anything a browser might read as another host:
 * backslashes (`/\host`), control characters (`\t`, `\n` are stripped by URL parsers), encoded slashes or
 * backslashes (`/%2f%2fhost`), protocol-relative `//host`, schemes (`https:host`); then resolves the rest with
 * `new URL(next, origin)` and checks the origin did not change.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > 500) return FALLBACK;
  if (!next.startsWith("/") || next.startsWith("//")) return FALLBACK;
  if (/[\\\u0000-\u001f\u007f]/.test(next) || /%(2f|5c|0[0-9a-f]|1[0-9a-f]|7f)/i.test(next)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== ORIGIN) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
