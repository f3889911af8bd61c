// The Content-Security-Policy (docs/decisions/0014-content-security-policy.md). Two policies:
// - staff pages (/workspace, /login, /reset), rendered per request anyway: scripts only with this response's
//   nonce (Next puts it on its own scripts) or the hash of the one inline script we write, 'strict-dynamic';
// - static pages (the site directory, served without framework JavaScript): only the hashes of their inline scripts;
// - every other page, which may be served from the cache as the same HTML to everyone: no per-request nonce is
//   possible and Next's inline flight scripts differ per page, so scripts from this origin plus inline ones.
// Both: no eval, no plugins, no <base> tricks, forms only to this origin, never framed.

export const STAFF_PATH = /^\/(workspace|login|reset)(\/|$)/;

export interface CspOptions {
  /** This response's nonce (staff pages). */
  nonce?: string;
  /** 'sha256-…' sources of inline scripts written by the app. */
  scriptHashes?: readonly string[];
  /** `next dev` needs eval for its error overlay; production never gets it. */
  dev?: boolean;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const eval_ = options.dev ? ["'unsafe-eval'"] : [];
  const script = options.nonce
    ? ["'self'", `'nonce-${options.nonce}'`, ...(options.scriptHashes ?? []), "'strict-dynamic'", ...eval_]
    : options.scriptHashes
      ? ["'self'", ...options.scriptHashes, ...eval_]
      : ["'self'", "'unsafe-inline'", ...eval_];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", ...script],
    // React writes style attributes; stylesheets come from this origin.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}
