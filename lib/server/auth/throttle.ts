import "server-only";
import { THROTTLE, type ThrottleState } from "@/lib/domain/login-throttle";
import { db as defaultDb, type Db } from "../platform/db";
import { env } from "../platform/env";

// Failed-attempt counters in LoginThrottle, updated atomically so that they hold under concurrency: an attempt
// first reserves its slot with one INSERT … ON CONFLICT DO UPDATE … RETURNING (the row lock serialises
// concurrent reservations of one key), and only an attempt whose reservation is within the limit may verify a
// password. A success gives its slot back. Keys: "account:<userId>" for a resolved account (username, email
// and phone share it), "name:<typed login>" for unknown names, "ip:<address>", "password:<userId>".
//
// The rule, in SQL below: a row is fresh again when its window has passed or its lock has run out; reaching
// the limit locks the key for lockMs; a reservation beyond the limit is refused without verifying.

/** Timestamps are stored as UTC wall time in TIMESTAMP(3) columns (as Prisma writes them). */
const ts = (d: Date) => d.toISOString();

export interface Reservation extends ThrottleState {
  /** Whether this attempt may verify a password (its reservation is within the limit). */
  allowed: boolean;
}

export async function reserveAttempt(
  key: string,
  limit: number,
  now: Date,
  lockMs: number,
  db: Db,
): Promise<Reservation> {
  const windowFloor = new Date(now.getTime() - THROTTLE.windowMs);
  const lockUntil = new Date(now.getTime() + lockMs);
  const rows = await db.$queryRaw<{ failures: number; windowStart: Date; lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" AS t ("key", "failures", "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${ts(now)}::timestamp(3),
            CASE WHEN 1 >= ${limit}::int THEN ${ts(lockUntil)}::timestamp(3) END)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE
        WHEN t."windowStart" <= ${ts(windowFloor)}::timestamp(3) OR t."lockedUntil" <= ${ts(now)}::timestamp(3)
          THEN 1
        ELSE t."failures" + 1 END,
      "windowStart" = CASE
        WHEN t."windowStart" <= ${ts(windowFloor)}::timestamp(3) OR t."lockedUntil" <= ${ts(now)}::timestamp(3)
          THEN ${ts(now)}::timestamp(3)
        ELSE t."windowStart" END,
      "lockedUntil" = CASE
        WHEN t."windowStart" <= ${ts(windowFloor)}::timestamp(3) OR t."lockedUntil" <= ${ts(now)}::timestamp(3)
          THEN CASE WHEN 1 >= ${limit}::int THEN ${ts(lockUntil)}::timestamp(3) END
        WHEN t."failures" + 1 >= ${limit}::int THEN COALESCE(t."lockedUntil", ${ts(lockUntil)}::timestamp(3))
        ELSE t."lockedUntil" END
    RETURNING "failures", "windowStart", "lockedUntil"`;
  const row = rows[0]!;
  return {
    failures: Number(row.failures),
    windowStart: row.windowStart,
    lockedUntil: row.lockedUntil,
    allowed: Number(row.failures) <= limit,
  };
}

/** Gives back a reservation whose attempt succeeded (or was not made): one failure less, unlocked below the limit. */
export async function releaseAttempt(key: string, limit: number, db: Db): Promise<void> {
  await db.$executeRaw`
    UPDATE "LoginThrottle" SET
      "failures" = GREATEST("failures" - 1, 0),
      "lockedUntil" = CASE WHEN "failures" - 1 < ${limit}::int THEN NULL ELSE "lockedUntil" END
    WHERE "key" = ${key}`;
}

/** Forgets a key's failures (the account's owner has just proved the password). */
export async function clearAttempts(key: string, db: Db): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}

/** Deletes rows whose window has passed and that hold no running lock; returns how many went. */
export async function pruneThrottles(now: Date = new Date(), db: Db = defaultDb): Promise<number> {
  const windowFloor = new Date(now.getTime() - THROTTLE.windowMs);
  return db.$executeRaw`
    DELETE FROM "LoginThrottle"
    WHERE "windowStart" <= ${ts(windowFloor)}::timestamp(3)
      AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${ts(now)}::timestamp(3))`;
}

let lastPrune = 0;
/** Prunes at most once a minute (of the caller's clock) per process: sign-ins call this on every attempt. */
export async function pruneThrottlesNowAndThen(now: Date, db: Db): Promise<void> {
  if (Math.abs(now.getTime() - lastPrune) < 60_000) return;
  lastPrune = now.getTime();
  await pruneThrottles(now, db);
}

/** NIANBAO_THROTTLE_LOCK_SECONDS shortens the sign-in lock (the e2e server waits seconds, not 15 minutes). */
export function throttleLockMs(): number {
  const seconds = env().NIANBAO_THROTTLE_LOCK_SECONDS;
  return seconds ? seconds * 1000 : THROTTLE.lockMs;
}
