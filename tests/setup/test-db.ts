// One isolated, migrated database per test file: a clone of the template on the PostgreSQL server, or a
// fresh in-memory PGlite served on a random local port. Tests use the real database, never a mock.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type Db } from "@/lib/server/platform/db";
import { migrateDeploy } from "../../scripts/migrate";

export interface TestDb {
  db: Db;
  url: string;
}

export function setupTestDb(): TestDb {
  const ctx = {} as TestDb;
  let cleanup = async () => {};

  beforeAll(async () => {
    if (inject("testDb") === "postgres") {
      const name = `nianbao_test_${randomUUID().replaceAll("-", "")}`;
      const adminUrl = inject("adminUrl");
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDb")}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      ctx.url = url.href;
      cleanup = async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      };
    } else {
      const { startEmbeddedDb } = await import("../../scripts/embedded-db");
      const embedded = await startEmbeddedDb("memory://");
      ctx.url = embedded.url;
      await migrateDeploy(ctx.url);
      cleanup = embedded.stop;
    }
    ctx.db = createDb(ctx.url);
    // lib/server functions that use the shared client (lib/server/platform/db.ts) reach this file's database too.
    process.env.DATABASE_URL = ctx.url;
    (globalThis as { nianbaoDb?: Db }).nianbaoDb = ctx.db;
  });

  afterAll(async () => {
    await ctx.db?.$disconnect();
    await cleanup();
  });

  return ctx;
}
