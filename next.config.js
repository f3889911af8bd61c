// @ts-check
import { fileURLToPath } from "node:url";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build directories let several checkouts' builds coexist (e.g. parallel e2e runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Rendered public pages live in memory only and errors are never cached (lib/next-cache-handler.mjs; ADR 0021).
  cacheHandler: fileURLToPath(new URL("./lib/next-cache-handler.mjs", import.meta.url)),
  // A shared cache may serve a page for s-maxage (the pages' 300 s revalidate) plus one more minute while it
  // refetches — not Next's default of a year (a withdrawn report must not linger in a CDN).
  expireTime: 360,
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "pdfjs-dist"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      // Every page but the portal fragment (/embed/<org>, docs/embedding.md) refuses to be framed.
      {
        source: "/:path((?!embed/).*)",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
      {
        // HSTS only over HTTPS: the scheme is what a trusted proxy says (TRUST_PROXY=1); with TRUST_PROXY=0 the
        // launcher drops a client's X-Forwarded-Proto (scripts/trusted-headers.mjs). The CSP is set in proxy.ts.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
};

export default nextConfig;
