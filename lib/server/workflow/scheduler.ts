import "server-only";
import { formatDateTimeZh } from "@/lib/domain/dates";
import { ActionError } from "../platform/action";
import { recordAudit } from "../audit/audit";
import { db as defaultDb, type Db } from "../platform/db";
import { recordSiteChange } from "../site/outbox";
import { moveReport, publishEdition } from "./effects";
import { loadWorkflowSubject } from "./subject";

// Scheduled publication. The decision to publish was taken (with four-eyes) when it was scheduled; here the server
// carries it out once the time has come. Safe with several application instances polling the same database: the
// publish is the same conditional UPDATE as any transition, so exactly one instance's transaction moves the report
// and writes the edition; the others find the report changed and leave it.

export interface ScheduledPublication {
  reportId: string;
  orgSlug: string;
  year: number;
  editionNumber: number;
}

/** Publishes every approved report whose scheduled time has passed; returns those this call published. */
export async function publishDueReports(
  db: Db = defaultDb,
  now = new Date(),
): Promise<ScheduledPublication[]> {
  const due = await db.report.findMany({
    where: { status: "APPROVED", scheduledPublishAt: { lte: now } },
    select: { id: true },
    orderBy: { scheduledPublishAt: "asc" },
  });
  const published: ScheduledPublication[] = [];
  for (const { id } of due) {
    const done = await publishIfStillDue(db, id, now);
    if (done) published.push(done);
  }
  return published;
}

async function publishIfStillDue(db: Db, reportId: string, now: Date): Promise<ScheduledPublication | null> {
  try {
    return await db.$transaction(async (tx) => {
      const subject = await loadWorkflowSubject(reportId, tx);
      const at = subject?.scheduledPublishAt;
      if (!subject || subject.status !== "APPROVED" || !at || at > now) return null;
      await moveReport(
        tx,
        subject,
        { status: "PUBLISHED", reviewStep: 0 },
        { scheduledPublishAt: null, scheduledById: null, scheduledChangeNote: null },
      );
      const edition = await publishEdition(tx, subject, {
        publishedById: subject.scheduledById,
        changeNote: subject.hasEditions ? subject.scheduledChangeNote : null,
        isUnreviewed: false,
        unreviewedReason: null,
        now,
      });
      const scheduler = subject.scheduledById
        ? await tx.user.findUnique({ where: { id: subject.scheduledById } })
        : null;
      await recordAudit(tx, {
        actorId: subject.scheduledById,
        actorName: scheduler?.username ?? "",
        action: "report.scheduledPublish",
        orgId: subject.orgId,
        targetType: "report",
        targetId: subject.id,
        ip: "系统定时任务",
        summary: `按计划于 ${formatDateTimeZh(at)} 定时发布第${edition.number}版${edition.changeNote ? `（更正：${edition.changeNote}）` : ""}`,
        data: { year: subject.year, editionNumber: edition.number },
      });
      await recordSiteChange(tx, { orgId: subject.orgId, year: subject.year, reason: "scheduledPublish" });
      return { reportId, orgSlug: subject.orgSlug, year: subject.year, editionNumber: edition.number };
    });
  } catch (err) {
    // Another instance (or a person) acted on the report first: nothing left to do here.
    if (err instanceof ActionError && err.code === "CONFLICT") return null;
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

/** Two instances racing on PGlite or with a stale read may meet at the edition's unique (report, number). */
function isUniqueViolation(err: unknown): boolean {
  return (
    typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "P2002"
  );
}
