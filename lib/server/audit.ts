import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "./db";

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
}

/** Append to the audit trail (never pruned). Call inside the transaction of the change it records. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId ?? null,
      actorName: entry.actorName ?? "",
      action: entry.action,
      orgId: entry.orgId ?? null,
      targetType: entry.targetType ?? "",
      targetId: entry.targetId ?? "",
      summary: entry.summary,
      ip: entry.ip ?? "",
      data: entry.data,
    },
  });
}
