// The environment is validated at start-up (issue 14 item 4): a bad value stops the process, naming it.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv, reloadEnv, settings } from "@/lib/server/platform/env";
import { siteWorkerConfig } from "@/lib/server/site/worker";

const ROOT = resolve(import.meta.dirname, "../..");
const DB = "postgresql://u@127.0.0.1:5432/db";

describe("parseEnv", () => {
  it("gives defaults and treats an empty variable as unset", () => {
    const env = parseEnv({ DATABASE_URL: DB, TRUST_PROXY: "", SESSION_IDLE_HOURS: "" });
    expect(env).toMatchObject({
      TRUST_PROXY: "0",
      COOKIE_SECURE: "auto",
      SESSION_IDLE_HOURS: 8,
      SESSION_MAX_DAYS: 7,
    });
    expect(env.NIANBAO_THROTTLE_LOCK_SECONDS).toBeUndefined();
    expect(env).toMatchObject({
      PORT: 3000,
      NIANBAO_DEMO: "0",
      NIANBAO_SCHEDULER_INTERVAL_MS: 30_000,
      NIANBAO_SITE_DIR: ".data/site",
      NIANBAO_SITE_WRITER: "1",
    });
  });

  it.each([
    ["TRUST_PROXY", "yes"],
    ["COOKIE_SECURE", "true"],
    ["SESSION_IDLE_HOURS", "-1"],
    ["SESSION_MAX_DAYS", "many"],
    ["NIANBAO_THROTTLE_LOCK_SECONDS", "abc"],
    ["NIANBAO_DEMO", "2"],
    ["DATABASE_URL", "mysql://u@h/db"],
    ["PORT", "70000"],
    ["NIANBAO_SCHEDULER_INTERVAL_MS", "-5"],
    ["NIANBAO_SITE_WRITER", "yes"],
    ["NIANBAO_SITE_POLL_MS", "0"],
    ["NIANBAO_APP_URL", "ftp://example.org"],
  ])("refuses %s=%s, naming the variable", (name, value) => {
    expect(() => parseEnv({ DATABASE_URL: DB, [name]: value })).toThrow(
      new RegExp(`环境变量配置有误[\\s\\S]*${name}`),
    );
  });

  it("needs DATABASE_URL in the server, not in the launcher before the embedded database starts", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL/);
    expect(parseEnv({}, { requireDatabase: false }).TRUST_PROXY).toBe("0");
  });
});

describe("npm start with a bad variable", () => {
  it("stops before starting anything and names the variable", () => {
    const run = spawnSync(
      process.execPath,
      [resolve(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/start.ts"],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_OPTIONS: "",
          TRUST_PROXY: "yes",
          NIANBAO_SKIP_BUILD: "1",
          PGLITE_DIR: "memory://",
        },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/TRUST_PROXY/);
    expect(run.stdout).not.toMatch(/内嵌数据库/);
  }, 60_000);
});

describe("the Next server with a bad variable", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("stops in register() before starting the scheduler and the site worker, naming the variable", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NIANBAO_SCHEDULER_INTERVAL_MS", "soon");
    vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { register } = await import("@/instrumentation");
    await expect(register()).rejects.toThrow("exit 2");
    expect(error.mock.calls.flat().join("\n")).toMatch(
      /环境变量配置有误[\s\S]*NIANBAO_SCHEDULER_INTERVAL_MS/,
    );
  });
});

// Last: it leaves a parsed environment cached, which the register() test above must not find.
describe("settings() (configuration that needs no database address)", () => {
  it("answers where DATABASE_URL is unset: the launcher seeding the database it just started", () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("NIANBAO_SITE_DIR", "/tmp/nianbao-settings-site");
    try {
      expect(() => reloadEnv()).toThrow(/DATABASE_URL/);
      expect(settings().NIANBAO_SITE_DIR).toBe("/tmp/nianbao-settings-site");
      expect(siteWorkerConfig().siteDir).toBe("/tmp/nianbao-settings-site");
    } finally {
      vi.unstubAllEnvs();
      reloadEnv();
    }
  });
});
