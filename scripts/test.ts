// `npm test`: lint, typecheck, Vitest (unit + integration against PostgreSQL), production build when stale,
// security probes against the built app (tests/security, on PGlite and on PostgreSQL when configured),
// Playwright end-to-end in Chromium. Runs every stage, then prints one closing summary.
// With DATABASE_URL (or TEST_DATABASE_URL) set, integration and e2e tests use that PostgreSQL server;
// otherwise the embedded PGlite.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import pg from "pg";
import { isBuildFresh, writeBuildStamp } from "./build-stamp";

const ROOT = resolve(import.meta.dirname, "..");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  TZ: "Asia/Shanghai",
  NEXT_TELEMETRY_DISABLED: "1",
  CI: process.env.CI ?? "1",
};
delete env.NODE_OPTIONS;

interface Stage {
  name: string;
  ok: boolean | null;
  seconds: number;
  note?: string;
}
const stages: Stage[] = [];

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { stdio: "inherit", cwd: ROOT, env: { ...env, ...extraEnv } });
    child.on("exit", (code) => done(code === 0));
  });
}

async function stage(name: string, fn: () => Promise<boolean | null>, note?: string) {
  console.log(`\n━━ ${name} ━━`);
  const start = Date.now();
  const ok = await fn();
  stages.push({ name, ok, seconds: (Date.now() - start) / 1000, note });
  return ok;
}

const bin = (name: string) => resolve(ROOT, "node_modules/.bin", name);

async function withE2eDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!server) return fn("");
  const name = `nianbao_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    return await fn(url.href);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  const dbNote =
    process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? "PostgreSQL 服务器" : "内嵌 PGlite";
  await stage(
    "lint (eslint + prettier)",
    async () =>
      (await run(bin("eslint"), [".", "--max-warnings=0"])) &&
      (await run(bin("prettier"), ["--check", ".", "--log-level=warn"])),
  );
  await stage("typecheck (tsc)", () => run(bin("tsc"), ["--noEmit"]));
  // The CLI tests run the bundle (scripts/nianbao.mjs falls back to the sources when it is stale or missing).
  await stage("CLI bundle (esbuild)", () => run(process.execPath, ["scripts/build-cli.mjs"]));
  await stage("unit + integration (vitest)", () => run(bin("vitest"), ["run"]), dbNote);
  const built = await stage("build (next build)", async () => {
    if (isBuildFresh(ROOT)) return true;
    const ok = await run(bin("next"), ["build"]);
    if (ok) writeBuildStamp(ROOT);
    return ok;
  });
  const probeNote =
    process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
      ? "内嵌 PGlite + PostgreSQL 服务器"
      : "内嵌 PGlite";
  if (built) {
    await stage(
      "security probes (vitest, built app)",
      () => run(bin("vitest"), ["run", "-c", "vitest.security.config.ts"]),
      probeNote,
    );
    await stage(
      "end-to-end (playwright, chromium)",
      () => withE2eDatabase((url) => run(bin("playwright"), ["test"], { E2E_DATABASE_URL: url })),
      dbNote,
    );
  } else
    for (const name of ["security probes (vitest, built app)", "end-to-end (playwright, chromium)"])
      stages.push({ name, ok: null, seconds: 0, note: "skipped: build failed" });

  console.log("\n━━ summary ━━");
  for (const s of stages) {
    const mark = s.ok === null ? "SKIP" : s.ok ? "PASS" : "FAIL";
    console.log(
      `  ${mark}  ${s.name.padEnd(38)} ${s.seconds.toFixed(1).padStart(6)} s${s.note ? `  (${s.note})` : ""}`,
    );
  }
  const failed = stages.filter((s) => s.ok !== true);
  const total = stages.reduce((sum, s) => sum + s.seconds, 0);
  console.log(
    failed.length
      ? `\n✗ ${failed.length} stage(s) failed — ${total.toFixed(0)} s`
      : `\n✓ all stages passed — ${total.toFixed(0)} s`,
  );
  process.exit(failed.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
