// `npm start`: build when missing or stale, start the embedded database (unless DATABASE_URL is set),
// migrate, seed the demo, serve on http://localhost:3000 (PORT overrides). Ctrl-C shuts down cleanly.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isBuildFresh, writeBuildStamp } from "./build-stamp";
import { startEmbeddedDb } from "./embedded-db";
import { migrateDeploy } from "./migrate";
import { NO_ADMIN_MESSAGE, nodeFlagsOf, resolveStartConfig, siteDirOf } from "./start-config";

const ROOT = resolve(import.meta.dirname, "..");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const TRUSTED_HEADERS = resolve(ROOT, "scripts/trusted-headers.mjs");
const FAST_PATH = resolve(ROOT, "scripts/site-fast-path.mjs");

let step = 0;
const say = (msg: string) => console.log(`[${++step}] ${msg}`);

function childEnv(extra: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
  delete env.NODE_OPTIONS; // tsx's loader flags are for this process only
  return env;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env, cwd: ROOT });
    child.on("exit", (code) => done(code ?? 1));
  });
}

async function main() {
  const resolved = resolveStartConfig(process.env);
  if (!resolved.ok) {
    for (const e of resolved.errors) console.error(e);
    process.exit(2);
  }
  const cfg = resolved.config;
  const { embedded, demo } = cfg;
  // The application's own variables (lib/server/platform/env.ts), before anything starts: a bad one stops here, named.
  try {
    const { parseEnv } = await import("@/lib/server/platform/env");
    parseEnv(process.env, { requireDatabase: false });
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }

  if (cfg.NIANBAO_SKIP_BUILD === "1" || isBuildFresh(ROOT)) say("构建产物是最新的，跳过构建");
  else {
    say("正在构建应用（next build，约一分钟）…");
    // Pages prerendered at build time must not carry the 「示例数据」 notice of a demo start.
    if ((await run(["build"], childEnv({ NIANBAO_DEMO: "0" }))) !== 0) throw new Error("构建失败");
    writeBuildStamp(ROOT);
  }

  let url = cfg.DATABASE_URL!;
  let stopDb = async () => {};
  // Ctrl-C during start-up: close the embedded database properly before leaving.
  const early = () => void stopDb().finally(() => process.exit(130));
  process.once("SIGINT", early);
  process.once("SIGTERM", early);
  if (embedded) {
    say(`正在启动内嵌数据库（PGlite，数据目录 ${cfg.PGLITE_DIR}）…`);
    const db = await startEmbeddedDb(cfg.PGLITE_DIR);
    url = db.url;
    // The launcher itself runs server code (migrations, the demo seed, which publishes and withdraws through the
    // workflow): its configuration (lib/server/platform/env.ts) must name the database it just started.
    process.env.DATABASE_URL = url;
    stopDb = db.stop;
    console.log(`    数据库地址（仅本机可连）：${url}`);
  } else say("使用 DATABASE_URL 指定的 PostgreSQL");

  try {
    say("正在应用数据库迁移…");
    const applied = await migrateDeploy(url);
    console.log(applied.length ? `    已应用：${applied.join(", ")}` : "    数据库结构已是最新");
    await withDb(url, async (db) => {
      const { ensureFirstAdminFromEnv } = await import("@/lib/server/auth/first-admin");
      const admin = await ensureFirstAdminFromEnv(process.env, db);
      if (admin.message) console.log(`    ${admin.message}`);
      if (demo) await seed(db);
      else if (embedded) await ensureAdministrator(db);
    });
  } catch (err) {
    await stopDb();
    throw err;
  }

  say(`正在启动网站服务（端口 ${cfg.PORT}）…`);
  // trusted-headers.mjs records the socket address for lib/server/platform/request.ts (docs/decisions/0013).
  // The static site (docs/decisions/0020): beside its database, or a temporary one for an in-memory database.
  const configuredSite = siteDirOf(cfg);
  const siteDir = resolve(ROOT, configuredSite ?? mkdtempSync(join(tmpdir(), "nianbao-site-")));
  if (configuredSite === null) process.once("exit", () => rmSync(siteDir, { recursive: true, force: true }));
  const { staticScriptHashes } = await import("@/lib/server/site/files");
  const { contentSecurityPolicy } = await import("@/lib/domain/csp");
  // Preloads, outermost last: trusted-headers.mjs cleans the request before the fast path (site-fast-path.mjs)
  // answers a published page from the site directory; anything else goes on to Next.
  const nextArgs = [
    ...nodeFlagsOf(cfg),
    "--import",
    pathToFileURL(FAST_PATH).href,
    "--import",
    pathToFileURL(TRUSTED_HEADERS).href,
    nextBin,
    "start",
    "-p",
    String(cfg.PORT),
    "-H",
    cfg.HOSTNAME,
  ];
  const child = spawn(process.execPath, nextArgs, {
    stdio: ["ignore", "pipe", "inherit"],
    env: childEnv({
      DATABASE_URL: url,
      NIANBAO_DEMO: demo ? "1" : "0",
      NODE_ENV: "production",
      NIANBAO_SITE_DIR: siteDir,
      NIANBAO_FAST_PATH: cfg.NIANBAO_FAST_PATH,
      // Static pages carry exactly two inline scripts (care mode, print/关怀版 wiring): allowed by hash only.
      NIANBAO_STATIC_CSP: contentSecurityPolicy({ scriptHashes: staticScriptHashes() }),
    }),
    cwd: ROOT,
  });
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready in/.test(chunk.toString())) printWelcome(cfg.PORT, demo, cfg.HOSTNAME);
  });
  process.off("SIGINT", early);
  process.off("SIGTERM", early);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log("\n正在停止…");
    child.kill(signal);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  child.on("exit", async (code, signal) => {
    await stopDb();
    console.log(embedded ? "内嵌数据库已安全关闭。" : "已停止。");
    process.exit(stopping ? 0 : (code ?? (signal ? 0 : 1)));
  });
}

async function withDb(url: string, fn: (db: import("@/lib/server/platform/db").Db) => Promise<void>) {
  const { createDb } = await import("@/lib/server/platform/db");
  const db = createDb(url);
  try {
    await fn(db);
  } finally {
    await db.$disconnect();
  }
}

class StartRefused extends Error {}

/** A real (non-demo) embedded installation needs an administrator: ask on a terminal, else refuse to start. */
async function ensureAdministrator(db: import("@/lib/server/platform/db").Db) {
  if ((await db.membership.count({ where: { role: "ADMIN" } })) > 0) return;
  if (!process.stdin.isTTY) throw new StartRefused(NO_ADMIN_MESSAGE);
  const { promptFirstAdmin } = await import("./first-admin-prompt");
  const { createFirstAdmin } = await import("@/lib/server/auth/first-admin");
  for (;;) {
    const input = await promptFirstAdmin().catch((err: Error) => ({ error: err.message }));
    if ("error" in input) {
      console.log(`    ${input.error}`);
      continue;
    }
    const result = await createFirstAdmin(input, db);
    if (result.ok) {
      console.log(`    已创建管理员 ${input.username}。`);
      return;
    }
    console.log(`    ${result.message}`);
    if (result.code === "ADMIN_EXISTS") return;
  }
}

async function seed(db: import("@/lib/server/platform/db").Db) {
  say("正在写入演示数据（可重复执行，不会重复添加）…");
  const { seedDemo } = await import("@/lib/server/demo/seed");
  const r = await seedDemo(db, {
    onProgress: (done, total, label) => console.log(`    [${done}/${total}] ${label}`),
  });
  console.log(`    新增账号 ${r.usersCreated} 个，新写入年度报告 ${r.reportsCreated} 份`);
}

async function printWelcome(port: number, demo: boolean, hostname: string) {
  const local = hostname === "127.0.0.1" || hostname === "localhost" || hostname === "::1";
  console.log(
    `\n  年报 Nianbao 已启动：http://localhost:${port}${local ? "（仅本机可访问）" : `（监听 ${hostname}）`}\n`,
  );
  if (!demo) return;
  const { DEMO_USERS, DEMO_PASSWORD } = await import("@/lib/server/demo/cast");
  console.log(`  演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  for (const u of DEMO_USERS) console.log(`    ${u.username.padEnd(20)} ${u.note}`);
  console.log(
    [
      "",
      "  ⚠ 演示模式：以上账号和密码是公开的，任何能访问本站的人都能以管理员身份登录。仅供试用，切勿存放真实数据。",
      "    Demo mode: these accounts and their password are PUBLIC. For trying the app only.",
      local
        ? "    因此只在本机（127.0.0.1）提供服务；如确需他人访问，请显式设置 HOSTNAME。"
        : `    警告：HOSTNAME=${hostname}，其他计算机也能访问并以演示账号登录。`,
      "    正式使用：设置 NIANBAO_DEMO=0 启动，并按提示创建管理员。",
    ].join("\n"),
  );
  console.log("\n  按 Ctrl-C 停止。\n");
}

main().catch((err) => {
  console.error(`启动失败：${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof StartRefused ? 2 : 1);
});
