import "server-only";
import { explanationKey, type Explanation } from "@/lib/domain/explanations";
import type { Report } from "@/lib/domain/report-schema";
import { checkReport } from "@/lib/domain/rules/check-report";
import type { Db } from "../platform/db";
import { addRemark } from "../reports/remarks";
import { createReport } from "../reports/create";
import { saveReportDraft } from "../reports/drafts";
import {
  approveReport,
  publishReport,
  reopenReport,
  schedulePublication,
  submitReport,
  withdrawPublication,
} from "../workflow/workflow";
import { getLastYearsContent } from "../workflow/subject";
import { DAY, HOUR, onTimePublication, type DemoBody, type Story } from "./stories";

// Tells the demo world's stories (./stories.ts). Every report is written through the app's own write paths
// (create, save, submit, approve, publish, correct, withdraw, schedule, remark) with the clock of its story, so
// editions, history and audit rows are the real thing.

interface Ctx {
  db: Db;
  body: DemoBody;
  year: number;
  content: Report;
  now: Date;
}

/**
 * The author's written confirmations of the warnings the content draws (the standard sentences repeat last year's
 * wording, TXT-CARRIED-OVER): what an editor does before submitting.
 */
async function confirmationsOf(c: Ctx, content: Report, at: Date): Promise<Explanation[]> {
  const previous = await getLastYearsContent({ orgId: c.body.orgId, year: c.year }, c.db);
  return checkReport(content, { previous, stage: "submit" })
    .filter((f) => f.severity === "warning")
    .map((f) => ({
      ...explanationKey(f, content.tables),
      text: "已核实：沿用上年表述的句式，数字均为本年数据。",
      by: c.body.editor.userId,
      at: at.toISOString(),
    }));
}

async function createAndSave(c: Ctx, at: Date): Promise<string> {
  const { id } = await createReport(
    c.body.editor,
    { source: "template", orgId: c.body.orgId, year: c.year },
    c.db,
    at,
  );
  await saveReportDraft(
    c.body.editor,
    {
      reportId: id,
      expectedVersion: 1,
      content: c.content,
      explanations: await confirmationsOf(c, c.content, at),
      autosave: false,
    },
    c.db,
    new Date(at.getTime() + HOUR),
  );
  return id;
}

async function submitAndApprove(c: Ctx, reportId: string, approvedBy: Date): Promise<void> {
  const steps = c.body.approvers.length;
  await submitReport(
    c.body.editor,
    { reportId, now: new Date(approvedBy.getTime() - (steps + 1) * DAY) },
    c.db,
  );
  for (const [i, approver] of c.body.approvers.entries()) {
    const now = new Date(approvedBy.getTime() - (steps - i) * DAY);
    await approveReport(
      approver,
      { reportId, remark: i === 0 ? "数据核对无误，同意。" : "同意发布。", now },
      c.db,
    );
  }
}

/** The last approver publishes (never the editor: four-eyes). */
async function publishStory(c: Ctx, publishAt: Date, content = c.content): Promise<string> {
  const ctx = { ...c, content };
  const id = await createAndSave(ctx, new Date(publishAt.getTime() - 10 * DAY));
  await submitAndApprove(ctx, id, publishAt);
  await publishReport(c.body.approvers.at(-1)!, { reportId: id, now: publishAt }, c.db);
  return id;
}

async function versionOf(db: Db, reportId: string): Promise<number> {
  return (await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { version: true } })).version;
}

/** 更正: edition 1 carries a typo in 行政强制 (a figure the prose does not quote); edition 2 corrects it. */
async function correctedStory(c: Ctx, correctAt: Date): Promise<void> {
  const right = c.content.tables.t2.enforcement.decisions ?? 0;
  const wrong = right + 10;
  const typo: Report = {
    ...c.content,
    tables: { ...c.content.tables, t2: { ...c.content.tables.t2, enforcement: { decisions: wrong } } },
  };
  const id = await publishStory(c, onTimePublication(c.body, c.year), typo);
  await reopenReport(c.body.editor, { reportId: id, now: new Date(correctAt.getTime() - 3 * DAY) }, c.db);
  await saveReportDraft(
    c.body.editor,
    {
      reportId: id,
      expectedVersion: await versionOf(c.db, id),
      content: c.content,
      explanations: await confirmationsOf(c, c.content, correctAt),
      autosave: false,
    },
    c.db,
    new Date(correctAt.getTime() - 3 * DAY + HOUR),
  );
  await submitAndApprove(c, id, correctAt);
  const changeNote = `表二“行政强制”本年处理决定数量误填为${wrong}件，应为${right}件，现予更正。`;
  await publishReport(c.body.approvers.at(-1)!, { reportId: id, changeNote, now: correctAt }, c.db);
}

async function withdrawnStory(c: Ctx, story: Extract<Story, { kind: "withdrawn" }>): Promise<void> {
  const id = await publishStory(c, onTimePublication(c.body, c.year));
  await withdrawPublication(
    c.body.supervisor,
    { reportId: id, reason: story.note, now: new Date(story.withdrawAt) },
    c.db,
  );
}

async function inReviewStory(c: Ctx, story: Extract<Story, { kind: "inReview" }>): Promise<void> {
  const id = await createAndSave(c, new Date(c.now.getTime() - 3 * DAY));
  await submitReport(c.body.editor, { reportId: id, now: new Date(c.now.getTime() - DAY) }, c.db);
  await addRemark(c.body.approvers[0]!, { reportId: id, ...story.remark }, c.db);
}

/** Approved and scheduled for the 10th of January after the year (or a week from now, whichever is later). */
async function scheduledStory(c: Ctx): Promise<void> {
  const id = await createAndSave(c, new Date(c.now.getTime() - 6 * DAY));
  await submitAndApprove(c, id, new Date(c.now.getTime() - DAY));
  const planned = new Date(`${c.year + 1}-01-10T09:00:00+08:00`);
  const publishAt = new Date(Math.max(planned.getTime(), c.now.getTime() + 7 * DAY));
  await schedulePublication(c.body.approvers.at(-1)!, { reportId: id, publishAt, now: c.now }, c.db);
}

/** Tells the story of one report; the imported anchor is the caller's (it has its own path). */
export async function tellStory(c: Ctx, story: Story): Promise<void> {
  switch (story.kind) {
    case "published":
      await publishStory(c, onTimePublication(c.body, c.year));
      return;
    case "late":
      await publishStory(c, new Date(story.publishAt));
      return;
    case "corrected":
      return correctedStory(c, new Date(story.correctAt));
    case "withdrawn":
      return withdrawnStory(c, story);
    case "draft":
      await createAndSave(c, new Date(onTimePublication(c.body, c.year).getTime() - 20 * DAY));
      return;
    case "inReview":
      return inReviewStory(c, story);
    case "scheduled":
      return scheduledStory(c);
    case "imported":
      throw new Error("导入的报告由调用方写入");
  }
}
