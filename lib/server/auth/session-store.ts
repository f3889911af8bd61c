import "server-only";
import { recordAudit } from "../audit/audit";
import { db as defaultDb, type Db } from "../platform/db";
import { env } from "../platform/env";
import type { Actor } from "./actor";
import { sha256 } from "./tokens";

// Own session module over @node-rs/argon2 and node:crypto (docs/decisions/0005): database sessions keyed by
// the sha256 of a random token, idle and absolute expiry, rotation at sign-in (lib/server/auth/sign-in.ts).

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
}

export function sessionPolicy(): SessionPolicy {
  const { SESSION_IDLE_HOURS, SESSION_MAX_DAYS } = env();
  return { idleMs: SESSION_IDLE_HOURS * 3_600_000, maxMs: SESSION_MAX_DAYS * 86_400_000 };
}

interface SessionRow {
  id: string;
  lastSeenMs: number;
  expiresMs: number;
  userId: string;
  username: string;
  displayName: string;
  isActive: boolean;
  memberships: Actor["memberships"];
}

/**
 * The actor behind a session token, with memberships read from the database now; null when expired. One query
 * (session, user and memberships): it runs before every staff page and action.
 */
export async function resolveSession(
  token: string,
  db: Db = defaultDb,
  now = new Date(),
): Promise<Actor | null> {
  const [session] = await db.$queryRaw<SessionRow[]>`
    SELECT s.id,
           (extract(epoch FROM s."lastSeenAt") * 1000)::float8 AS "lastSeenMs",
           (extract(epoch FROM s."expiresAt") * 1000)::float8 AS "expiresMs",
           u.id AS "userId", u.username, u."displayName", u."isActive",
           COALESCE((SELECT json_agg(json_build_object('orgId', m."orgId", 'role', m.role::text)
                                     ORDER BY m."createdAt", m.id)
                       FROM "Membership" m WHERE m."userId" = u.id), '[]'::json) AS memberships
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s.id = ${sha256(token)}`;
  if (!session) return null;
  const idleExpired = now.getTime() - session.lastSeenMs > sessionPolicy().idleMs;
  if (idleExpired || session.expiresMs <= now.getTime() || !session.isActive) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  // Touch at most once a minute: the idle clock needs no per-request write.
  if (now.getTime() - session.lastSeenMs > 60_000) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    userId: session.userId,
    username: session.username,
    displayName: session.displayName,
    isActive: session.isActive,
    sessionId: session.id,
    memberships: session.memberships,
  };
}

export async function signOut(input: { token: string; ip: string }, db: Db = defaultDb) {
  const { token, ip } = input;
  const session = await db.session.findUnique({ where: { id: sha256(token) }, include: { user: true } });
  if (!session) return;
  await db.session.deleteMany({ where: { id: session.id } });
  await recordAudit(db, {
    action: "auth.signOut",
    actorId: session.userId,
    actorName: session.user.username,
    ip,
    summary: "退出登录",
  });
}

export async function signOutEverywhere(actor: Actor, input: { ip: string }, db: Db = defaultDb) {
  const { ip } = input;
  const { count } = await db.session.deleteMany({ where: { userId: actor.userId } });
  await recordAudit(db, {
    action: "auth.signOutAll",
    actorId: actor.userId,
    actorName: actor.username,
    ip,
    summary: `退出全部设备（${count} 个会话）`,
  });
}
