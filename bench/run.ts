// `npm run bench` — the benchmark suite of issue 13 (docs/performance.md, docs/decisions/0022-benchmark-suite.md).
// Generates the data, measures the queries (with EXPLAIN), nginx vs the app with autocannon, autosave over the real
// HTTP path, and writes one table as JSON to bench/results/<date>.json.
//   npm run bench [-- --bodies 1000 --years 5 --duration 10 --autosave-seconds 30 --editors 50 --skip-http]
//   --keep leaves the database (BENCH_DB) in place; --reuse then measures the queries on it again without
//   generating (pending migrations are applied first; needs --skip-http).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { callAction, freePort, signIn } from "../tests/security/harness";
import {
  benchDbExists,
  benchUrl,
  BENCH_DB,
  dropBenchDb,
  migrateBenchDb,
  recreateBenchDb,
  serverReachable,
} from "./db";
import { measureQueries } from "./queries";
import { BENCH_CITY_SLUG, BENCH_PASSWORD, benchDistrictSlug, seedBench, type SeedResult } from "./seed";

const ROOT = resolve(import.meta.dirname, "..");

const { values: args } = parseArgs({
  options: {
    bodies: { type: "string", default: "1000" },
    years: { type: "string", default: "5" },
    editors: { type: "string", default: "50" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "64" },
    "autosave-seconds": { type: "string", default: "30" },
    "skip-http": { type: "boolean", default: false },
    "skip-cli": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    out: { type: "string" },
  },
});
const BODIES = Number(args.bodies);
const YEARS = Number(args.years);
const EDITORS = Number(args.editors);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const AUTOSAVE_SECONDS = Number(args["autosave-seconds"]);

export interface Row {
  metric: string;
  value: number | string;
  unit: string;
  target?: string;
  /** Whether the target is met; undefined when there is none. */
  met?: boolean;
  /** Throughput relative to nginx serving a plain file of the same size (same run). */
  ratioToCeiling?: number;
  note?: string;
}
const rows: Row[] = [];
const explains: { name: string; ms: number; seqScans: string[]; plans: string[] }[] = [];
const log = (s: string) => console.log(s);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

// ---- app and nginx ---------------------------------------------------------------------------------------

interface Proc {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

async function startApp(databaseUrl: string, siteDir: string): Promise<Proc> {
  const port = await freePort();
  let out = "";
  const child = spawn(
    join(ROOT, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/start.ts"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NIANBAO_SKIP_BUILD: "1",
        NIANBAO_DEMO: "0",
        NIANBAO_SCHEDULER_INTERVAL_MS: "0",
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        NIANBAO_SITE_DIR: siteDir,
        NIANBAO_THROTTLE_LOCK_SECONDS: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited during start-up:\n${out}`);
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`the app did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      process.kill(-child.pid!, "SIGTERM");
      await new Promise((r) => {
        const t = setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            // gone
          }
          r(null);
        }, 10_000);
        child.once("exit", () => (clearTimeout(t), r(null)));
      });
    },
  };
}

/** Every process below `pid` (the launcher → next start → next-server). */
function descendants(pid: number): number[] {
  const r = spawnSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" });
  const children = new Map<number, number[]>();
  for (const line of r.stdout.trim().split("\n")) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    children.set(pp!, [...(children.get(pp!) ?? []), p!]);
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** The largest resident set among the app's processes (the Next server), MB. */
function appRssMb(app: Proc): number {
  let max = 0;
  for (const pid of [app.child.pid!, ...descendants(app.child.pid!)]) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) max = Math.max(max, Number(m[1]) / 1024);
    } catch {
      // exited
    }
  }
  return max;
}

function nginxBinary(): string | null {
  for (const c of ["nginx", "/usr/sbin/nginx"])
    if (spawnSync(c, ["-v"], { stdio: "ignore" }).status === 0) return c;
  return null;
}

/** deploy/nginx.conf as shipped (its three marked values replaced), plus a bare server for the plain-file ceiling. */
async function startNginx(binary: string, appPort: number, siteDir: string, plainDir: string) {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-bench-nginx-"));
  const port = await freePort();
  const plainPort = await freePort();
  const brotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
  const brotli = existsSync(brotliModule);
  const site = readFileSync(join(ROOT, "deploy/nginx.conf"), "utf8")
    .replace("server 127.0.0.1:3000;", `server 127.0.0.1:${appPort};`)
    .replace("root /srv/nianbao/site;", `root ${siteDir};`)
    .replace("listen 80;", `listen 127.0.0.1:${port};`);
  writeFileSync(join(dir, "nianbao.conf"), site);
  if (brotli) copyFileSync(join(ROOT, "deploy/nianbao-brotli.conf"), join(dir, "nianbao-brotli.conf"));
  for (const t of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir, t));
  writeFileSync(
    join(dir, "nginx.conf"),
    [
      process.getuid?.() === 0 ? "user root;" : "",
      brotli ? `load_module ${brotliModule};` : "",
      "worker_processes auto;",
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      "events { worker_connections 1024; }",
      "http {",
      "  access_log off;",
      `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
      `  include ${dir}/nianbao.conf;`,
      // The ceiling: the same bytes as a plain file, nothing but gzip_static.
      `  server { listen 127.0.0.1:${plainPort}; root ${plainDir}; gzip_static on; default_type text/html; }`,
      "}",
    ].join("\n"),
  );
  const test = spawnSync(binary, ["-p", dir, "-c", join(dir, "nginx.conf"), "-t"], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
  const child = spawn(binary, ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${url}/_nginx_probe`, { signal: AbortSignal.timeout(500) });
      break;
    } catch {
      if (i > 50) throw new Error("nginx did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    plainUrl: `http://127.0.0.1:${plainPort}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGQUIT");
        await new Promise((r) => child.once("exit", r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---- load ------------------------------------------------------------------------------------------------

interface Load {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  bytes: number;
}

/** Sent by the site worker; the fast path (scripts/site-fast-path.mjs) leaves such requests to Next. */
const NEXT_ONLY = { "x-nianbao-site-writer": "1" };

async function load(url: string, duration = DURATION, headers: Record<string, string> = {}): Promise<Load> {
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers: { "accept-encoding": "gzip", ...headers },
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    bytes: r.throughput.average,
  };
}

function loadRows(
  name: string,
  l: Load,
  target: { rps?: number; p99?: number } = {},
  ceiling?: Load,
  extra = "",
) {
  const bad = l.non2xx + l.errors > 0 ? `; ${l.non2xx} non-2xx, ${l.errors} errors` : "";
  rows.push({
    metric: `${name}: req/s`,
    value: round(l.rps, 0),
    unit: "req/s",
    ...(target.rps
      ? { target: `≥ ${target.rps}`, met: l.rps >= target.rps && l.non2xx + l.errors === 0 }
      : {}),
    ...(ceiling ? { ratioToCeiling: round(l.rps / ceiling.rps, 3) } : {}),
    note: `p50 ${l.p50} ms${bad}${extra}`,
  });
  rows.push({
    metric: `${name}: p99`,
    value: l.p99,
    unit: "ms",
    ...(target.p99 ? { target: `< ${target.p99}`, met: l.p99 < target.p99 } : {}),
  });
}

// ---- autosave over HTTP ----------------------------------------------------------------------------------

interface Draft {
  content: { meta: Record<string, unknown>; sections: { other: { paragraphs: string[] } } } & Record<
    string,
    unknown
  >;
  version: number;
}

async function readDraft(client: pg.Pool, reportId: string): Promise<Draft> {
  const { rows: r } = await client.query<{ content: Draft["content"]; version: number }>(
    `SELECT content, version FROM "Report" WHERE id = $1`,
    [reportId],
  );
  return { content: r[0]!.content, version: r[0]!.version };
}

/** The draft with a marker in 六、其他需要报告的事项 (a real edit the diff and audit see). */
function edited(content: Draft["content"], marker: string): Draft["content"] {
  const paragraphs = content.sections.other.paragraphs.filter((p) => !p.startsWith("【基准】"));
  return {
    ...content,
    sections: {
      ...content.sections,
      other: { ...content.sections.other, paragraphs: [...paragraphs, `【基准】${marker}`] },
    },
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

async function save(
  base: string,
  cookie: string,
  reportId: string,
  version: number,
  content: Draft["content"],
) {
  const t = performance.now();
  const r = await callAction<{ ok: boolean; code?: string; data?: { version: number } }>(base, {
    page: `/workspace/reports/${reportId}`,
    action: "saveDraftAction",
    args: [{ reportId, expectedVersion: version, content, explanations: [], autosave: true }],
    cookie,
  });
  return { ms: performance.now() - t, status: r.status, result: r.result };
}

async function autosave(app: Proc, seed: SeedResult, client: pg.Pool) {
  log(`autosave: signing in ${seed.editors.length} editors…`);
  const editors = [];
  for (const e of seed.editors)
    editors.push({ ...e, cookie: await signIn(app.url, e.username, BENCH_PASSWORD) });
  const latencies: number[] = [];
  let fiveXx = 0;
  let failures = 0;
  const expected = new Map<string, { version: number; marker: string }>();
  const until = Date.now() + AUTOSAVE_SECONDS * 1000;
  await Promise.all(
    editors.map(async (e, k) => {
      let { content, version } = await readDraft(client, e.reportId);
      let n = 0;
      await new Promise((r) => setTimeout(r, (k * 1000) / editors.length)); // spread over the second
      while (Date.now() < until) {
        const started = Date.now();
        const marker = `${e.username} 第${++n}次保存`;
        const next = edited(content, marker);
        const r = await save(app.url, e.cookie, e.reportId, version, next);
        latencies.push(r.ms);
        if (r.status >= 500) fiveXx++;
        const res = r.result as { ok?: boolean; data?: { version: number } } | undefined;
        if (res?.ok && res.data) {
          version = res.data.version;
          content = next;
          expected.set(e.reportId, { version, marker });
        } else failures++;
        await new Promise((res2) => setTimeout(res2, Math.max(0, 1000 - (Date.now() - started))));
      }
    }),
  );
  // Lost updates: each report's stored version and text are exactly those of its editor's last successful save.
  let lost = 0;
  for (const [reportId, exp] of expected) {
    const d = await readDraft(client, reportId);
    const stored = d.content.sections.other.paragraphs.find((p) => p.startsWith("【基准】"));
    if (d.version !== exp.version || stored !== `【基准】${exp.marker}`) lost++;
  }
  latencies.sort((a, b) => a - b);
  const note = `${latencies.length} saves by ${editors.length} editors over ${AUTOSAVE_SECONDS} s; ${failures} refused`;
  rows.push({
    metric: `autosave ${editors.length} editors: p50`,
    value: round(pct(latencies, 50)),
    unit: "ms",
    note,
  });
  rows.push({
    metric: `autosave ${editors.length} editors: p95`,
    value: round(pct(latencies, 95)),
    unit: "ms",
    target: "< 100",
    met: pct(latencies, 95) < 100,
  });
  rows.push({
    metric: `autosave ${editors.length} editors: p99`,
    value: round(pct(latencies, 99)),
    unit: "ms",
  });
  rows.push({ metric: "autosave: lost updates", value: lost, unit: "", target: "0", met: lost === 0 });
  rows.push({ metric: "autosave: 5xx", value: fiveXx, unit: "", target: "0", met: fiveXx === 0 });

  // One report, five editors saving as fast as they can: every save either lands or is refused as a conflict.
  const hammer = [];
  for (const u of seed.hammer.usernames) hammer.push(await signIn(app.url, u, BENCH_PASSWORD));
  const start = await readDraft(client, seed.hammer.reportId);
  let landed = 0;
  let conflicts = 0;
  let other = 0;
  const landedMarkers: string[] = [];
  const hammerUntil = Date.now() + Math.min(10, AUTOSAVE_SECONDS) * 1000;
  await Promise.all(
    hammer.map(async (cookie, k) => {
      let { content, version } = await readDraft(client, seed.hammer.reportId);
      let n = 0;
      while (Date.now() < hammerUntil) {
        const marker = `编辑${k + 1} 第${++n}次`;
        const next = edited(content, marker);
        const r = await save(app.url, cookie, seed.hammer.reportId, version, next);
        const res = r.result as { ok?: boolean; code?: string; data?: { version: number } } | undefined;
        if (res?.ok && res.data) {
          landed++;
          landedMarkers.push(marker);
          version = res.data.version;
          content = next;
        } else if (res?.code === "CONFLICT") {
          conflicts++;
          ({ content, version } = await readDraft(client, seed.hammer.reportId)); // the conflict view: reload
        } else other++;
      }
    }),
  );
  const end = await readDraft(client, seed.hammer.reportId);
  const { rows: audits } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'report.save' AND "targetId" = $1`,
    [seed.hammer.reportId],
  );
  // None lost: the version moved exactly once per accepted save, one audit row each, and the last accepted text is stored.
  const lostHammer =
    end.version - start.version !== landed || Number(audits[0]!.n) !== landed
      ? Math.abs(end.version - start.version - landed) || 1
      : 0;
  rows.push({
    metric: "one report, 5 editors: saves accepted / conflicts detected",
    value: `${landed} / ${conflicts}`,
    unit: "",
    target: "conflicts > 0, none lost",
    met: conflicts > 0 && lostHammer === 0 && other === 0,
    note: `version ${start.version} → ${end.version}; ${audits[0]!.n} audit rows; ${other} other answers`,
  });
}

/** What the query measurements need to know of the data. */
type QueryScope = Pick<SeedResult, "orgs" | "reports" | "citySlug" | "districtSlug" | "publishedYears">;

/** The scope of a kept database, as seedBench() generated it (bench/seed.ts: the city, its first district). */
async function readScope(client: pg.Client): Promise<QueryScope> {
  const { rows: counts } = await client.query<{ orgs: number; reports: number }>(
    `SELECT (SELECT count(*)::int FROM "Organization") AS orgs,
            (SELECT count(*)::int FROM "Report" WHERE status = 'PUBLISHED') AS reports`,
  );
  const { rows: years } = await client.query<{ year: number }>(
    `SELECT DISTINCT year FROM "Report" WHERE status = 'PUBLISHED' ORDER BY year`,
  );
  return {
    ...counts[0]!,
    citySlug: BENCH_CITY_SLUG,
    districtSlug: benchDistrictSlug(0),
    publishedYears: years.map((y) => y.year),
  };
}

/** A new data set: organisations, reports, editions and figures (bench/seed.ts), with its rows of the table. */
async function generate(client: pg.Client): Promise<SeedResult> {
  const { hashPassword } = await import("../lib/server/auth/password");
  const seed = await seedBench(
    client,
    { bodies: BODIES, years: YEARS, editors: EDITORS, log },
    await hashPassword(BENCH_PASSWORD),
  );
  log(
    `data: ${seed.orgs} organisations, ${seed.reports} published reports, ${seed.drafts} drafts, ${seed.figures} figures; ` +
      `generated in ${round(seed.generateMs / 1000)} s, inserted in ${round(seed.insertMs / 1000)} s`,
  );
  rows.push({
    metric: "generated reports: rule findings",
    value: seed.findings,
    unit: "",
    target: "0",
    met: seed.findings === 0,
    note: `${seed.checkedReports} reports checked (published years and drafts)`,
  });
  rows.push({
    metric: "bulk insert",
    value: round((seed.reports + seed.drafts) / (seed.insertMs / 1000), 0),
    unit: "reports/s",
    note: `${seed.reports + seed.drafts} reports with ${seed.figures} figures in ${round(seed.insertMs / 1000)} s`,
  });
  rows.push({
    metric: "checkReport per report",
    value: round(seed.checkMs / seed.checkedReports, 2),
    unit: "ms",
    note: `${seed.checkedReports} reports, with the previous year`,
  });

  return seed;
}

// ---- main ------------------------------------------------------------------------------------------------

async function main() {
  const started = new Date();
  const load1 = loadavg()[0]!;
  log(`Nianbao benchmark: ${BODIES} bodies × ${YEARS} years; load average at start ${load1.toFixed(1)}`);
  if (!(await serverReachable())) {
    console.error(
      "需要 PostgreSQL（BENCH_SERVER_URL，默认 postgresql://postgres@127.0.0.1:5432/postgres）：基准测试在专用数据库 nianbao_bench 中生成数据。",
    );
    process.exit(2);
  }
  if (args.reuse && !args["skip-http"]) {
    console.error("--reuse 只重新测量查询：请同时指定 --skip-http。");
    process.exit(2);
  }
  const reuse = args.reuse && (await benchDbExists());
  if (reuse) migrateBenchDb();
  else await recreateBenchDb();
  const url = benchUrl();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let seed: SeedResult | null = null;
  let scope: QueryScope;
  if (reuse) {
    scope = await readScope(client);
    log(`reusing ${BENCH_DB}: ${scope.orgs} organisations, ${scope.reports} published reports`);
  } else {
    seed = await generate(client);
    scope = seed;
  }

  const year = scope.publishedYears.at(-1)!;
  log("queries (median of 5, with EXPLAIN)…");
  for (const q of await measureQueries(url, {
    citySlug: scope.citySlug,
    districtSlug: scope.districtSlug,
    year,
  })) {
    const isCity = q.name.startsWith("汇总 of the city");
    const limit = isCity ? (scope.reports > 20_000 ? 2000 : 200) : undefined;
    rows.push({
      metric: `query: ${q.name}`,
      value: round(q.ms),
      unit: "ms",
      ...(limit ? { target: `< ${limit}`, met: q.ms < limit } : {}),
      note: `${q.statements} statements; ${q.seqScans.length ? `seq scan on ${q.seqScans.join(", ")}` : "indexes only"}`,
    });
    explains.push(q);
  }

  if (seed && !args["skip-http"]) await http(seed, client, url);
  if (!args["skip-cli"]) cliRate();

  await client.end();
  if (!args.keep && !reuse) await dropBenchDb(); // a reused database stays
  const result = {
    date: started.toISOString(),
    machine: {
      cpus: (await import("node:os")).cpus().length,
      loadAverageAtStart: round(load1, 2),
      loadAverageAtEnd: round(loadavg()[0]!, 2),
    },
    options: {
      bodies: BODIES,
      years: YEARS,
      editors: EDITORS,
      duration: DURATION,
      connections: CONNECTIONS,
      database: BENCH_DB,
      reused: reuse,
    },
    rows,
    explain: explains.map((e) => ({ name: e.name, ms: e.ms, seqScans: e.seqScans, plans: e.plans })),
  };
  printTable();
  log("\nEXPLAIN (one line per plan node, long literals cut):");
  for (const e of explains) {
    log(`\n## ${e.name}`);
    for (const p of e.plans)
      log(
        p
          .split("\n")
          .map((l) => (l.length > 180 ? `${l.slice(0, 177)}…` : l))
          .join("\n") + "\n",
      );
  }
  const outFile = args.out ?? join(ROOT, "bench/results", `${started.toISOString().slice(0, 10)}.json`);
  mkdirSync(join(outFile, ".."), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
  log(`\nwritten ${outFile}`);
}

async function http(seed: SeedResult, client: pg.Client, url: string) {
  const year = seed.publishedYears.at(-1)!;
  const siteDir = mkdtempSync(join(tmpdir(), "nianbao-bench-site-"));
  const plainDir = mkdtempSync(join(tmpdir(), "nianbao-bench-plain-"));
  log("starting the app…");
  const app = await startApp(url, siteDir);
  const nginxBin = nginxBinary();
  let nginx: Awaited<ReturnType<typeof startNginx>> | null = null;
  try {
    const reportPath = `/reports/${seed.sampleBody}/${year}`;
    // The static files of the measured pages, written by the site writer from the app (as a publication does).
    const { publishTargets } = await import("../lib/server/site/publisher");
    const { pageTarget, reportDataTargets } = await import("../lib/server/site/files");
    await publishTargets({ siteDir, appUrl: app.url }, [
      pageTarget(reportPath),
      pageTarget("/"),
      pageTarget(`/rollup/${seed.citySlug}/${year}`),
      ...reportDataTargets(seed.sampleBody, year),
    ]);
    const staticHtml = readFileSync(join(siteDir, `${reportPath.slice(1)}/index.html`));
    writeFileSync(join(plainDir, "plain.html"), staticHtml);
    writeFileSync(join(plainDir, "plain.html.gz"), gzipSync(staticHtml, { level: 9 }));
    const appHtml = Buffer.from(
      await (await fetch(app.url + reportPath, { headers: NEXT_ONLY })).arrayBuffer(),
    );
    const scripts = (staticHtml.toString().match(/<script\b[^>]*\bsrc=/g) ?? []).length;
    rows.push({
      metric: "static report page: size (HTML / gzip) and framework scripts",
      value: `${round(staticHtml.length / 1024)} KB / ${round(gzipSync(staticHtml).length / 1024)} KB`,
      unit: "",
      target: "0 scripts",
      met: scripts === 0,
      note: `${scripts} <script src>; the app's own answer: ${round(appHtml.length / 1024)} KB`,
    });

    let ceiling: Load | undefined;
    if (nginxBin) {
      nginx = await startNginx(nginxBin, Number(new URL(app.url).port), siteDir, plainDir);
      log("load: nginx plain file (ceiling)…");
      ceiling = await load(`${nginx.plainUrl}/plain.html`);
      loadRows("nginx plain file, same size (ceiling)", ceiling);
      log("load: nginx static report page…");
      const st = await load(nginx.url + reportPath);
      loadRows("nginx static report page", st, { rps: Math.ceil(ceiling.rps / 2), p99: 50 }, ceiling);
      log("load: nginx static API JSON…");
      const jsonPath = `/api/v1/reports/${seed.sampleBody}/${year}`;
      const probe = await fetch(nginx.url + jsonPath);
      await probe.arrayBuffer();
      const fromFile = existsSync(join(siteDir, `${jsonPath.slice(1)}.json`));
      loadRows(
        "nginx static API JSON",
        await load(nginx.url + jsonPath),
        {},
        ceiling,
        `; file ${fromFile ? "written" : "missing"}, HTTP ${probe.status}`,
      );
    } else {
      rows.push({
        metric: "nginx",
        value: "not installed",
        unit: "",
        note: "apt-get install -y nginx-light",
      });
    }
    // "app": npm start as shipped (published pages and open data from the site directory through the fast path,
    // docs/decisions/0024); "Next alone": the same address rendered or served from cache by Next.
    const appTargets: [string, string, number | undefined, Record<string, string>?][] = [
      ["app report page (cached)", reportPath, 1500],
      ["app home", "/", 1000],
      ["app API JSON", `/api/v1/reports/${seed.sampleBody}/${year}`, 2000],
      ["app API CSV", `/api/v1/reports/${seed.sampleBody}/${year}?format=csv`, undefined],
      [`app 汇总 of the city (${seed.orgs - 11} bodies)`, `/rollup/${seed.citySlug}/${year}`, undefined],
      ["app 汇总 of a district", `/rollup/${seed.districtSlug}/${year}`, undefined],
      // Last, so that the RSS above is the app's as shipped.
      ["Next alone: report page (ISR cached)", reportPath, undefined, NEXT_ONLY],
      [
        "Next alone: API JSON (memory cache)",
        `/api/v1/reports/${seed.sampleBody}/${year}`,
        undefined,
        NEXT_ONLY,
      ],
    ];
    let rss = appRssMb(app);
    let rssServingSite = rss;
    for (const [name, path, target, headers] of appTargets) {
      const first = performance.now();
      await fetch(app.url + path, { headers }).then((r) => r.arrayBuffer()); // warm (and time the first answer)
      const firstMs = performance.now() - first;
      log(`load: ${name}…`);
      const sampler = setInterval(() => (rss = Math.max(rss, appRssMb(app))), 500);
      const l = await load(app.url + path, DURATION, headers);
      clearInterval(sampler);
      // The addresses the site directory holds (report, home, data) are served by the fast path.
      if (!headers && !path.startsWith("/rollup/")) rssServingSite = rss;
      loadRows(name, l, target ? { rps: target } : {}, ceiling, `; first answer ${round(firstMs)} ms`);
    }
    rows.push({
      metric: "app RSS under load: published pages and data (max)",
      value: round(rssServingSite, 0),
      unit: "MB",
      target: "< 300",
      met: rssServingSite < 300,
      note: "report page, home, API JSON/CSV: answered from the site directory",
    });
    rows.push({
      metric: "app RSS under load: with Next rendering (max)",
      value: round(rss, 0),
      unit: "MB",
      target: "< 300",
      met: rss < 300,
      note: "after the 汇总 pages and the 'Next alone' runs",
    });

    // A change committed → visible on the static site (nginx) and in the app. The edition's title is changed in
    // the same transaction that records the outbox row and notifies, as a correction's transaction does.
    if (nginx) {
      const marker = `（基准更正${Date.now()}）`;
      const t0 = performance.now();
      await client.query("BEGIN");
      await client.query(
        `UPDATE "ReportEdition" e SET content = jsonb_set(e.content, '{meta,title}', to_jsonb((e.content->'meta'->>'title') || $1::text))
         FROM "Report" r JOIN "Organization" o ON o.id = r."orgId" WHERE e."reportId" = r.id AND o.slug = $2 AND r.year = $3`,
        [marker, seed.sampleBody, year],
      );
      const { rows: org } = await client.query<{ id: string }>(
        `SELECT id FROM "Organization" WHERE slug = $1`,
        [seed.sampleBody],
      );
      await client.query(`INSERT INTO "SiteChange" ("orgId", year, reason) VALUES ($1, $2, 'correct')`, [
        org[0]!.id,
        year,
      ]);
      await client.query(`SELECT pg_notify('nianbao_public', $1)`, [
        JSON.stringify({ orgSlug: seed.sampleBody, year }),
      ]);
      await client.query("COMMIT");
      const seen: Record<string, number> = {};
      while (performance.now() - t0 < 15_000 && Object.keys(seen).length < 2) {
        for (const [k, base] of [
          ["static site (nginx)", nginx.url],
          ["app", app.url],
        ] as const) {
          if (seen[k]) continue;
          const body = await (await fetch(base + reportPath)).text();
          if (body.includes(marker)) seen[k] = performance.now() - t0;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      for (const k of ["static site (nginx)", "app"]) {
        rows.push({
          metric: `publication visible: ${k}`,
          value: seen[k] ? round(seen[k]!, 0) : "> 15000",
          unit: "ms",
          target: "< 2000",
          met: (seen[k] ?? Infinity) < 2000,
        });
      }
    }

    const pool = new pg.Pool({ connectionString: url, max: 4 });
    try {
      await autosave(app, seed, pool);
    } finally {
      await pool.end();
    }
  } catch (err) {
    console.error(app.output().slice(-4000));
    throw err;
  } finally {
    await nginx?.stop();
    await app.stop();
    rmSync(siteDir, { recursive: true, force: true });
    rmSync(plainDir, { recursive: true, force: true });
  }
}

/** The CLI's reports per second: helper B2's `npm run bench:cli` (scripts/bench-cli.ts), run as is and read. */
function cliRate() {
  if (!existsSync(join(ROOT, "scripts/bench-cli.ts"))) {
    rows.push({
      metric: "CLI check: reports/s",
      value: "not measured",
      unit: "",
      note: "scripts/bench-cli.ts absent",
    });
    return;
  }
  log("CLI: npm run bench:cli…");
  const r = spawnSync("npm", ["run", "--silent", "bench:cli"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 600_000,
  });
  const line = r.stdout.split("\n").find((l) => l.includes("1,000") && l.includes("reports/s"));
  const rate = line ? /=\s*([\d.]+) reports\/s/.exec(line)?.[1] : undefined;
  rows.push({
    metric: "CLI `nianbao check <folder>` of 1,000 reports",
    value: rate ? Number(rate) : "not measured",
    unit: "reports/s",
    note: rate ? "scripts/bench-cli.ts (bundled CLI, one process)" : `bench:cli exited ${r.status}`,
  });
}

function printTable() {
  const head = ["metric", "value", "target", "met", "÷ceiling", "note"];
  const body = rows.map((r) => [
    r.metric,
    `${r.value}${r.unit && typeof r.value === "number" ? ` ${r.unit}` : r.unit ? ` ${r.unit}` : ""}`,
    r.target ?? "",
    r.met === undefined ? "" : r.met ? "yes" : "NO",
    r.ratioToCeiling === undefined ? "" : `${round(r.ratioToCeiling * 100)}%`,
    r.note ?? "",
  ]);
  const width = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((b) => (i === 5 ? 0 : width(b[i]!)))));
  const line = (cells: string[]) =>
    cells.map((c, i) => c + " ".repeat(Math.max(0, widths[i]! - width(c)))).join("  ");
  log(`\n${line(head)}`);
  for (const b of body) log(line(b));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
