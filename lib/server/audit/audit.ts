import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "../auth/actor";
import type { Db } from "../platform/db";

type Tx = Db | Prisma.TransactionClient;

export interface AuditEntry {
  actorId?: string | null;
  actorName?: string;
  action: string;
  orgId?: string | null;
  targetType?: string;
  targetId?: string;
  summary: string;
  ip?: string;
  data?: Prisma.InputJsonValue;
  /** When it happened, if not now: a workflow step run with an explicit clock (the demo world's history). */
  at?: Date;
}

/** The request's client IP when there is a request (actions, routes); "" in the CLI, scripts and tests. */
async function requestIp(): Promise<string> {
  try {
    const { clientIp } = await import("../platform/request");
    return await clientIp();
  } catch {
    return "";
  }
}

/**
 * Append to the audit trail (never pruned). Call inside the transaction of the change it records. The IP is
 * taken from the current request unless the caller passes one.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(entry, entry.ip || (await requestIp())) });
}

/** The stored row of an entry: every writer of the trail fills the columns the same way. */
function auditRow(entry: AuditEntry, ip: string) {
  return {
    actorId: entry.actorId ?? null,
    actorName: entry.actorName ?? "",
    action: entry.action,
    orgId: entry.orgId ?? null,
    targetType: entry.targetType ?? "",
    targetId: entry.targetId ?? "",
    summary: entry.summary,
    ip,
    data: entry.data,
    ...(entry.at ? { at: entry.at } : {}),
  };
}

/**
 * The audit row of `entry` as `INSERT … SELECT … FROM <source>`, for a change written by the same statement: the
 * caller's CTE `source` yields a row exactly when the change was made, so the row exists exactly then (one
 * statement, no interactive transaction). The entry carries its own time and IP: there is no request to ask here.
 */
export function auditInsertFrom(
  source: Prisma.Sql,
  entry: AuditEntry & { at: Date; ip: string },
): Prisma.Sql {
  const row = auditRow(entry, entry.ip);
  const data = row.data === undefined ? null : JSON.stringify(row.data);
  return Prisma.sql`
    INSERT INTO "AuditEvent" (at, "actorId", "actorName", action, "orgId", "targetType", "targetId", summary, ip, data)
    SELECT ${entry.at}, ${row.actorId}, ${row.actorName}, ${row.action}, ${row.orgId}, ${row.targetType},
           ${row.targetId}, ${row.summary}, ${row.ip}, ${data}::jsonb
      FROM ${source}`;
}

/** The client IP an action passes to a write, for its audit row; "" when there is none (CLI, scripts, tests). */
export interface WithIp {
  ip?: string;
}

/** The audit entry's actor fields for a write done by `actor`. */
export const auditActor = (actor: Actor, input: WithIp) => ({
  actorId: actor.userId,
  actorName: actor.username,
  ip: input.ip ?? "",
});
