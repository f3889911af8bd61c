// Scheduled publication: set with four-eyes, carried out by the poller's publishDueReports, exactly once even
// when several application instances (separate database clients here) poll at the same moment.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/server/platform/db";
import { internalToken, isInternalToken } from "@/lib/server/platform/internal-token";
import { parseEnv } from "@/lib/server/platform/env";
import { publishDueReports } from "@/lib/server/workflow/scheduler";
import { setupTestDb } from "../setup/test-db";
import { buildWorkflowWorld, createReport, workflowOn, type WorkflowWorld } from "./workflow-world";

const t = setupTestDb();
let w: WorkflowWorld;
const instances: Db[] = [];
beforeAll(async () => {
  w = await buildWorkflowWorld(t.db);
  instances.push(createDb(t.url), createDb(t.url), createDb(t.url));
});
afterAll(async () => {
  await Promise.all(instances.map((db) => db.$disconnect()));
});

/**
 * Three application instances: separate clients on a PostgreSQL server. The embedded PGlite serves one session at
 * a time and cannot interleave several clients' statements, so there the instances share the test's client.
 */
const pollers = () => (inject("testDb") === "postgres" ? instances : [t.db, t.db, t.db]);

const { submit, approve, schedule, cancel, returnReport } = workflowOn(t);

const NOW = new Date("2026-01-20T09:00:00+08:00");
const AT = new Date("2026-01-21T09:00:00+08:00");

async function approvedReport(year: number) {
  const report = await createReport(t.db, {
    orgId: w.orgs.gangcheng.id,
    editorId: w.actors.editor.userId,
    year,
  });
  await submit(w.actors.editor, { reportId: report.id });
  await approve(w.actors.reviewer, { reportId: report.id });
  await approve(w.actors.signer, { reportId: report.id });
  return report;
}

describe("scheduling", () => {
  it("needs a time in the future and someone other than the author", async () => {
    const report = await approvedReport(2025);
    await expect(
      schedule(w.actors.editor, { reportId: report.id, publishAt: AT, now: NOW }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      schedule(w.actors.signer, { reportId: report.id, publishAt: NOW, now: NOW }),
    ).rejects.toMatchObject({
      fieldErrors: { publishAt: "定时发布时间须晚于当前时间" },
    });
    await schedule(w.actors.signer, { reportId: report.id, publishAt: AT, now: NOW });
    expect(await t.db.report.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      status: "APPROVED",
      scheduledPublishAt: AT,
      scheduledById: w.actors.signer.userId,
    });
    await cancel(w.actors.reviewer, { reportId: report.id });
    expect((await t.db.report.findUniqueOrThrow({ where: { id: report.id } })).scheduledPublishAt).toBeNull();
  });

  it("is cleared when the 政务公开办 returns the approved report", async () => {
    const report = await approvedReport(2026);
    await schedule(w.actors.signer, { reportId: report.id, publishAt: AT, now: NOW });
    await returnReport(w.actors.supervisor, { reportId: report.id, remark: "请先核对表三" });
    expect(await publishDueReports(t.db, new Date(AT.getTime() + 1000))).toEqual([]);
    expect(await t.db.report.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      status: "RETURNED",
      scheduledPublishAt: null,
    });
  });
});

describe("the poller", () => {
  it("publishes nothing before the time, then exactly once when three instances poll at the same moment", async () => {
    const report = await approvedReport(2027);
    await schedule(w.actors.signer, { reportId: report.id, publishAt: AT, now: NOW });
    expect(await publishDueReports(t.db, new Date(AT.getTime() - 1000))).toEqual([]);

    const after = new Date(AT.getTime() + 5000);
    const runs = await Promise.all(pollers().map((db) => publishDueReports(db, after)));
    expect(runs.flat()).toHaveLength(1);
    expect(runs.flat()[0]).toMatchObject({ reportId: report.id, year: 2027, editionNumber: 1 });

    const editions = await t.db.reportEdition.findMany({ where: { reportId: report.id } });
    expect(editions).toHaveLength(1);
    expect(editions[0]).toMatchObject({ publishedById: w.actors.signer.userId, publishedAt: after });
    expect(await t.db.report.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      status: "PUBLISHED",
      scheduledPublishAt: null,
    });
    const audits = await t.db.auditEvent.findMany({
      where: { targetId: report.id, action: "report.scheduledPublish" },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: w.actors.signer.userId, ip: "系统定时任务" });
    expect(await publishDueReports(t.db, after)).toEqual([]);
  });

  it("polls every 30 seconds unless configured, 0 turns it off, and a bad interval stops the start", () => {
    const interval = (value?: string) =>
      parseEnv({ DATABASE_URL: "postgresql://u@h/db", NIANBAO_SCHEDULER_INTERVAL_MS: value })
        .NIANBAO_SCHEDULER_INTERVAL_MS;
    expect(interval(undefined)).toBe(30_000);
    expect(interval("5000")).toBe(5000);
    expect(interval("0")).toBe(0);
    expect(() => interval("soon")).toThrow(/NIANBAO_SCHEDULER_INTERVAL_MS/);
  });
});

describe("the internal revalidation token", () => {
  it("accepts only this process's own token", () => {
    expect(isInternalToken(null)).toBe(false);
    const token = internalToken();
    expect(isInternalToken(token)).toBe(true);
    expect(isInternalToken("0".repeat(token.length))).toBe(false);
    expect(isInternalToken("guess")).toBe(false);
  });
});
