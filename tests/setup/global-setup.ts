// Integration tests run against PostgreSQL: the server named by TEST_DATABASE_URL or DATABASE_URL (a template
// database migrated once here, cloned per test file), or — when neither is set — an embedded PGlite per file.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "../../scripts/migrate";

export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export default async function setup(project: TestProject) {
  process.env.TZ = "Asia/Shanghai";
  const admin = serverUrl();
  project.provide("testDb", admin ? "postgres" : "pglite");
  project.provide("templateDb", "");
  project.provide("adminUrl", admin ?? "");
  if (!admin) return;

  const template = `nianbao_tpl_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${template}`);
  await client.query(`CREATE DATABASE ${template}`);
  const url = new URL(admin);
  url.pathname = `/${template}`;
  await migrateDeploy(url.href);
  project.provide("templateDb", template);
  return async () => {
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDb: "postgres" | "pglite";
    templateDb: string;
    /** The server URL test databases are created through (captured before any file changes DATABASE_URL). */
    adminUrl: string;
  }
}
