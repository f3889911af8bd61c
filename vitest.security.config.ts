import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The security probes (tests/security/*.probe.ts): each starts the production build (scripts/start.ts,
// NIANBAO_SKIP_BUILD=1) on a free port, on the embedded PGlite and — when TEST_DATABASE_URL/DATABASE_URL is
// set — on a fresh PostgreSQL database, and attacks it over HTTP. Needs `next build` first. One file at a time:
// each file's apps use real processes and ports, and the machine is small.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./tests/setup/empty.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/security/**/*.probe.ts"],
    environment: "node",
    globalSetup: ["tests/security/global-setup.ts"],
    fileParallelism: false,
    // One worker, modules shared across files: sharedApp() starts each database's app once per run.
    pool: "forks",
    maxWorkers: 1,
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ["default"],
  },
});
