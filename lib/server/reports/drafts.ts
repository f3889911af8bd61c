import "server-only";
import { z } from "zod";
import { describeChanges, diffReports } from "@/lib/domain/diff";
import { sameDraft } from "@/lib/domain/draft-equality";
import { explanationSchema, parseExplanations, type Explanation } from "@/lib/domain/explanations";
import { isContentEditable } from "@/lib/domain/workflow/workflow";
import { REPORT_STATUS_LABELS } from "@/lib/domain/workflow/report-status";
import {
  jsonBytes,
  MAX_REPORT_JSON_BYTES,
  parseReport,
  REPORT_TOO_LARGE,
  reportSchema,
  type Report,
} from "@/lib/domain/report-schema";
import { computeTotals } from "@/lib/domain/totals";
import type { LatestDraft, SavedDraft } from "@/lib/domain/views/drafts";
import { fail } from "../platform/action";
import { Prisma } from "@/lib/generated/prisma/client";
import { auditActor, auditInsertFrom, type WithIp } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { assertCan, NOT_FOUND_MESSAGE, type DbClient } from "../auth/authorize";
import { db as defaultDb, type Db } from "../platform/db";

// Saving the editor's draft: one conditional UPDATE on the version the editor started from (a save made on an
// old version is refused with CONFLICT, never written over the newer one), an audit row per save, and the
// latest version for the editor's conflict view. Totals are recomputed here: the editor never types them.

export const saveDraftSchema = z
  .object({
    reportId: z.string().min(1).max(60),
    expectedVersion: z.number().int().min(1),
    content: reportSchema,
    explanations: z.array(explanationSchema).max(500),
    autosave: z.boolean().default(false),
  })
  .refine((d) => jsonBytes({ content: d.content, explanations: d.explanations }) <= MAX_REPORT_JSON_BYTES, {
    message: REPORT_TOO_LARGE,
    path: ["content"],
  });
export type SaveDraftInput = z.input<typeof saveDraftSchema>;

const explanationText = (e: Explanation) =>
  `${e.ruleId}|${e.cells.join(",")}|${e.values.map(String).join(",")}|${e.text}`;

/** Explanations keep their author and time unless their text or subject changed in this save. */
function stampExplanations(
  sent: Explanation[],
  stored: Explanation[],
  actor: Actor,
  at: string,
): Explanation[] {
  const known = new Map(stored.map((e) => [explanationText(e), e]));
  return sent.map((e) => known.get(explanationText(e)) ?? { ...e, by: actor.userId, at });
}

function conflictMessage(status: keyof typeof REPORT_STATUS_LABELS, version: number): string {
  if (!isContentEditable(status)) {
    return `该年报当前状态为「${REPORT_STATUS_LABELS[status]}」，不能再修改。您的修改仍保留在本机。`;
  }
  return `该年报已被他人保存为第${version}版，您的修改尚未保存。请在对比后逐项选择保留的内容。`;
}

function changeSummary(before: Report, after: Report) {
  const diff = diffReports(before, after);
  const lines = describeChanges(diff);
  return { lines: lines.slice(0, 50), cells: diff.cells.length, total: lines.length };
}

/**
 * Saves the draft the editor started from `expectedVersion`. Reads the row and checks the actor, then writes the
 * new version and its audit row in ONE statement whose UPDATE only matches the version read: a save that lost a
 * race finds no row and is refused with CONFLICT, a crash leaves the previous version, and the audit row exists
 * exactly when the version does — with no interactive transaction (two round trips fewer on the editor's most
 * frequent request).
 */
export async function saveReportDraft(
  actor: Actor,
  input: z.output<typeof saveDraftSchema> & WithIp,
  db: Db = defaultDb,
  now = new Date(),
): Promise<SavedDraft> {
  const savedAt = now.toISOString();
  const row = await db.report.findUnique({ where: { id: input.reportId } });
  if (!row) return fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  await assertCan(actor, "report.edit", row.orgId, db);
  if (row.version !== input.expectedVersion || !isContentEditable(row.status)) {
    return fail("CONFLICT", conflictMessage(row.status, row.version));
  }
  const before = parseReport(row.content);
  const content: Report = {
    ...input.content,
    meta: { ...input.content.meta, year: row.year },
    tables: computeTotals(input.content.tables),
  };
  const stored = parseExplanations(row.explanations);
  const explanations = stampExplanations(input.explanations, stored, actor, savedAt);
  if (sameDraft({ content, explanations }, { content: before, explanations: stored })) {
    return { version: row.version, savedAt: row.updatedAt.toISOString(), changed: false };
  }
  const changes = changeSummary(before, content);
  const version = row.version + 1;
  const written = await db.$queryRaw<{ id: bigint }[]>`
    WITH saved AS (
      UPDATE "Report"
         SET content = ${JSON.stringify(content)}::jsonb, explanations = ${JSON.stringify(explanations)}::jsonb,
             version = version + 1, "lastEditedById" = ${actor.userId}, "updatedAt" = ${now}
       WHERE id = ${row.id} AND version = ${row.version} AND status = ${row.status}::"ReportStatus"
      RETURNING id
    )
    ${auditInsertFrom(Prisma.sql`saved`, {
      ...auditActor(actor, input),
      at: now,
      action: "report.save",
      orgId: row.orgId,
      targetType: "report",
      targetId: row.id,
      summary: `${input.autosave ? "自动保存" : "保存"}${row.year}年度报告草稿（第${version}版）：${changes.total}处修改`,
      data: { version, autosave: input.autosave, changes: changes.lines, explanations: explanations.length },
    })}
    RETURNING id`;
  if (written.length !== 1) return fail("CONFLICT", conflictMessage(row.status, version));
  return { version, savedAt, changed: true };
}

/** The stored draft as it is now, for the editor's conflict view. */
export async function getLatestDraft(
  actor: Actor,
  reportId: string,
  db: DbClient = defaultDb,
): Promise<LatestDraft> {
  const row = await db.report.findUnique({ where: { id: reportId } });
  if (!row) return fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  await assertCan(actor, "report.view", row.orgId, db);
  const editor = row.lastEditedById
    ? await db.user.findUnique({ where: { id: row.lastEditedById }, select: { displayName: true } })
    : null;
  return {
    version: row.version,
    status: row.status,
    statusLabel: REPORT_STATUS_LABELS[row.status],
    isEditable: isContentEditable(row.status),
    content: parseReport(row.content),
    explanations: parseExplanations(row.explanations),
    lastEditedBy: editor?.displayName ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
