/**
 * Security probe harness: starts the BUILT application the way an operator does (scripts/start.ts with
 * NIANBAO_SKIP_BUILD=1) and talks to it only over HTTP, the way a browser does. Probes in tests/security/*.probe.ts
 * run against every database in `probeDatabases()` — always the embedded PGlite (in a temp directory, so a
 * restart keeps the data), and PostgreSQL when TEST_DATABASE_URL or DATABASE_URL names a server (a fresh database
 * per app, dropped by `dispose()`).
 *
 * Needs a production build (`npx next build`); run with `npx vitest run -c vitest.security.config.ts`.
 *
 * API
 * - `sharedApp(db)` → the run's one app for that database (cheap; do not stop, restart, kill or dispose it, and
 *   do not lock demo accounts or change settings on it — see its comment). Otherwise:
 * - `startApp({ db, env?, demo? })` → `App` (call `dispose()` in afterAll): `url` (http://127.0.0.1:<free port>), `databaseUrl` (a
 *   postgresql:// URL for direct checks: the fresh server database, or the embedded one the launcher serves on
 *   127.0.0.1 — it changes on restart), `dataDir` (its embedded database, if any, and its static site), `stop()` (SIGTERM, waits for a clean exit), `kill()` (SIGKILL to the launcher and
 *   the Next server), `restart(env?)` (same port, database and directory), `dispose()` (stop + delete data),
 *   `output()` (the launcher's stdout+stderr so far).
 * - `signIn(baseUrl, username, password?)` → the `Cookie` header value (`nianbao_session=…`), through the real
 *   /login form (its server action, without JavaScript: the form post a browser without JS sends).
 * - `trySignIn(baseUrl, login, password)` → `{ status, cookie | null, body }` for probes that expect failures.
 * - `callAction(baseUrl, { page, action, args, cookie?, headers? })` → `{ status, result, body }`: invokes a
 *   server action like React's client does (POST to the page with `Next-Action`, the arguments encoded as React
 *   encodes a reply, Origin = the app). `action` is the exported name, e.g. "saveDraftAction"; the action id is
 *   looked up in the build's server-reference manifest for the page's route. `result` is the decoded return
 *   value (e.g. an ActionResult `{ ok, code, … }`), `undefined` when the response carried none.
 * - `getJson(baseUrl, path, { cookie? })` / `fetchPage(baseUrl, path, { cookie? })` → plain HTTP helpers.
 * - `describeEachDb(title, fn)` → a `describe` per database, with `fn(db)`.
 * - `DEMO_PASSWORD` and the demo account names.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { describe, inject } from "vitest";

export const ROOT = resolve(import.meta.dirname, "../..");
export const DEMO_PASSWORD = "nianbao-demo";
export const DEMO = {
  admin: "admin",
  editor: "gangcheng-editor",
  reviewer: "gangcheng-reviewer",
  signer: "gangcheng-signer",
  office: "liubei-office",
} as const;

export type DbKind = "pglite" | "postgres";

/** The PostgreSQL server probes create their databases on, if any. */
export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** The databases every probe runs against: the embedded one always, PostgreSQL when a server is configured. */
export function probeDatabases(): DbKind[] {
  return serverUrl() ? ["pglite", "postgres"] : ["pglite"];
}

/** `describe(title + db)` once per database. */
export function describeEachDb(title: string, fn: (db: DbKind) => void) {
  for (const db of probeDatabases()) describe(`${title} [${db}]`, () => fn(db));
}

export interface StartOptions {
  db: DbKind;
  /** Extra environment for the launcher (and through it the Next server). */
  env?: Record<string, string>;
  /** Seed the demo organisations and accounts (default true). */
  demo?: boolean;
  /** Start from an empty embedded database (no template copy): the launcher migrates and seeds it itself. */
  fresh?: boolean;
}

export interface App {
  url: string;
  port: number;
  db: DbKind;
  /** The PostgreSQL database's URL (postgres only). */
  databaseUrl?: string;
  /** The temp directory holding the embedded database (pglite only). */
  dataDir?: string;
  stop(): Promise<void>;
  kill(): Promise<void>;
  restart(env?: Record<string, string>): Promise<void>;
  dispose(): Promise<void>;
  output(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

/** The run's seeded templates (tests/security/global-setup.ts), when this config provides them. */
function templates(): { pglite: string; postgres: string; registry: string } | undefined {
  try {
    return inject("probeTemplates");
  } catch {
    return undefined;
  }
}

/** Record what an app leaves behind, so the run's teardown can clean up after a crashed or killed probe. */
function register(entry: { pid?: number; database?: string; dataDir?: string }) {
  const registry = templates()?.registry;
  if (registry) appendFileSync(registry, `${JSON.stringify(entry)}\n`);
}

async function createServerDatabase(template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = serverUrl();
  if (!server) throw new Error("startApp({ db: 'postgres' }) needs TEST_DATABASE_URL or DATABASE_URL");
  const name = `nianbao_probe_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string, ms = 90_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the app exited during start-up (${child.exitCode ?? child.signalCode}):\n${log()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not become healthy within ${ms} ms:\n${log()}`);
}

/** Start the built app on a free port with a fresh database of the given kind. */
export async function startApp(options: StartOptions): Promise<App> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let databaseUrl: string | undefined;
  let drop = async () => {};
  const demo = options.demo !== false;
  const tpl = demo && !options.fresh ? templates() : undefined;
  // Every app gets its own data directory: the embedded database and the static site (which belongs with its
  // database — the fast path serves whatever is there) live in it.
  const dataDir = mkdtempSync(join(tmpdir(), "nianbao-probe-"));
  if (options.db === "pglite") {
    if (tpl?.pglite) cpSync(tpl.pglite, join(dataDir, "pglite"), { recursive: true });
  } else {
    const created = await createServerDatabase(tpl?.postgres || undefined);
    databaseUrl = created.url;
    drop = created.drop;
  }
  register({ database: databaseUrl ? new URL(databaseUrl).pathname.slice(1) : undefined, dataDir });
  let log = "";
  let child: ChildProcess | undefined;
  let baseEnv = options.env ?? {};

  const launch = async (extra: Record<string, string>) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NIANBAO_SKIP_BUILD: "1",
      NIANBAO_DEMO: demo ? "1" : "0",
      NIANBAO_SCHEDULER_INTERVAL_MS: "0",
      PORT: String(port),
      // Demo apps get the launcher's default (127.0.0.1 in demo mode: the demo-exposure probe checks it).
      HOSTNAME: demo ? "" : "127.0.0.1",
      DATABASE_URL: databaseUrl ?? "",
      TEST_DATABASE_URL: "",
      PGLITE_DIR: options.db === "pglite" ? join(dataDir, "pglite") : "",
      NIANBAO_SITE_DIR: join(dataDir, "site"),
      ...extra,
    };
    delete env.NODE_OPTIONS;
    delete env.VITEST;
    delete env.VITEST_POOL_ID;
    delete env.VITEST_WORKER_ID;
    const proc = spawn(
      process.execPath,
      [resolve(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/start.ts"],
      // Own process group, so kill() reaches the Next child too (as `kill -9` of a whole service would).
      { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    register({ pid: proc.pid });
    proc.stdout!.on("data", (c: Buffer) => (log += c.toString()));
    proc.stderr!.on("data", (c: Buffer) => (log += c.toString()));
    child = proc;
    const t0 = Date.now();
    await waitHealthy(url, proc, () => log);
    console.log(`[probe] ${options.db} app up on ${url} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (options.db === "pglite") {
      const served = [...log.matchAll(/数据库地址（仅本机可连）：(postgresql:\/\/\S+)/g)].at(-1)?.[1];
      app.databaseUrl = served;
    }
  };

  const signalGroup = (signal: NodeJS.Signals) => {
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(signal === "SIGKILL" ? -child.pid : child.pid, signal);
    } catch {
      // already gone
    }
  };

  const app: App = {
    url,
    port,
    db: options.db,
    databaseUrl,
    dataDir,
    output: () => log,
    async stop() {
      if (!child) return;
      signalGroup("SIGTERM");
      if (!(await waitExit(child, 20_000))) {
        signalGroup("SIGKILL");
        await waitExit(child, 5_000);
      }
    },
    async kill() {
      if (!child) return;
      signalGroup("SIGKILL");
      await waitExit(child, 5_000);
      // The Next child belongs to the same group; wait until the port is free again.
      for (let i = 0; i < 50; i++) {
        try {
          await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(500) });
          await new Promise((r) => setTimeout(r, 100));
        } catch {
          return;
        }
      }
    },
    async restart(env) {
      await app.stop();
      if (env) baseEnv = { ...baseEnv, ...env };
      await launch(baseEnv);
    },
    async dispose() {
      await app.stop();
      await drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await launch(baseEnv);
  } catch (err) {
    await app.dispose();
    throw err;
  }
  return app;
}

const shared = new Map<DbKind, Promise<App>>();

/**
 * One app per database for the whole probe run (the probe config runs all files in one worker without
 * isolation, so this module and its map live across files). Cheaper than startApp() — a start costs tens of
 * seconds here — but shared: it carries the state earlier probes left (reports, sessions, audit rows). Use it
 * only for probes that neither stop/restart/kill the app nor change what others rely on (locking a demo
 * account, changing settings): those call startApp() and dispose() their own. The run's teardown stops it.
 */
export function sharedApp(db: DbKind): Promise<App> {
  let app = shared.get(db);
  if (!app) {
    app = startApp({ db });
    shared.set(db, app);
    app.catch(() => shared.delete(db));
  }
  return app;
}

// ---------------------------------------------------------------------------------------------------------
// HTTP helpers

const SESSION_COOKIE = "nianbao_session";

function cookiesFrom(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

export interface FetchOptions {
  cookie?: string;
  headers?: Record<string, string>;
}

export async function fetchPage(baseUrl: string, path: string, opts: FetchOptions = {}) {
  return fetch(new URL(path, baseUrl), {
    redirect: "manual",
    headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
  });
}

export async function getJson(baseUrl: string, path: string, opts: FetchOptions = {}) {
  const res = await fetchPage(baseUrl, path, opts);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

/**
 * The hidden fields React renders into a form whose action is a server action (what a browser without
 * JavaScript posts back), taken from the page's HTML.
 */
function hiddenActionFields(html: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of html.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (!name?.startsWith("$ACTION")) continue;
    const value = /\bvalue="([^"]*)"/.exec(tag)?.[1] ?? "";
    out.push([decodeHtml(name), decodeHtml(value)]);
  }
  return out;
}

const decodeHtml = (s: string) =>
  s
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

export interface SignInAttempt {
  status: number;
  /** The Cookie header value when a session was issued, else null. */
  cookie: string | null;
  location: string | null;
  body: string;
}

/** Submit the /login form as a browser without JavaScript does; `next` fills the hidden next= field. */
export async function trySignIn(
  baseUrl: string,
  login: string,
  password: string,
  opts: { next?: string; headers?: Record<string, string> } = {},
): Promise<SignInAttempt> {
  const page = await fetchPage(
    baseUrl,
    opts.next ? `/login?next=${encodeURIComponent(opts.next)}` : "/login",
  );
  const html = await page.text();
  const form = new FormData();
  for (const [k, v] of hiddenActionFields(html)) form.append(k, v);
  form.append("login", login);
  form.append("password", password);
  if (opts.next !== undefined) form.append("next", opts.next);
  const res = await fetch(new URL("/login", baseUrl), {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { origin: new URL(baseUrl).origin, ...opts.headers },
  });
  const session = cookiesFrom(res).find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > 17);
  return {
    status: res.status,
    cookie: session ?? null,
    location: res.headers.get("location"),
    body: await res.text(),
  };
}

/** Sign in through the real login form; returns the Cookie header value or throws. */
export async function signIn(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await trySignIn(baseUrl, username, password);
  if (!r.cookie) throw new Error(`sign-in as ${username} failed: HTTP ${r.status}`);
  return r.cookie;
}

// ---------------------------------------------------------------------------------------------------------
// Server actions, called as React's client calls them

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

let manifestCache: Record<string, ManifestEntry> | undefined;

function actionManifest(): Record<string, ManifestEntry> {
  if (manifestCache) return manifestCache;
  const file = join(ROOT, process.env.NEXT_DIST_DIR || ".next", "server/server-reference-manifest.json");
  if (!existsSync(file)) throw new Error(`no production build (${file}); run \`npx next build\` first`);
  manifestCache = (JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> }).node;
  return manifestCache;
}

/** "/workspace/reports/abc/review" → "app/workspace/reports/[id]/review/page" (matched against the manifest). */
function routeMatches(worker: string, path: string): boolean {
  const route = worker.replace(/^app/, "").replace(/\/page$/, "") || "/";
  const pattern = route
    .split("/")
    .map((seg) => (/^\[.+\]$/.test(seg) ? "[^/]+" : seg.replace(/[.*+?^${}()|\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${pattern || "/"}$`).test(path.split("?")[0]!.replace(/\/$/, "") || "/");
}

/** The id of the server action exported as `name`, as used by the page at `pagePath`. */
export function actionId(name: string, pagePath: string): string {
  const hits = Object.entries(actionManifest()).filter(
    ([, e]) => e.exportedName === name && Object.keys(e.workers).some((w) => routeMatches(w, pagePath)),
  );
  if (hits.length !== 1) {
    throw new Error(`server action ${name} on ${pagePath}: ${hits.length} matches in the build's manifest`);
  }
  return hits[0]![0];
}

/** React's reply encoding for plain JSON-like values (strings starting with "$" are escaped, dates tagged). */
export function encodeReplyJson(value: unknown): string {
  const walk = (v: unknown): unknown => {
    if (v === undefined) return "$undefined";
    if (typeof v === "string") return v.startsWith("$") ? `$${v}` : v;
    if (v instanceof Date) return `$D${v.toISOString()}`;
    if (typeof v === "bigint") return `$n${v}`;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return JSON.stringify(walk(value));
}

/** Decode a React Flight (text/x-component) response's rows into the action's return value. */
export function decodeFlight(text: string): { value: unknown; error?: unknown } {
  const rows = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const colon = text.indexOf(":", i);
    if (colon < 0) break;
    const id = text.slice(i, colon);
    let j = colon + 1;
    const tag = text[j];
    if (tag === "T") {
      const comma = text.indexOf(",", j);
      const len = parseInt(text.slice(j + 1, comma), 16);
      const bytes = Buffer.from(text.slice(comma + 1), "utf8")
        .subarray(0, len)
        .toString("utf8");
      rows.set(id, JSON.stringify(bytes));
      i = comma + 1 + bytes.length;
      continue;
    }
    const nl = text.indexOf("\n", j);
    const end = nl < 0 ? text.length : nl;
    rows.set(id, text.slice(j, end));
    i = end + 1;
    j = end;
  }
  const cache = new Map<string, unknown>();
  const resolveRow = (id: string): unknown => {
    if (cache.has(id)) return cache.get(id);
    const raw = rows.get(id);
    if (raw === undefined) return undefined;
    if (raw.startsWith("E")) return { $error: JSON.parse(raw.slice(1)) };
    if (!/^[[{"\dtfn-]/.test(raw)) return undefined; // hints, module rows: not data
    const v = revive(JSON.parse(raw));
    cache.set(id, v);
    return v;
  };
  const revive = (v: unknown): unknown => {
    if (typeof v === "string" && v.startsWith("$")) {
      if (v.startsWith("$$")) return v.slice(1);
      if (v === "$undefined") return undefined;
      if (v.startsWith("$D")) return new Date(v.slice(2));
      if (v.startsWith("$n")) return BigInt(v.slice(2));
      const ref = /^\$@?([0-9a-f]+)$/.exec(v);
      if (ref) return resolveRow(ref[1]!);
      return v;
    }
    if (Array.isArray(v)) return v.map(revive);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
    }
    return v;
  };
  const root = resolveRow("0") as { a?: unknown } | undefined;
  const value = root && typeof root === "object" && "a" in root ? root.a : undefined;
  const error = value && typeof value === "object" && "$error" in value ? value.$error : undefined;
  return { value: error ? undefined : value, error };
}

export interface ActionCall {
  /** The page the action is called from, e.g. `/workspace/reports/<id>`. */
  page: string;
  /** The exported name of the action, e.g. "saveDraftAction". */
  action: string;
  args: unknown[];
  cookie?: string;
  headers?: Record<string, string>;
}

export interface ActionResponse<T = unknown> {
  status: number;
  /** The action's decoded return value (undefined when it threw or the request was refused). */
  result: T | undefined;
  /** A thrown error's digest row, when the action threw. */
  error?: unknown;
  body: string;
  headers: Headers;
}

/** Call a server action over HTTP exactly as the React client in a browser does. */
export async function callAction<T = unknown>(baseUrl: string, call: ActionCall): Promise<ActionResponse<T>> {
  const id = actionId(call.action, call.page);
  const res = await fetch(new URL(call.page, baseUrl), {
    method: "POST",
    redirect: "manual",
    headers: {
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "next-action": id,
      origin: new URL(baseUrl).origin,
      ...(call.cookie ? { cookie: call.cookie } : {}),
      ...call.headers,
    },
    body: encodeReplyJson(call.args),
  });
  const body = await res.text();
  const isFlight = (res.headers.get("content-type") ?? "").includes("text/x-component");
  const decoded = isFlight ? decodeFlight(body) : { value: undefined };
  return {
    status: res.status,
    result: decoded.value as T | undefined,
    error: decoded.error,
    body,
    headers: res.headers,
  };
}
