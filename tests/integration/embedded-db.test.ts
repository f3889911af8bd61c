import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { acquireLock, startEmbeddedDb } from "../../scripts/embedded-db";

const dir = mkdtempSync(join(tmpdir(), "nianbao-pglite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded database", () => {
  it("keeps its data across a stop and a start", async () => {
    const first = await startEmbeddedDb(dir);
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('年报')");
    await first.stop();
    const second = await startEmbeddedDb(dir);
    expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "年报" }]);
    await second.stop();
  });

  it("refuses a second process on the same data directory with a clear message", async () => {
    const lockDir = mkdtempSync(join(tmpdir(), "nianbao-lock-"));
    // Our own parent process stands in for "another running npm start".
    writeFileSync(join(lockDir, "nianbao.lock"), String(process.ppid));
    expect(() => acquireLock(lockDir)).toThrow(/正被另一个进程（PID \d+）使用/);
    rmSync(lockDir, { recursive: true, force: true });
  });

  it("takes over a lock left behind by a process that no longer exists", () => {
    const lockDir = mkdtempSync(join(tmpdir(), "nianbao-lock-"));
    writeFileSync(join(lockDir, "nianbao.lock"), "999999999");
    const release = acquireLock(lockDir);
    release();
    rmSync(lockDir, { recursive: true, force: true });
  });
});
