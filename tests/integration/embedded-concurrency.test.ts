// Issue 10, finding 1 at the database level: many connections sending parameterised queries at once must each
// get their own statement's answer. Prisma's pg pool does exactly this; through the embedded server the
// connections share PGlite's one session, so an exchange from one connection must never interleave with
// another's (a Bind for 3 parameters landing on another connection's 5-parameter Parse). The same tests run
// against the PostgreSQL server when one is configured, as the reference.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startEmbeddedDb, type EmbeddedDb } from "../../scripts/embedded-db";

let embedded: EmbeddedDb;
// On disk, as `npm start` runs it: each message's write-back makes room for other connections' messages.
const dir = mkdtempSync(join(tmpdir(), "nianbao-concurrency-"));
beforeAll(async () => {
  embedded = await startEmbeddedDb(dir);
});
afterAll(async () => {
  await embedded?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// The PostgreSQL reference: a fresh, empty database on the configured server.
let serverDbUrl = "";
beforeAll(async () => {
  if (inject("testDb") !== "postgres") return;
  const name = `nianbao_conc_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: inject("adminUrl") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(inject("adminUrl"));
  url.pathname = `/${name}`;
  serverDbUrl = url.href;
});
afterAll(async () => {
  if (!serverDbUrl) return;
  const admin = new pg.Client({ connectionString: inject("adminUrl") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${new URL(serverDbUrl).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
});

const targets: [string, () => string][] = [["embedded PGlite", () => embedded.url]];
if (inject("testDb") === "postgres") targets.push(["PostgreSQL", () => serverDbUrl]);

describe.each(targets)("%s under concurrent connections", (_name, url) => {
  let pool: pg.Pool;
  // An idle pooled connection ended by the server (57P01, as at teardown when the database is dropped or the
  // embedded server stops) is expected; any other error on an idle connection fails the file.
  const idleErrors: Error[] = [];
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: url(), max: 10 });
    pool.on("error", (err: Error & { code?: string }) => {
      if (err.code !== "57P01") idleErrors.push(err);
    });
  });
  afterAll(async () => {
    await pool?.end();
    expect(idleErrors).toEqual([]);
  });

  it("answers 400 concurrent parameterised queries with 1–6 parameters, each with its own result", async () => {
    // Some carry a large parameter (as a saved draft does), some run in transactions while the others queue.
    const jobs = Array.from({ length: 400 }, async (_, i) => {
      const n = (i % 6) + 1;
      const params: (number | string)[] = Array.from({ length: n }, (_, k) => i * 10 + k);
      const big = i % 4 === 0 ? "年".repeat(30_000 + i) : "";
      const sql = `SELECT ${params.map((_, k) => `$${k + 1}::int`).join(" + ")} AS sum, $1::int AS first, ${n} AS n, length($${n + 1}::text) AS len`;
      // Every fifth runs inside a transaction that spans a few round trips, as Prisma's $transaction does.
      let rows: unknown[];
      if (i % 5 === 0) {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          await client.query("SELECT $1::int AS one", [1]);
          await new Promise((r) => setTimeout(r, 2));
          rows = (await client.query(sql, [...params, big])).rows;
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      } else rows = (await pool.query(sql, [...params, big])).rows;
      const want = {
        sum: (params as number[]).reduce((a, b) => a + b, 0),
        first: i * 10,
        n,
        len: big.length,
      };
      return { got: rows[0], want };
    });
    const results = await Promise.allSettled(jobs);
    const failures = results.filter((r) => r.status === "rejected").map((r) => String(r.reason));
    expect(failures.slice(0, 5), `${failures.length} of 400 failed`).toEqual([]);
    const wrong = results.filter(
      (r) => r.status === "fulfilled" && JSON.stringify(r.value.got) !== JSON.stringify(r.value.want),
    );
    expect(wrong.length, "queries answered with another query's result").toBe(0);
  });

  it("keeps transactions of different connections apart, and rolls back what a dropped connection left open", async () => {
    const table = `conc_${Math.random().toString(36).slice(2, 10)}`;
    await pool.query(`CREATE TABLE ${table} (id int PRIMARY KEY, who text NOT NULL)`);
    // 20 transactions at once, each inserting its rows over several round trips, half rolled back.
    await Promise.all(
      Array.from({ length: 20 }, async (_, t) => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          for (let k = 0; k < 3; k++) {
            await client.query(`INSERT INTO ${table} (id, who) VALUES ($1, $2)`, [t * 10 + k, `t${t}`]);
          }
          const own = await client.query(`SELECT count(*)::int AS c FROM ${table} WHERE who = $1`, [`t${t}`]);
          expect(own.rows[0].c).toBe(3);
          await client.query(t % 2 ? "ROLLBACK" : "COMMIT");
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query(
      `SELECT who, count(*)::int AS c FROM ${table} GROUP BY who ORDER BY who`,
    );
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.c === 3 && Number(r.who.slice(1)) % 2 === 0)).toBe(true);

    // A client that dies inside a transaction: its work is rolled back and the others carry on.
    const dying = new pg.Client({ connectionString: url() });
    await dying.connect();
    dying.on("error", () => {});
    await dying.query("BEGIN");
    await dying.query(`INSERT INTO ${table} (id, who) VALUES (999, 'dead')`);
    (dying as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const after = await pool.query(`SELECT count(*)::int AS c FROM ${table} WHERE who = 'dead'`);
    expect(after.rows[0].c).toBe(0);
    await pool.query(`DROP TABLE ${table}`);
  });
});
