// Once per probe run: a migrated, demo-seeded database of each kind, which every startApp() copies (a directory
// copy for PGlite, CREATE DATABASE … TEMPLATE on the server) instead of running initdb, migrations and the seed
// again — that is most of an app's start-up time. Apps still run the launcher's own migrate + seed (no-ops).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDb } from "@/lib/server/platform/db";
import { seedDemo } from "@/lib/server/demo/seed";
import { startEmbeddedDb } from "../../scripts/embedded-db";
import { migrateDeploy } from "../../scripts/migrate";

async function seeded(url: string) {
  await migrateDeploy(url);
  const db = createDb(url);
  try {
    await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
}

export default async function setup(project: TestProject) {
  process.env.TZ = "Asia/Shanghai";
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "";
  const work = mkdtempSync(join(tmpdir(), "nianbao-probe-tpl-"));
  const pgliteDir = join(work, "pglite");
  const serverDb = server ? `nianbao_probe_tpl_${process.pid}` : "";

  const pglite = async () => {
    const db = await startEmbeddedDb(pgliteDir);
    try {
      await seeded(db.url);
    } finally {
      await db.stop();
    }
  };
  const postgres = async () => {
    if (!server) return;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${serverDb} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${serverDb}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${serverDb}`;
    await seeded(url.href);
  };
  // One after the other: the WebAssembly schema engine is one instance per process.
  await pglite();
  await postgres();
  const registry = join(work, "apps.jsonl");
  project.provide("probeTemplates", { pglite: pgliteDir, postgres: serverDb, registry });

  return async () => {
    // Whatever the probes left running (shared apps, a failed probe's app): stop each process group.
    const entries = existsSync(registry)
      ? readFileSync(registry, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { pid?: number; database?: string; dataDir?: string })
      : [];
    const pids = entries.flatMap((e) => (e.pid ? [e.pid] : []));
    const signal = (pid: number, sig: NodeJS.Signals) => {
      try {
        process.kill(-pid, sig);
        return true;
      } catch {
        return false;
      }
    };
    const running = pids.filter((pid) => signal(pid, "SIGTERM"));
    for (let i = 0; i < 100 && running.some((pid) => signal(pid, 0 as unknown as NodeJS.Signals)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const pid of running) signal(pid, "SIGKILL");
    for (const e of entries) if (e.dataDir) rmSync(e.dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
    if (!server) return;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    for (const name of [serverDb, ...entries.flatMap((e) => (e.database ? [e.database] : []))]) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await admin.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Seeded template databases: a PGlite data directory, a database name on the server ("" if none). */
    probeTemplates: { pglite: string; postgres: string; registry: string };
  }
}
