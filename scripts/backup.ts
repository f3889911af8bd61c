// `nianbao backup <file>` / `nianbao restore <file> [--force]` (docs/decisions/0012).
// - PostgreSQL (DATABASE_URL set): pg_dump's custom format, restored with pg_restore in one transaction — the
//   standard tools, so a backup can also be restored by hand. Needs the PostgreSQL client tools on PATH.
// - The embedded database (PGLITE_DIR, default .data/pglite): PGlite's own dump of the data directory
//   (dumpDataDir, a gzipped tar), restored by loading it into a new data directory. The application must be
//   stopped (the data directory's lock is taken, so a running `npm start` makes this refuse clearly).
// A restore refuses a database that already holds data unless --force (PostgreSQL: the public schema is dropped
// first; embedded: the old data directory is kept beside the new one). Both print counted progress and, at the
// end, the rows per table, so a restore can be compared with the backup's figures.
import { spawn } from "node:child_process";
import {
  existsSync,
  openSync,
  readSync,
  closeSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

export type BackupTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export class BackupError extends Error {}

type Log = (line: string) => void;

/** The database the CLI works on: DATABASE_URL's server, else the embedded directory. */
export function targetFromEnv(env: Record<string, string | undefined> = process.env): BackupTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  const dir = env.PGLITE_DIR || ".data/pglite";
  if (dir.startsWith("memory://")) throw new BackupError("内存数据库（memory://）无法备份或恢复。");
  return { kind: "pglite", dir: resolve(dir) };
}

/** The tables whose rows a backup reports and a restore checks: user tables of the public schema. */
const COUNT_SQL = `SELECT relname AS name FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY relname`;

async function countRows(query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>) {
  const tables = (await query(COUNT_SQL)).rows.map((r) => String(r.name));
  const counts: Record<string, number> = {};
  for (const t of tables) {
    counts[t] = Number(
      (await query(`SELECT count(*)::int AS c FROM "${t.replaceAll('"', '""')}"`)).rows[0]!.c,
    );
  }
  return counts;
}

function printCounts(log: Log, counts: Record<string, number>) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  log(`    共 ${Object.keys(counts).length} 张表、${total} 行：`);
  for (const [t, c] of Object.entries(counts)) log(`      ${t.padEnd(24)} ${String(c).padStart(8)}`);
}

function fileKind(file: string): "pglite" | "postgres" | "unknown" {
  const fd = openSync(file, "r");
  const head = Buffer.alloc(5);
  readSync(fd, head, 0, 5, 0);
  closeSync(fd);
  if (head.toString("latin1") === "PGDMP") return "postgres";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  return "unknown";
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL: pg_dump / pg_restore

function runTool(tool: string, args: string[], onLine: (line: string) => void): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(tool, args, { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    let partial = "";
    child.stderr.on("data", (c: Buffer) => {
      partial += c.toString();
      const lines = partial.split("\n");
      partial = lines.pop() ?? "";
      for (const l of lines) {
        if (/error|错误/i.test(l)) err += `${l}\n`;
        onLine(l);
      }
    });
    child.stdout.resume();
    child.on("error", (e: NodeJS.ErrnoException) =>
      fail(
        new BackupError(
          e.code === "ENOENT"
            ? `找不到 ${tool}：请安装 PostgreSQL 客户端工具（如 apt-get install postgresql-client），版本不低于服务器。`
            : e.message,
        ),
      ),
    );
    child.on("exit", (code) =>
      code === 0 ? done() : fail(new BackupError(`${tool} 失败（退出码 ${code}）：\n${err || partial}`)),
    );
  });
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function backupPostgres(url: string, file: string, log: Log) {
  const counts = await withClient(url, (c) => countRows((sql) => c.query(sql)));
  const total = Object.keys(counts).length;
  log(`[1/2] 正在导出（pg_dump，${total} 张表）…`);
  const tmp = `${file}.partial`;
  let done = 0;
  await runTool(
    "pg_dump",
    ["--format=custom", "--no-owner", "--no-privileges", "--verbose", `--file=${tmp}`, `--dbname=${url}`],
    (line) => {
      const m = /dumping contents of table "?public\.([^" ]+)"?/.exec(line);
      if (m) log(`    [${++done}/${total}] ${m[1]}（${counts[m[1]!] ?? "?"} 行）`);
    },
  );
  renameSync(tmp, file);
  log(`[2/2] 已写入 ${file}（${statSync(file).size} 字节）`);
  printCounts(log, counts);
  return counts;
}

async function restorePostgres(url: string, file: string, force: boolean, log: Log) {
  const tables = await withClient(url, async (c) =>
    Number((await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n),
  );
  if (tables > 0 && !force) {
    throw new BackupError(`目标数据库不是空的（已有 ${tables} 张表）。确认要用备份覆盖它，请加 --force。`);
  }
  let entries = 0;
  await new Promise<void>((done, fail) => {
    const child = spawn("pg_restore", ["--list", file], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", fail);
    child.on("exit", () => {
      entries = out.split("\n").filter((l) => /^\d+;/.test(l)).length;
      done();
    });
  });
  if (tables > 0) {
    log(`[1/3] --force：清空目标数据库的 public 模式（${tables} 张表）…`);
    await withClient(url, (c) => c.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
  } else log("[1/3] 目标数据库是空的");
  log(`[2/3] 正在恢复（pg_restore，${entries} 项，单一事务）…`);
  let done = 0;
  await runTool(
    "pg_restore",
    [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      "--verbose",
      `--dbname=${url}`,
      file,
    ],
    (line) => {
      if (/^pg_restore: (creating|processing data for) /.test(line) && ++done % 10 === 0) {
        log(`    [${done}/${entries}]`);
      }
    },
  );
  log(`    [${entries}/${entries}] 完成`);
  const counts = await withClient(url, (c) => countRows((sql) => c.query(sql)));
  log("[3/3] 已恢复");
  printCounts(log, counts);
  return counts;
}

// ---------------------------------------------------------------------------------------------------------
// The embedded database: PGlite's data-directory dump

async function openPglite(dir: string, loadDataDir?: Blob) {
  const { PGlite } = await import("@electric-sql/pglite");
  return PGlite.create({ dataDir: join(dir, "pgdata"), ...(loadDataDir ? { loadDataDir } : {}) });
}

async function backupPglite(dir: string, file: string, log: Log) {
  if (!existsSync(join(dir, "pgdata"))) throw new BackupError(`内嵌数据库目录 ${dir} 不存在或是空的。`);
  const { acquireLock } = await import("./embedded-db");
  const release = acquireLock(dir); // refuses while `npm start` runs on this directory
  try {
    log(`[1/3] 正在打开内嵌数据库 ${dir} …`);
    const db = await openPglite(dir);
    try {
      const counts = await countRows((sql) => db.query(sql));
      log(`[2/3] 正在导出数据目录（PGlite dumpDataDir，${Object.keys(counts).length} 张表）…`);
      const dump = await db.dumpDataDir("gzip");
      const tmp = `${file}.partial`;
      writeFileSync(tmp, new Uint8Array(await dump.arrayBuffer()));
      renameSync(tmp, file);
      log(`[3/3] 已写入 ${file}（${statSync(file).size} 字节）`);
      printCounts(log, counts);
      return counts;
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

async function restorePglite(dir: string, file: string, force: boolean, log: Log) {
  const { acquireLock } = await import("./embedded-db");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(dir, { recursive: true });
  const release = acquireLock(dir);
  try {
    const pgdata = join(dir, "pgdata");
    let kept = "";
    if (existsSync(pgdata)) {
      const db = await openPglite(dir);
      const counts = await countRows((sql) => db.query(sql)).finally(() => db.close());
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      if (Object.keys(counts).length > 0 && !force) {
        throw new BackupError(
          `内嵌数据库 ${dir} 不是空的（${Object.keys(counts).length} 张表、${rows} 行）。确认要用备份覆盖它，请加 --force。`,
        );
      }
      kept = `${pgdata}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(pgdata, kept);
      log(`[1/3] --force：原数据目录已移到 ${kept}（确认无误后可删除）`);
    } else log("[1/3] 目标目录是空的");
    log(`[2/3] 正在载入备份 ${file}（${statSync(file).size} 字节）…`);
    const blob = new Blob([readFileSync(file)]);
    let db;
    try {
      db = await openPglite(dir, blob);
    } catch (err) {
      rmSync(pgdata, { recursive: true, force: true });
      if (kept) renameSync(kept, pgdata);
      throw err;
    }
    try {
      const counts = await countRows((sql) => db.query(sql));
      log("[3/3] 已恢复");
      printCounts(log, counts);
      return counts;
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

// ---------------------------------------------------------------------------------------------------------

export async function backup(target: BackupTarget, file: string, log: Log = console.log) {
  const out = resolve(file);
  return target.kind === "postgres"
    ? backupPostgres(target.url, out, log)
    : backupPglite(target.dir, out, log);
}

export async function restore(
  target: BackupTarget,
  file: string,
  opts: { force?: boolean } = {},
  log: Log = console.log,
) {
  const input = resolve(file);
  if (!existsSync(input)) throw new BackupError(`找不到备份文件 ${input}。`);
  const kind = fileKind(input);
  if (kind === "unknown")
    throw new BackupError(`${input} 不是 nianbao 备份（pg_dump 自定义格式或内嵌数据库的数据目录备份）。`);
  if (kind !== target.kind) {
    throw new BackupError(
      kind === "pglite"
        ? "这是内嵌数据库的备份，只能恢复到内嵌数据库（请不要设置 DATABASE_URL）。"
        : "这是 PostgreSQL 的备份（pg_dump），只能恢复到 PostgreSQL（请设置 DATABASE_URL）。",
    );
  }
  return target.kind === "postgres"
    ? restorePostgres(target.url, input, opts.force ?? false, log)
    : restorePglite(target.dir, input, opts.force ?? false, log);
}

/** CLI: `nianbao backup <file>`; exit 0 on success, 1 on a refusal or failure, 2 on usage. */
export async function backupCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    console.error(
      "用法：nianbao backup <备份文件>（DATABASE_URL 指定 PostgreSQL；否则备份 PGLITE_DIR 的内嵌数据库）",
    );
    return 2;
  }
  return report(() => backup(targetFromEnv(), positionals[0]!));
}

/** CLI: `nianbao restore <file> [--force]`. */
export async function restoreCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) {
    console.error("用法：nianbao restore <备份文件> [--force]（目标数据库非空时须加 --force）");
    return 2;
  }
  return report(() => restore(targetFromEnv(), positionals[0]!, { force: values.force }));
}

async function report(fn: () => Promise<unknown>): Promise<number> {
  try {
    await fn();
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      console.error(err.message);
      return 1;
    }
    if (err instanceof Error && /正被另一个进程/.test(err.message)) {
      console.error(`${err.message}\n备份或恢复内嵌数据库前，请先停止正在运行的 nianbao（Ctrl-C）。`);
      return 1;
    }
    throw err;
  }
}
