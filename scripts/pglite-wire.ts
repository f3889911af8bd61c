// The embedded database's wire-protocol server: several client connections (Prisma's pg pool) share PGlite's
// ONE backend session, so a connection holds the session exclusively from its first message until the backend
// reports ReadyForQuery with status idle ('I'). That keeps a whole extended-protocol exchange (Parse, Bind,
// Describe, Execute … Sync) and a whole transaction (BEGIN … COMMIT) of one connection together — what
// pglite-socket's per-message queue does not (docs/decisions/0011). Other connections wait in FIFO order.
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const SYNC = Uint8Array.from([0x53, 0, 0, 0, 4]); // 'S', length 4

/** A simple-protocol Query message. */
function queryMessage(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const msg = Buffer.alloc(5 + text.length);
  msg[0] = 0x51; // 'Q'
  msg.writeInt32BE(4 + text.length, 1);
  text.copy(msg, 5);
  return new Uint8Array(msg);
}

/** A FIFO lock over PGlite's one session. */
class SessionLock {
  private owner: object | null = null;
  private waiting: { who: object; grant: () => void }[] = [];

  get waiters(): number {
    return this.waiting.length;
  }

  holds(who: object): boolean {
    return this.owner === who;
  }

  acquire(who: object): Promise<void> {
    if (this.owner === who) return Promise.resolve();
    if (this.owner === null) {
      this.owner = who;
      return Promise.resolve();
    }
    return new Promise((grant) => this.waiting.push({ who, grant }));
  }

  release(who: object) {
    if (this.owner !== who) {
      this.waiting = this.waiting.filter((w) => w.who !== who);
      return;
    }
    const next = this.waiting.shift();
    this.owner = next?.who ?? null;
    next?.grant();
  }
}

/**
 * Tracks the backend's messages across chunks to find each ReadyForQuery and its transaction status:
 * 'I' idle, 'T' in a transaction, 'E' in a failed transaction.
 */
class ReadyForQueryScanner {
  private header = Buffer.alloc(0);
  private remaining = 0; // body bytes of the current message still to skip
  private type = 0;
  last: number | null = null;

  push(chunk: Uint8Array) {
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - i);
        if (this.type === 0x5a && this.remaining === 1) this.last = chunk[i]!; // 'Z' body: one status byte
        this.remaining -= take;
        i += take;
        continue;
      }
      const need = 5 - this.header.length;
      const part = chunk.subarray(i, i + need);
      this.header = Buffer.concat([this.header, part]);
      i += part.length;
      if (this.header.length === 5) {
        this.type = this.header[0]!;
        this.remaining = this.header.readInt32BE(1) - 4;
        this.header = Buffer.alloc(0);
      }
    }
  }
}

export interface WireServerOptions {
  host?: string;
  port?: number;
  /** A connection that holds the session inside a transaction and sends nothing for this long while others
   * wait is closed and its transaction rolled back (default 60 s), so one stuck client cannot stall all. */
  idleInTransactionMs?: number;
}

export interface WireServer {
  /** "host:port" */
  address: string;
  stop(): Promise<void>;
}

export async function serveWire(db: PGlite, options: WireServerOptions = {}): Promise<WireServer> {
  const lock = new SessionLock();
  const sockets = new Set<Socket>();
  const cleanups = new Set<Promise<void>>();
  const idleLimit = options.idleInTransactionMs ?? 60_000;

  const handle = (socket: Socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const me = {};
    let buffer = Buffer.alloc(0);
    let started = false;
    let closed = false;
    let chain = Promise.resolve();
    let idleTimer: NodeJS.Timeout | undefined;
    const scanner = new ReadyForQueryScanner();

    const armIdle = () => {
      clearTimeout(idleTimer);
      if (!lock.holds(me) || idleLimit <= 0) return;
      idleTimer = setTimeout(() => {
        if (lock.holds(me) && lock.waiters > 0) socket.destroy();
        else armIdle();
      }, idleLimit);
      idleTimer.unref();
    };

    const exec = async (message: Uint8Array) => {
      await lock.acquire(me);
      if (closed) return;
      await db.runExclusive(() =>
        db.execProtocolRawStream(message, {
          onRawData: (data) => {
            scanner.push(data);
            if (!socket.destroyed) socket.write(Buffer.from(data));
          },
        }),
      );
      // Idle and no transaction: the exchange is complete, the session is free for the next connection.
      if (scanner.last === 0x49) {
        scanner.last = null;
        lock.release(me);
      }
      armIdle();
    };

    /** Reset the shared session after a connection left mid-exchange, then hand it on. */
    const cleanup = async () => {
      closed = true;
      clearTimeout(idleTimer);
      sockets.delete(socket);
      // Still queued (or never queued): just leave the queue; its pending messages are dropped.
      if (!lock.holds(me)) return lock.release(me);
      await chain; // the message being executed finishes; later ones see `closed`
      if (!lock.holds(me)) return;
      try {
        await db.runExclusive(async () => {
          // Ends an extended-protocol exchange left open (and an error's discard-until-Sync state)…
          await db.execProtocolRawStream(SYNC, { onRawData: () => {} });
          // …and rolls back a transaction left open.
          if (db.isInTransaction()) {
            await db.execProtocolRawStream(queryMessage("ROLLBACK"), { onRawData: () => {} });
          }
        });
      } catch {
        // the database is closing
      } finally {
        lock.release(me);
      }
    };

    const parse = () => {
      const messages: Uint8Array[] = [];
      for (;;) {
        if (!started) {
          if (buffer.length < 8) break;
          const len = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (buffer.length < len) break;
          const msg = buffer.subarray(0, len);
          buffer = buffer.subarray(len);
          if (code === SSL_REQUEST || code === GSS_REQUEST) {
            socket.write("N"); // no encryption: the client continues in plain text
          } else if (code === CANCEL_REQUEST) {
            socket.end(); // PGlite has no other backend to signal
            return messages;
          } else if (code === PROTOCOL_3) {
            started = true;
            messages.push(new Uint8Array(msg));
          } else {
            socket.destroy();
            return messages;
          }
          continue;
        }
        if (buffer.length < 5) break;
        const len = 1 + buffer.readInt32BE(1);
        if (buffer.length < len) break;
        const msg = buffer.subarray(0, len);
        buffer = buffer.subarray(len);
        if (msg[0] === 0x58) {
          socket.end(); // Terminate
          return messages;
        }
        messages.push(new Uint8Array(msg));
      }
      return messages;
    };

    socket.on("data", (data: Buffer) => {
      clearTimeout(idleTimer);
      buffer = Buffer.concat([buffer, data]);
      for (const message of parse()) {
        chain = chain.then(() => (closed ? undefined : exec(message)));
      }
      chain = chain.catch(() => {
        socket.destroy();
      });
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      const done = cleanup();
      cleanups.add(done);
      void done.finally(() => cleanups.delete(done));
    });
  };

  const server: Server = createServer(handle);
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => done());
  });
  const { address, port } = server.address() as { address: string; port: number };
  return {
    address: `${address}:${port}`,
    stop: async () => {
      const closing = new Promise<void>((done) => server.close(() => done()));
      for (const s of sockets) s.destroy();
      await closing;
      // Each connection's cleanup (its rollback) runs before the caller closes the database.
      await new Promise((r) => setImmediate(r));
      await Promise.all(cleanups);
    },
  };
}
