import "server-only";
import type { DbClient } from "../auth/authorize";
import type { Db } from "../platform/db";

// The static-site outbox (docs/decisions/0020-static-publication.md). Whoever changes what the public sees calls
// recordSiteChange inside the same transaction: the row and the notification exist exactly when the change
// commits. A site worker claims rows (FOR UPDATE SKIP LOCKED: one instance per row), writes the files, marks them
// done; a claim not finished within CLAIM_LEASE_SECONDS (the instance died mid-write) is claimed again.

/** NOTIFY channel on which every instance hears that public data changed (payload: PublicChangeMessage). */
export const PUBLIC_CHANNEL = "nianbao_public";
export const CLAIM_LEASE_SECONDS = 30;

export type SiteChangeReason =
  | "publish"
  | "scheduledPublish"
  | "correct"
  | "withdraw"
  | "reviewAfter"
  | "orgUpdate"
  | "orgMove"
  | "rebuild"
  /** The date changed (midnight in China): the pages that show a status relative to today. */
  | "date";

export interface SiteChangeInput {
  orgId: string | null;
  year?: number | null;
  staleSlug?: string | null;
  reason: SiteChangeReason;
}

export interface PublicChangeMessage {
  orgSlug: string | null;
  year: number | null;
}

export interface ClaimedChange {
  id: bigint;
  orgId: string | null;
  year: number | null;
  staleSlug: string | null;
  reason: string;
}

/** Records a change in the caller's transaction; the NOTIFY is delivered to listeners when it commits. */
export async function recordSiteChange(tx: DbClient, input: SiteChangeInput): Promise<void> {
  await tx.siteChange.create({
    data: {
      orgId: input.orgId,
      year: input.year ?? null,
      staleSlug: input.staleSlug ?? null,
      reason: input.reason,
    },
  });
  const org = input.orgId
    ? await tx.organization.findUnique({ where: { id: input.orgId }, select: { slug: true } })
    : null;
  const message: PublicChangeMessage = { orgSlug: org?.slug ?? null, year: input.year ?? null };
  await tx.$executeRaw`SELECT pg_notify(${PUBLIC_CHANNEL}, ${JSON.stringify(message)})`;
}

/**
 * Claims up to `limit` open changes for `worker`: rows no one holds, or whose holder's lease ran out. Rows
 * another instance is claiming at this moment are skipped, not waited for.
 */
export async function claimSiteChanges(db: DbClient, worker: string, limit = 100): Promise<ClaimedChange[]> {
  return db.$queryRaw<ClaimedChange[]>`
    UPDATE "SiteChange" SET "claimedAt" = now(), "claimedBy" = ${worker}
    WHERE id IN (
      SELECT id FROM "SiteChange"
      WHERE "doneAt" IS NULL
        AND ("claimedAt" IS NULL OR "claimedAt" < now() - make_interval(secs => ${CLAIM_LEASE_SECONDS}))
      ORDER BY id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "orgId", year, "staleSlug", reason`;
}

/** Marks claimed rows done (only while this worker still holds them). */
export async function completeSiteChanges(db: DbClient, worker: string, ids: bigint[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await db.siteChange.updateMany({
    where: { id: { in: ids }, claimedBy: worker, doneAt: null },
    data: { doneAt: new Date() },
  });
  return count;
}

/** Gives claimed rows back at once (a write failed): the next drain retries them without waiting for the lease. */
export async function releaseSiteChanges(db: DbClient, worker: string, ids: bigint[]): Promise<void> {
  if (ids.length === 0) return;
  await db.siteChange.updateMany({
    where: { id: { in: ids }, claimedBy: worker, doneAt: null },
    data: { claimedAt: null, claimedBy: null },
  });
}

const DATE_CHANGE_LOCK = 7_412_001;

/**
 * Records that the date changed, once for all instances: every instance's worker calls this after midnight, and
 * only the first inserts (a row for the same midnight already there, open or done, stops the others).
 */
export async function recordDateChange(db: Db, midnight: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // Instances waking together queue on this lock; each then sees whether one before it inserted.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DATE_CHANGE_LOCK})`;
    const inserted = await tx.$executeRaw`
      INSERT INTO "SiteChange" ("orgId", year, reason)
      SELECT NULL, NULL, 'date'
      WHERE NOT EXISTS (SELECT 1 FROM "SiteChange" WHERE reason = 'date' AND "createdAt" >= ${midnight})`;
    return inserted > 0;
  });
}

export async function openSiteChangeCount(db: DbClient): Promise<number> {
  return db.siteChange.count({ where: { doneAt: null } });
}
