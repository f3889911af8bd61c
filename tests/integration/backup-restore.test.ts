// `nianbao backup` / `nianbao restore` on both databases: a backup restored into a fresh database holds every
// published edition byte for byte and the complete audit log (the same rows); a non-empty target is refused
// without --force; the CLI commands run end to end.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "@/lib/server/platform/db";
import { seedDemo } from "@/lib/server/demo/seed";
import { backup, restore, type BackupTarget } from "../../scripts/backup";
import { startEmbeddedDb } from "../../scripts/embedded-db";
import { migrateDeploy } from "../../scripts/migrate";

const work = mkdtempSync(join(tmpdir(), "nianbao-backup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const quiet = () => {};

/** Every published edition and every audit row as the database's own text of each row. */
const SNAPSHOT = [
  `SELECT row_to_json(e)::text AS r FROM "ReportEdition" e ORDER BY id`,
  `SELECT row_to_json(a)::text AS r FROM "AuditEvent" a ORDER BY id`,
];

async function snapshot(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const [editions, audit] = await Promise.all(
      SNAPSHOT.map(async (q) => (await c.query(q)).rows.map((r) => r.r as string)),
    );
    return { editions: editions!, audit: audit! };
  } finally {
    await c.end();
  }
}

async function seeded(url: string) {
  await migrateDeploy(url);
  const db = createDb(url);
  await seedDemo(db);
  await db.$disconnect();
}

describe("backup and restore of the embedded database", { timeout: 240_000 }, () => {
  const source = join(work, "source");
  const file = join(work, "embedded.tar.gz");

  it("restores into a fresh directory with every edition byte-identical and the audit log complete", async () => {
    let db = await startEmbeddedDb(source);
    await seeded(db.url);
    const before = await snapshot(db.url);
    expect(before.editions.length).toBeGreaterThan(0);
    expect(before.audit.length).toBeGreaterThan(0);
    await db.stop();

    const lines: string[] = [];
    const counts = await backup({ kind: "pglite", dir: source }, file, (l) => lines.push(l));
    expect(counts.ReportEdition).toBe(before.editions.length);
    expect(lines.join("\n")).toMatch(/\[3\/3\] 已写入/);

    const target = join(work, "restored");
    const restored = await restore({ kind: "pglite", dir: target }, file, {}, quiet);
    expect(restored).toEqual(counts);
    db = await startEmbeddedDb(target);
    expect(await snapshot(db.url)).toEqual(before);
    await db.stop();
  });

  it("refuses to restore over a database holding data unless --force, and keeps the old directory", async () => {
    const target: BackupTarget = { kind: "pglite", dir: join(work, "restored") };
    await expect(restore(target, file, {}, quiet)).rejects.toThrow(/不是空的[\s\S]*--force/);
    await restore(target, file, { force: true }, quiet);
    expect(readdirSync(target.dir).some((n) => n.startsWith("pgdata.before-restore-"))).toBe(true);
  });

  it("refuses while another process (a running npm start) holds the directory", async () => {
    // Our parent process stands in for the running application that owns the lock.
    writeFileSync(join(source, "nianbao.lock"), String(process.ppid));
    try {
      await expect(backup({ kind: "pglite", dir: source }, join(work, "x.tar.gz"), quiet)).rejects.toThrow(
        /正被另一个进程/,
      );
    } finally {
      rmSync(join(source, "nianbao.lock"));
    }
  });

  it("runs as `nianbao backup` / `nianbao restore` from the command line", () => {
    const cli = (args: string[], env: Record<string, string>) =>
      spawnSync(
        process.execPath,
        [resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/cli.ts", ...args],
        {
          env: { ...process.env, DATABASE_URL: "", NODE_OPTIONS: "", ...env },
          encoding: "utf8",
        },
      );
    const out = join(work, "cli.tar.gz");
    const made = cli(["backup", out], { PGLITE_DIR: source });
    expect(made.status, made.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    const refused = cli(["restore", out], { PGLITE_DIR: join(work, "restored") });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("--force");
  });
});

describe.runIf(inject("testDb") === "postgres")(
  "backup and restore of a PostgreSQL database",
  { timeout: 120_000 },
  () => {
    const admin = inject("adminUrl");
    const names = [`nianbao_bk_src_${process.pid}`, `nianbao_bk_dst_${process.pid}`];
    const urlOf = (name: string) => Object.assign(new URL(admin), { pathname: `/${name}` }).href;
    const sql = async (q: string) => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(q);
      await c.end();
    };
    afterAll(async () => {
      for (const n of names) await sql(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
    });

    it("pg_dump/pg_restore into a fresh database: editions byte-identical, audit log complete; non-empty refused", async () => {
      for (const n of names) await sql(`CREATE DATABASE ${n}`);
      const [src, dst] = names.map(urlOf) as [string, string];
      await seeded(src);
      const before = await snapshot(src);
      const file = join(work, "server.dump");
      const lines: string[] = [];
      const counts = await backup({ kind: "postgres", url: src }, file, (l) => lines.push(l));
      expect(lines.join("\n")).toMatch(/\[\d+\/\d+\] ReportEdition/);
      expect(await restore({ kind: "postgres", url: dst }, file, {}, quiet)).toEqual(counts);
      expect(await snapshot(dst)).toEqual(before);
      // The restored audit log is still append-only.
      const c = new pg.Client({ connectionString: dst });
      await c.connect();
      await expect(c.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
      await c.end();
      await expect(restore({ kind: "postgres", url: dst }, file, {}, quiet)).rejects.toThrow(/--force/);
      await restore({ kind: "postgres", url: dst }, file, { force: true }, quiet);
      expect(await snapshot(dst)).toEqual(before);
      await expect(restore({ kind: "pglite", dir: join(work, "p") }, file, {}, quiet)).rejects.toThrow(
        /PostgreSQL/,
      );
      expect(execFileSync("pg_restore", ["--list", file]).toString()).toContain("AuditEvent");
    });
  },
);
