// The workflow's transitions against a real database: the submit gate, the chain steps, four-eyes, forged ids,
// audit rows and submission snapshots. Publication, corrections and withdrawal are in workflow-publish.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { explanationKey } from "@/lib/domain/explanations";
import { checkReport } from "@/lib/domain/rules/check-report";
import { filledReport, t2, t3 } from "@/tests/builders/report-builders";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { addRemark } from "@/lib/server/reports/remarks";
import * as workflow from "@/lib/server/workflow/workflow";
import { getWorkflowBarState } from "@/lib/server/workflow/review";
import { moveReport } from "@/lib/server/workflow/effects";
import { loadWorkflowSubject } from "@/lib/server/workflow/subject";
import { setupTestDb } from "../setup/test-db";
import { buildWorkflowWorld, createReport, editReport, type WorkflowWorld } from "./workflow-world";

const t = setupTestDb();
let w: WorkflowWorld;

beforeAll(async () => {
  w = await buildWorkflowWorld(t.db);
});

type Command = workflow.TransitionCommand;
const submitReport = (a: Actor, c: Command) => workflow.submitReport(a, c, t.db);
const withdrawSubmission = (a: Actor, c: Command) => workflow.withdrawSubmission(a, c, t.db);
const approveReport = (a: Actor, c: Command) => workflow.approveReport(a, c, t.db);
const returnReport = (a: Actor, c: Command) => workflow.returnReport(a, c, t.db);

let nextYear = 2030;
const reload = (id: string) => t.db.report.findUniqueOrThrow({ where: { id } });
const newReport = (
  orgKey: "gangcheng" | "jinxiu" | "bailu" = "gangcheng",
  editor: keyof WorkflowWorld["actors"] = "editor",
) => createReport(t.db, { orgId: w.orgs[orgKey].id, editorId: w.actors[editor].userId, year: nextYear++ });

/** A report whose fee looks entered in 元: one warning (T2-FEE-UNIT) and no error. */
const warnedContent = () => filledReport({ year: 2025, cells: [[t2("fees", "amount"), "60000"]] });

describe("submit", () => {
  it("moves a clean draft to 待审核, records the submitter, snapshots the content and audits it", async () => {
    const report = await newReport();
    const result = await submitReport(w.actors.editor, { reportId: report.id, ip: "10.1.1.1" });
    expect(result).toMatchObject({ status: "PENDING", reviewStep: 0 });
    const after = await reload(report.id);
    expect(after).toMatchObject({
      status: "PENDING",
      submittedById: w.actors.editor.userId,
      version: report.version + 1,
    });
    const revisions = await t.db.reportRevision.findMany({ where: { reportId: report.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      kind: "submission",
      content: report.content,
      createdById: w.actors.editor.userId,
    });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { targetId: report.id, action: "report.submit" },
    });
    expect(audit).toMatchObject({
      actorId: w.actors.editor.userId,
      ip: "10.1.1.1",
      orgId: w.orgs.gangcheng.id,
    });
    expect(audit.summary).toContain("提交");
  });

  it("refuses a report with an error, with unexplained warnings or with an empty section", async () => {
    const cases: [string, Prisma.InputJsonValue, RegExp][] = [
      [
        "error",
        filledReport({ year: 2025, cells: [[t3("newReceived", "natural"), null]] }) as never,
        /1 个错误未修正/,
      ],
      ["warnings", warnedContent() as never, /1 个警告未说明/],
      ["empty section", filledReport({ year: 2025, text: { problems: [] } }) as never, /1 个部分未填写/],
    ];
    for (const [, content, message] of cases) {
      const report = await newReport();
      await t.db.report.update({ where: { id: report.id }, data: { content } });
      await expect(submitReport(w.actors.editor, { reportId: report.id })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: expect.stringMatching(message),
      });
      expect((await reload(report.id)).status).toBe("DRAFT");
    }
  });

  it("accepts explained warnings, and asks again once an explained cell's value changes", async () => {
    const report = await newReport();
    const content = warnedContent();
    const explanations = checkReport(content, { stage: "submit" })
      .filter((f) => f.severity === "warning")
      .map((f) => ({
        ...explanationKey(f, content.tables),
        text: "确有此收费，单位万元无误",
        by: w.actors.editor.userId,
        at: new Date().toISOString(),
      }));
    expect(explanations.map((e) => e.ruleId)).toEqual(["T2-FEE-UNIT"]);
    await t.db.report.update({ where: { id: report.id }, data: { content: content as never, explanations } });
    const changed = filledReport({ year: 2025, cells: [[t2("fees", "amount"), "70000"]] });
    await editReport(t.db, report.id, w.actors.editor.userId, changed);
    await expect(submitReport(w.actors.editor, { reportId: report.id })).rejects.toMatchObject({
      message: expect.stringMatching(/警告未说明/),
    });
    await editReport(t.db, report.id, w.actors.editor.userId, content);
    await expect(submitReport(w.actors.editor, { reportId: report.id })).resolves.toMatchObject({
      status: "PENDING",
    });
  });

  it("is refused to a reviewer, and to anyone outside the body as if the report did not exist", async () => {
    const report = await newReport();
    await expect(submitReport(w.actors.reviewer, { reportId: report.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(submitReport(w.actors.outsider, { reportId: report.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(submitReport(w.actors.editor, { reportId: "no-such-report" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("withdraw", () => {
  it("returns the report to draft for its submitter before any review action", async () => {
    const report = await newReport();
    await submitReport(w.actors.editor, { reportId: report.id });
    await expect(withdrawSubmission(w.actors.editor2, { reportId: report.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(withdrawSubmission(w.actors.editor, { reportId: report.id })).resolves.toMatchObject({
      status: "DRAFT",
    });
  });

  it("is refused once a reviewer has remarked", async () => {
    const report = await newReport();
    await submitReport(w.actors.editor, { reportId: report.id });
    await addRemark(
      w.actors.reviewer,
      { reportId: report.id, anchor: "section:problems", body: "请补充整改措施" },
      t.db,
    );
    await expect(withdrawSubmission(w.actors.editor, { reportId: report.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("审核已经开始"),
    });
  });
});

describe("approve and return along the chain", () => {
  it("goes 审核 → 签发 → 已批准 in 钢城街道, each step by its own role", async () => {
    const report = await newReport();
    await submitReport(w.actors.editor, { reportId: report.id });
    await expect(approveReport(w.actors.signer, { reportId: report.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      approveReport(w.actors.reviewer, { reportId: report.id, remark: "数据已核对" }),
    ).resolves.toEqual({ status: "PENDING", reviewStep: 1 });
    await expect(approveReport(w.actors.reviewer2, { reportId: report.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(approveReport(w.actors.signer, { reportId: report.id })).resolves.toEqual({
      status: "APPROVED",
      reviewStep: 0,
    });
    const actions = await t.db.auditEvent.findMany({
      where: { targetId: report.id },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => [a.action, a.actorId])).toEqual([
      ["report.submit", w.actors.editor.userId],
      ["report.approve", w.actors.reviewer.userId],
      ["report.approve", w.actors.signer.userId],
    ]);
    expect(actions[1]!.summary).toBe("审核通过，转签发。意见：数据已核对");
    expect(actions[2]!.summary).toBe("签发，已批准");
    expect(await t.db.reportRemark.count({ where: { reportId: report.id, body: "数据已核对" } })).toBe(1);
  });

  it("goes 审核 → 报审 in 锦绣街道, where the district's 政务公开办 approves or returns", async () => {
    const report = await createReport(t.db, {
      orgId: w.orgs.jinxiu.id,
      editorId: w.actors.jinxiuEditor.userId,
    });
    await submitReport(w.actors.jinxiuEditor, { reportId: report.id });
    await approveReport(w.actors.jinxiuReviewer, { reportId: report.id });
    await expect(approveReport(w.actors.outsiderSupervisor, { reportId: report.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      returnReport(w.actors.supervisor, { reportId: report.id, remark: "  " }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { remark: "退回须填写修改意见" },
    });
    await expect(
      returnReport(w.actors.supervisor, { reportId: report.id, remark: "表三结转数与上年不符" }),
    ).resolves.toMatchObject({ status: "RETURNED" });
    const remark = await t.db.reportRemark.findFirstOrThrow({ where: { reportId: report.id } });
    expect(remark).toMatchObject({
      anchor: "report",
      body: "表三结转数与上年不符",
      authorId: w.actors.supervisor.userId,
    });
    await expect(submitReport(w.actors.jinxiuEditor, { reportId: report.id })).resolves.toMatchObject({
      status: "PENDING",
      reviewStep: 0,
    });
    expect(await t.db.reportRevision.count({ where: { reportId: report.id } })).toBe(2);
  });

  it("lets the district's 政务公开办 approve at the 报审 step, which ends the chain", async () => {
    const report = await createReport(t.db, {
      orgId: w.orgs.jinxiu.id,
      editorId: w.actors.jinxiuEditor.userId,
      year: 2026,
    });
    await submitReport(w.actors.jinxiuEditor, { reportId: report.id });
    await approveReport(w.actors.jinxiuReviewer, { reportId: report.id });
    await expect(approveReport(w.actors.jinxiuReviewer, { reportId: report.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(approveReport(w.actors.supervisor, { reportId: report.id })).resolves.toEqual({
      status: "APPROVED",
      reviewStep: 0,
    });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { targetId: report.id, actorId: w.actors.supervisor.userId },
    });
    expect(audit.summary).toBe("报审通过，已批准");
  });

  it("lets a signer return at the 签发 step, back to the editor", async () => {
    const report = await newReport();
    await submitReport(w.actors.editor, { reportId: report.id });
    await approveReport(w.actors.reviewer, { reportId: report.id });
    await expect(returnReport(w.actors.reviewer, { reportId: report.id, remark: "x" })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    await expect(
      returnReport(w.actors.signer, { reportId: report.id, remark: "第五部分过于简略" }),
    ).resolves.toMatchObject({ status: "RETURNED" });
  });
});

describe("four-eyes", () => {
  it("refuses approval to whoever submitted the report, even holding the reviewer role", async () => {
    const report = await newReport("gangcheng", "editorReviewer");
    await submitReport(w.actors.editorReviewer, { reportId: report.id });
    await expect(approveReport(w.actors.editorReviewer, { reportId: report.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("四眼原则"),
    });
  });

  it("refuses approval to whoever last edited the report, though someone else submitted it", async () => {
    const report = await newReport("gangcheng", "editorReviewer");
    await submitReport(w.actors.editor, { reportId: report.id });
    await expect(approveReport(w.actors.editorReviewer, { reportId: report.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(approveReport(w.actors.reviewer, { reportId: report.id })).resolves.toMatchObject({
      reviewStep: 1,
    });
  });
});

describe("concurrency", () => {
  it("lets exactly one of two reviewers approving at once succeed; the other gets a clear CONFLICT", async () => {
    const report = await createReport(t.db, {
      orgId: w.orgs.gangcheng.id,
      editorId: w.actors.editor.userId,
      year: 2060,
    });
    await submitReport(w.actors.editor, { reportId: report.id });
    const results = await Promise.allSettled([
      approveReport(w.actors.reviewer, { reportId: report.id, expectedVersion: report.version + 1 }),
      approveReport(w.actors.reviewer2, { reportId: report.id, expectedVersion: report.version + 1 }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("待审核（签发）"),
    });
    expect(await reload(report.id)).toMatchObject({
      status: "PENDING",
      reviewStep: 1,
      version: report.version + 2,
    });
    expect(await t.db.auditEvent.count({ where: { targetId: report.id, action: "report.approve" } })).toBe(1);
  });

  it("refuses the second of two writes decided on the same reading (the conditional update), whatever the timing", async () => {
    const report = await createReport(t.db, {
      orgId: w.orgs.gangcheng.id,
      editorId: w.actors.editor.userId,
      year: 2061,
    });
    await submitReport(w.actors.editor, { reportId: report.id });
    const first = (await loadWorkflowSubject(report.id, t.db))!;
    const second = (await loadWorkflowSubject(report.id, t.db))!;
    const next = { status: "PENDING" as const, reviewStep: 1 };
    await t.db.$transaction((tx) => moveReport(tx, first, next, {}));
    await expect(t.db.$transaction((tx) => moveReport(tx, second, next, {}))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("刚刚已被他人处理"),
    });
  });
});

describe("what the workflow bar offers", () => {
  it("tells a reviewer who submitted the report why they cannot approve it, and offers no approval", async () => {
    const report = await newReport("gangcheng", "editorReviewer");
    await submitReport(w.actors.editorReviewer, { reportId: report.id });
    const bar = await getWorkflowBarState(w.actors.editorReviewer, report.id, t.db);
    expect(bar.actions).not.toContain("approve");
    expect(bar.fourEyesNote).toContain("四眼原则");
    expect((await getWorkflowBarState(w.actors.reviewer, report.id, t.db)).actions).toEqual([
      "approve",
      "return",
    ]);
  });

  it("lists why a submission would be refused before the author tries", async () => {
    const report = await newReport();
    await t.db.report.update({
      where: { id: report.id },
      data: { content: filledReport({ year: 2025, text: { other: [] } }) as never },
    });
    const bar = await getWorkflowBarState(w.actors.editor, report.id, t.db);
    expect(bar.actions).toContain("submit");
    expect(bar.submitBlockers).toEqual(["尚不能提交：有 1 个部分未填写", "未填写：六、其他需要报告的事项"]);
  });
});
