import "server-only";
import { withPublicationDates } from "@/lib/domain/calendar/publication-dates";
import type { ReportPosition, WorkflowEffect } from "@/lib/domain/workflow/workflow";
import { reportStatusLabel } from "@/lib/domain/workflow/report-status";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fail } from "../platform/action";
import type { DbClient } from "../auth/authorize";
import { writeEdition } from "../reports/editions";
import { checkSubject, type WorkflowSubject } from "./subject";

// Carrying out a decided transition: the one conditional UPDATE that moves the report (it fails with CONFLICT when
// anyone changed the report since it was read), then the effects the decision asked for, in the same transaction.

type Tx = Prisma.TransactionClient;

export interface EffectResult {
  editionNumber?: number;
}

/** The report's own columns that the effects change, beside status, step and version. */
function reportDataOf(
  effects: readonly WorkflowEffect[],
  actorId: string,
): Prisma.ReportUpdateManyMutationInput {
  const data: Prisma.ReportUpdateManyMutationInput = {};
  for (const effect of effects) {
    if (effect.type === "recordSubmission") data.submittedById = actorId;
    if (effect.type === "schedulePublication") {
      Object.assign(data, {
        scheduledPublishAt: effect.at,
        scheduledById: actorId,
        scheduledChangeNote: effect.changeNote,
      });
    }
    if (effect.type === "clearSchedule") {
      Object.assign(data, { scheduledPublishAt: null, scheduledById: null, scheduledChangeNote: null });
    }
  }
  return data;
}

/** Check-and-write: moves the report only if status, step and version are still those the decision saw. */
export async function moveReport(
  tx: DbClient,
  subject: WorkflowSubject,
  next: ReportPosition,
  data: Prisma.ReportUpdateManyMutationInput,
): Promise<void> {
  const { count } = await tx.report.updateMany({
    where: {
      id: subject.id,
      status: subject.status,
      reviewStep: subject.reviewStep,
      version: subject.version,
    },
    data: { ...data, status: next.status, reviewStep: next.reviewStep, version: { increment: 1 } },
  });
  if (count === 1) return;
  const now = await tx.report.findUnique({
    where: { id: subject.id },
    select: { status: true, reviewStep: true },
  });
  fail("CONFLICT", conflictMessage(subject, now));
}

export function conflictMessage(
  subject: Pick<WorkflowSubject, "chain">,
  current: { status: WorkflowSubject["status"]; reviewStep: number } | null,
): string {
  if (!current) return "该年报已不存在。";
  const label = reportStatusLabel({ ...current, chain: subject.chain });
  return `操作未执行：该年报刚刚已被他人处理或修改，当前状态为「${label}」。请刷新页面查看最新情况。`;
}

/** Moves the report, then carries out the decision's effects; returns the new edition's number if any. */
export async function carryOut(
  tx: Tx,
  subject: WorkflowSubject,
  decision: { next: ReportPosition; effects: WorkflowEffect[] },
  actorId: string,
  now: Date,
): Promise<EffectResult> {
  await moveReport(tx, subject, decision.next, reportDataOf(decision.effects, actorId));
  let result: EffectResult = {};
  for (const effect of decision.effects) {
    if (effect.type === "recordSubmission") await snapshotSubmission(tx, subject, actorId, now);
    if (effect.type === "addRemark") await addWorkflowRemark(tx, subject.id, actorId, effect.body, now);
    if (effect.type === "withdrawEdition") await withdrawEditions(tx, subject, effect.note, now);
    if (effect.type === "createEdition") {
      const edition = await publishEdition(tx, subject, {
        publishedById: actorId,
        changeNote: effect.changeNote,
        isUnreviewed: effect.isUnreviewed,
        unreviewedReason: effect.reason,
        now,
      });
      result = { editionNumber: edition.number };
    }
  }
  return result;
}

async function snapshotSubmission(tx: Tx, subject: WorkflowSubject, actorId: string, now: Date) {
  await tx.reportRevision.create({
    data: {
      reportId: subject.id,
      kind: "submission",
      content: subject.content as unknown as Prisma.InputJsonValue,
      createdById: actorId,
      createdAt: now,
    },
  });
}

/** The remark given with a decision (退回 needs one) is a report-level remark like any other. */
async function addWorkflowRemark(tx: Tx, reportId: string, authorId: string, body: string, now: Date) {
  await tx.reportRemark.create({ data: { reportId, anchor: "report", body, authorId, createdAt: now } });
}

/**
 * Withdrawing a publication takes every edition offline; the note is what the public reads instead. Its figures stop
 * being current, so that no 汇总 adds up a report the public can no longer read (ADR 0004); a later publication
 * writes the next edition's figures as current again (writeEdition).
 */
async function withdrawEditions(tx: Tx, subject: WorkflowSubject, note: string, now: Date) {
  await tx.reportEdition.updateMany({
    where: { reportId: subject.id, withdrawnAt: null },
    data: { withdrawnAt: now, withdrawalNote: note },
  });
  await tx.reportFigure.updateMany({
    where: { orgId: subject.orgId, year: subject.year, isCurrent: true },
    data: { isCurrent: false },
  });
}

export interface PublishInput {
  publishedById: string | null;
  changeNote: string | null;
  isUnreviewed: boolean;
  unreviewedReason: string | null;
  now: Date;
}

/** The next immutable edition with the rule engine's findings as of publication, dated (发布日期, 成文日期). */
export async function publishEdition(tx: Tx, subject: WorkflowSubject, input: PublishInput) {
  const findings = await checkSubject(subject, tx, input.now);
  const first = await tx.reportEdition.findFirst({
    where: { reportId: subject.id },
    orderBy: { number: "asc" },
    select: { publishedAt: true },
  });
  return writeEdition(tx, {
    reportId: subject.id,
    orgId: subject.orgId,
    year: subject.year,
    content: withPublicationDates(subject.content, first?.publishedAt ?? input.now),
    findings,
    publishedById: input.publishedById,
    publishedAt: input.now,
    changeNote: input.changeNote,
    isUnreviewed: input.isUnreviewed,
    unreviewedReason: input.unreviewedReason,
  });
}
