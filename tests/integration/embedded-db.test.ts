import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { acquireLock, isAlive, startEmbeddedDb } from "../../scripts/embedded-db";

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
    const lock = join(lockDir, "nianbao.lock");
    writeFileSync(lock, "999999999");
    const release = acquireLock(lockDir);
    expect(readFileSync(lock, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(lock)).toBe(false);
    rmSync(lockDir, { recursive: true, force: true });
  });

  it("takes over the lock of an owner killed with SIGKILL a moment ago, before its parent reaped it", async () => {
    const lockDir = mkdtempSync(join(tmpdir(), "nianbao-lock-"));
    const lock = join(lockDir, "nianbao.lock");
    // The owner writes its PID into the lock, as a running `npm start` does, then waits.
    const owner = spawn(
      process.execPath,
      [
        "-e",
        `require("fs").writeFileSync(${JSON.stringify(lock)}, String(process.pid)); setInterval(() => {}, 1000)`,
      ],
      { stdio: "ignore" },
    );
    for (let i = 0; i < 100 && !readFileSync(lock, { flag: "a+" }).length; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const pid = owner.pid!;
    expect(() => acquireLock(lockDir)).toThrow(/正被另一个进程/);
    owner.kill("SIGKILL");
    // No await from here on: our event loop cannot reap the child, so it stays a zombie — as a service
    // manager's child does in the instant between `kill -9` and the restart.
    const until = Date.now() + 5000;
    while (Date.now() < until && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ")) {
      // wait for the kernel to finish the kill
    }
    expect(readFileSync(`/proc/${pid}/stat`, "utf8")).toContain(") Z ");
    expect(isAlive(pid)).toBe(false);
    const release = acquireLock(lockDir);
    expect(readFileSync(lock, "utf8")).toBe(String(process.pid));
    release();
    rmSync(lockDir, { recursive: true, force: true });
  });
});
