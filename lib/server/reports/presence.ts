import "server-only";
import { z } from "zod";
import type { PresentUser } from "@/lib/domain/views/drafts";
import { fail } from "../platform/action";
import type { Actor } from "../auth/actor";
import { assertCan, NOT_FOUND_MESSAGE, type DbClient } from "../auth/authorize";
import { db as defaultDb } from "../platform/db";

// "Who else has this report open": the editor sends a heartbeat every PRESENCE_HEARTBEAT_MS; anyone seen within
// PRESENCE_WINDOW_MS counts as present. Leaving the editor removes one's own row; a closed tab simply expires.

export const PRESENCE_HEARTBEAT_MS = 20_000;
export const PRESENCE_WINDOW_MS = 60_000;

export const presenceSchema = z.object({ reportId: z.string().min(1).max(60) });

async function reportOrg(db: DbClient, reportId: string): Promise<string> {
  const row = await db.report.findUnique({ where: { id: reportId }, select: { orgId: true } });
  return row?.orgId ?? fail("NOT_FOUND", NOT_FOUND_MESSAGE);
}

/** Records that the actor has the report open and returns the others who have it open now. */
export async function touchPresence(
  actor: Actor,
  reportId: string,
  db: DbClient = defaultDb,
  now = new Date(),
): Promise<PresentUser[]> {
  await assertCan(actor, "report.view", await reportOrg(db, reportId), db);
  await db.reportPresence.upsert({
    where: { reportId_userId: { reportId, userId: actor.userId } },
    create: { reportId, userId: actor.userId, lastSeenAt: now },
    update: { lastSeenAt: now },
  });
  const others = await db.reportPresence.findMany({
    where: {
      reportId,
      userId: { not: actor.userId },
      lastSeenAt: { gte: new Date(now.getTime() - PRESENCE_WINDOW_MS) },
    },
    select: { userId: true, lastSeenAt: true },
    orderBy: { lastSeenAt: "desc" },
  });
  const users = await db.user.findMany({
    where: { id: { in: others.map((o) => o.userId) } },
    select: { id: true, displayName: true },
  });
  return others.map((o) => ({
    userId: o.userId,
    displayName: users.find((u) => u.id === o.userId)?.displayName ?? "其他用户",
    lastSeenAt: o.lastSeenAt.toISOString(),
  }));
}

/** The actor closed the editor. */
export async function leavePresence(actor: Actor, reportId: string, db: DbClient = defaultDb): Promise<void> {
  await assertCan(actor, "report.view", await reportOrg(db, reportId), db);
  await db.reportPresence.deleteMany({ where: { reportId, userId: actor.userId } });
}
