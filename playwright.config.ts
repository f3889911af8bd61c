import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "";
// The static site belongs with its database (the fast path serves what is in it): a fresh server database gets its
// own directory, named after it; the in-memory default gets a temporary one from the launcher.
const SITE_DIR = E2E_DATABASE_URL
  ? join(tmpdir(), `nianbao-site-${new URL(E2E_DATABASE_URL).pathname.slice(1)}`)
  : "";

// Debian's chromium when present (no browser download is possible here), else Playwright's own if installed.
const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? chromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    // The launcher serves a throwaway in-memory PGlite unless E2E_DATABASE_URL names a server database.
    command: "npx tsx --conditions=react-server scripts/start.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: {
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      NIANBAO_SKIP_BUILD: "1",
      NIANBAO_DEMO: "1",
      PGLITE_DIR: "memory://",
      DATABASE_URL: E2E_DATABASE_URL,
      NIANBAO_SITE_DIR: SITE_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      // Sign-in locks last seconds, not 15 minutes, so the lock-out journey can wait for the recovery.
      NIANBAO_THROTTLE_LOCK_SECONDS: "5",
    },
    reuseExistingServer: false,
    // Start-up includes writing the demo world through the workflow (~25 s on a quiet machine, more under load).
    timeout: 240_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
