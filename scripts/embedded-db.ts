// The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) persisted in a directory and served
// over the wire protocol on 127.0.0.1 (scripts/pglite-wire.ts: one connection at a time holds PGlite's single
// session until it is idle again), so the application uses the same adapter-pg path as with a real server.
// A lock file keeps a second process off the same data directory.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { serveWire } from "./pglite-wire";

export interface EmbeddedDb {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Whether a process is still running. A killed process its parent has not yet reaped (a zombie, state Z in
 * /proc/<pid>/stat) still answers signal 0, but it is dead: it holds nothing.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "<pid> (<comm>) <state> …": comm may contain spaces and parentheses, so read after the last ')'.
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return true; // no /proc (not Linux): signal 0 is the best answer there is
  }
}

/** Take the data directory's lock or throw a clear message; a lock left by a dead process is taken over. */
export function acquireLock(dir: string): () => void {
  const file = join(dir, "nianbao.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(readFileSync(file, "utf8").trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `内嵌数据库目录 ${dir} 正被另一个进程（PID ${pid}）使用。请先停止它（Ctrl-C），或设置 PGLITE_DIR 使用其他目录。`,
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`无法获得数据目录锁：${file}`);
}

export async function startEmbeddedDb(dir: string, port = 0): Promise<EmbeddedDb> {
  const { PGlite } = await import("@electric-sql/pglite");
  const inMemory = dir.startsWith("memory://");
  let release = () => {};
  if (!inMemory) {
    mkdirSync(dir, { recursive: true });
    release = acquireLock(dir);
  }
  try {
    const db = await PGlite.create(inMemory ? dir : join(dir, "pgdata"));
    const server = await serveWire(db, { host: "127.0.0.1", port });
    return {
      url: `postgresql://postgres@${server.address}/postgres`,
      stop: async () => {
        await server.stop();
        await db.close(); // flushes to disk
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
