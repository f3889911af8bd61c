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
  serverExternalPackages: [
    "@node-rs/argon2",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "mammoth",
  ],
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
    ];
  },
};

export default nextConfig;
