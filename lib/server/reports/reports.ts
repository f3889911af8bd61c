import "server-only";
import { parseReport, type Report } from "@/lib/domain/report-schema";
import { fail } from "../platform/action";
import type { Actor } from "../auth/actor";
import { assertCan, NOT_FOUND_MESSAGE, type DbClient } from "../auth/authorize";
import { db as defaultDb } from "../platform/db";

// Reading a report (draft) for a signed-in actor. Writes live with the editor and the workflow.

export interface LoadedReport {
  id: string;
  orgId: string;
  orgName: string;
  orgSlug: string;
  year: number;
  status: import("@/lib/generated/prisma/client").ReportStatus;
  reviewStep: number;
  version: number;
  content: Report;
  explanations: unknown;
  submittedById: string | null;
  lastEditedById: string | null;
  scheduledPublishAt: Date | null;
  updatedAt: Date;
}

/** The report if the actor may view it; NOT_FOUND otherwise (another body's draft does not exist for them). */
export async function getReportForActor(
  actor: Actor,
  reportId: string,
  db: DbClient = defaultDb,
): Promise<LoadedReport> {
  const row = await db.report.findUnique({ where: { id: reportId }, include: { org: true } });
  if (!row) return fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  await assertCan(actor, "report.view", row.orgId, db);
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.org.name,
    orgSlug: row.org.slug,
    year: row.year,
    status: row.status,
    reviewStep: row.reviewStep,
    version: row.version,
    content: parseReport(row.content),
    explanations: row.explanations,
    submittedById: row.submittedById,
    lastEditedById: row.lastEditedById,
    scheduledPublishAt: row.scheduledPublishAt,
    updatedAt: row.updatedAt,
  };
}
