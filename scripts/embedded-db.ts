// The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) persisted in a directory and served
// over the wire protocol on 127.0.0.1 by pglite-socket, so the application uses the same adapter-pg path
// as with a real server. A lock file keeps a second process off the same data directory.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export interface EmbeddedDb {
  url: string;
  stop: () => Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
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
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const inMemory = dir.startsWith("memory://");
  let release = () => {};
  if (!inMemory) {
    mkdirSync(dir, { recursive: true });
    release = acquireLock(dir);
  }
  try {
    const db = await PGlite.create(inMemory ? dir : join(dir, "pgdata"));
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 64 });
    await server.start();
    return {
      url: `postgresql://postgres@${server.getServerConn()}/postgres`,
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
