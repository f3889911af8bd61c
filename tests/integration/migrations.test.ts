import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  createMigration,
  diffMigrationsToSchema,
  listMigrationNames,
  migrateDeploy,
  MIGRATIONS_DIR,
  SCHEMA_PATH,
} from "../../scripts/migrate";
import { setupTestDb } from "../setup/test-db";

const t = setupTestDb();

describe("migrations through the WebAssembly schema engine", () => {
  it("a second deploy applies nothing and _prisma_migrations is recorded as prisma migrate deploy does", async () => {
    expect(await migrateDeploy(t.url)).toEqual([]);
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    const { rows } = await client.query(
      "SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
    );
    await client.end();
    const names = await listMigrationNames();
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = readFileSync(join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("schema.prisma and the migration history are in sync (edit the schema → run npm run db:migration)", async () => {
    expect(await diffMigrationsToSchema()).toBeNull();
  });

  describe("writing the next migration", () => {
    const work = mkdtempSync(join(tmpdir(), "nianbao-migration-"));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it("diffs the replayed history against an edited schema and writes only the change", async () => {
      const dir = join(work, "migrations");
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      const schema = join(work, "schema.prisma");
      writeFileSync(
        schema,
        `${readFileSync(SCHEMA_PATH, "utf8")}\nmodel Probe {\n  id Int @id\n  label String\n}\n`,
      );
      const created = await createMigration("add probe", dir, schema);
      expect(created).toMatch(/\d{14}_add_probe$/);
      const sql = readFileSync(join(created!, "migration.sql"), "utf8");
      expect(sql).toContain('CREATE TABLE "Probe"');
      expect(sql).not.toContain('CREATE TABLE "Report"');
      expect(await diffMigrationsToSchema(schema, dir)).toBeNull();
    });
  });
});
