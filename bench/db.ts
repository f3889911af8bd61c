// The benchmark's own PostgreSQL database (dropped and recreated each run) and its migration.
import { spawnSync } from "node:child_process";
import pg from "pg";

export const SERVER_URL = process.env.BENCH_SERVER_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
export const BENCH_DB = process.env.BENCH_DB || "nianbao_bench";

export function benchUrl(): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${BENCH_DB}`;
  return url.href;
}

export async function serverReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function benchDbExists(): Promise<boolean> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [BENCH_DB]);
    return rowCount === 1;
  } finally {
    await admin.end();
  }
}

export async function recreateBenchDb(): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${BENCH_DB}`);
  await admin.end();
  migrateBenchDb();
}

/** Applies the migrations not yet applied (a kept database measured again after a new migration). */
export function migrateBenchDb(): void {
  const r = spawnSync("npx", ["tsx", "scripts/migrate.ts", "deploy"], {
    env: { ...process.env, DATABASE_URL: benchUrl() },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`migration failed:\n${r.stdout}\n${r.stderr}`);
}

export async function dropBenchDb(): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await admin.end();
}
