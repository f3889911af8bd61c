// The deadline board of a supervising organisation and every user's to-do list.
import { beforeAll, describe, expect, it } from "vitest";
import { boardQuerySchema } from "@/lib/domain/board";
import { filledReport, t3 } from "@/tests/builders/report-builders";
import { boardCsv, getDeadlineBoard, listBoardRoots } from "@/lib/server/workspace/board";
import { listTodo } from "@/lib/server/workflow/todo";
import * as workflow from "@/lib/server/workflow/workflow";
import { setupTestDb } from "../setup/test-db";
import { buildWorkflowWorld, createReport, IN_WINDOW, type WorkflowWorld } from "./workflow-world";

const t = setupTestDb();
let w: WorkflowWorld;
const JAN_20 = new Date("2026-01-20T10:00:00+08:00");
const query = (extra: Record<string, string> = {}) => boardQuerySchema.parse({ year: "2025", ...extra });

beforeAll(async () => {
  w = await buildWorkflowWorld(t.db);
  // 钢城街道: submitted, waiting for 审核. 锦绣街道: a draft with a blank cell. 白露街道: nothing yet.
  const gangcheng = await createReport(t.db, {
    orgId: w.orgs.gangcheng.id,
    editorId: w.actors.editor.userId,
  });
  await workflow.submitReport(w.actors.editor, { reportId: gangcheng.id }, t.db);
  const blank = filledReport({ year: 2025, cells: [[t3("newReceived", "natural"), null]] });
  await createReport(t.db, {
    orgId: w.orgs.jinxiu.id,
    editorId: w.actors.jinxiuEditor.userId,
    content: blank,
  });
});

describe("the deadline board", () => {
  it("lists every body below the district with its status, findings and days to the deadline", async () => {
    const board = await getDeadlineBoard(w.actors.supervisor, query({ sort: "name" }), t.db, JAN_20);
    expect(board.root.id).toBe(w.orgs.district.id);
    const byOrg = Object.fromEntries(board.rows.map((r) => [r.orgId, r]));
    expect(board.rows).toHaveLength(3);
    expect(byOrg[w.orgs.gangcheng.id]).toMatchObject({
      status: "PENDING",
      detail: "待审核（审核）",
      errorCount: 0,
      daysLeft: 12,
    });
    expect(byOrg[w.orgs.jinxiu.id]).toMatchObject({ status: "DRAFTING", errorCount: 1, warningCount: 0 });
    expect(byOrg[w.orgs.bailu.id]).toMatchObject({
      status: "NOT_STARTED",
      reportId: null,
      lastActivityAt: null,
    });
    expect(byOrg[w.orgs.gangcheng.id]!.lastActivityAt).toBeInstanceOf(Date);
    expect(board.counts).toMatchObject({ PENDING: 1, DRAFTING: 1, NOT_STARTED: 1 });
  });

  it("shows 逾期 for every unpublished body once the deadline has passed, and 已发布 for a published one", async () => {
    const report = await createReport(t.db, {
      orgId: w.orgs.bailu.id,
      editorId: w.actors.editor.userId,
      year: 2024,
    });
    await workflow.forcePublishReport(
      w.actors.supervisor,
      { reportId: report.id, reason: "期限将至", now: new Date("2025-01-30T10:00:00+08:00") },
      t.db,
    );
    const board = await getDeadlineBoard(
      w.actors.supervisor,
      query({ year: "2024" }),
      t.db,
      new Date("2025-02-03T10:00:00+08:00"),
    );
    const statusOf = Object.fromEntries(board.rows.map((r) => [r.orgId, r.status]));
    expect(statusOf).toEqual({
      [w.orgs.bailu.id]: "PUBLISHED",
      [w.orgs.gangcheng.id]: "OVERDUE",
      [w.orgs.jinxiu.id]: "OVERDUE",
    });
  });

  it("filters by status and name, sorts, and exports what it shows as CSV", async () => {
    const pending = await getDeadlineBoard(w.actors.supervisor, query({ status: "PENDING" }), t.db, JAN_20);
    expect(pending.rows.map((r) => r.orgId)).toEqual([w.orgs.gangcheng.id]);
    const named = await getDeadlineBoard(w.actors.supervisor, query({ q: "锦绣" }), t.db, JAN_20);
    expect(named.rows.map((r) => r.orgId)).toEqual([w.orgs.jinxiu.id]);
    const byErrors = await getDeadlineBoard(
      w.actors.supervisor,
      query({ sort: "errors", dir: "desc" }),
      t.db,
      JAN_20,
    );
    expect(byErrors.rows[0]!.orgId).toBe(w.orgs.jinxiu.id);
    const csv = boardCsv(byErrors.rows);
    expect(csv.split("\r\n")[0]).toBe("\uFEFF机构,状态,年报状态,最近活动,错误,警告,公开期限,距期限天数");
    expect(csv).toContain(`${w.orgs.jinxiu.name},填报中,草稿,`);
    expect(csv).toContain(`${w.orgs.bailu.name},未开始,未创建,,0,0,2026-01-31,12`);
  });

  it("is the supervisor's and the administrator's, not a body's staff's or another district's", async () => {
    expect((await listBoardRoots(w.actors.admin, t.db)).map((r) => r.id)).toEqual([
      w.orgs.city.id,
      w.orgs.district.id,
    ]);
    await expect(getDeadlineBoard(w.actors.reviewer, query(), t.db)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      getDeadlineBoard(w.actors.outsiderSupervisor, query({ org: w.orgs.district.id }), t.db),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("the to-do list", () => {
  it("shows each user what waits for them, four-eyes included", async () => {
    const forReviewer = await listTodo(w.actors.reviewer, t.db, JAN_20);
    expect(forReviewer.decide.map((i) => [i.orgName, i.task])).toEqual([[w.orgs.gangcheng.name, "审核"]]);
    expect((await listTodo(w.actors.signer, t.db, JAN_20)).decide).toEqual([]);
    expect((await listTodo(w.actors.editor, t.db, JAN_20)).decide).toEqual([]);

    const report = await createReport(t.db, {
      orgId: w.orgs.gangcheng.id,
      editorId: w.actors.editorReviewer.userId,
      year: 2026,
    });
    await workflow.submitReport(w.actors.editorReviewer, { reportId: report.id }, t.db);
    const own = await listTodo(w.actors.editorReviewer, t.db, JAN_20);
    expect(own.decide.map((i) => i.reportId)).not.toContain(report.id);

    await workflow.returnReport(w.actors.reviewer, { reportId: report.id, remark: "请补充第五部分" }, t.db);
    expect((await listTodo(w.actors.editorReviewer, t.db, JAN_20)).returned.map((i) => i.reportId)).toEqual([
      report.id,
    ]);
  });

  it("asks another supervisor, not the one who force-published, to review the edition afterwards", async () => {
    const report = await createReport(t.db, {
      orgId: w.orgs.bailu.id,
      editorId: w.actors.editor.userId,
      year: 2025,
    });
    await workflow.forcePublishReport(
      w.actors.supervisor,
      { reportId: report.id, reason: "期限将至", now: IN_WINDOW },
      t.db,
    );
    expect((await listTodo(w.actors.supervisor, t.db)).reviewAfter).toEqual([]);
    const tasks = (await listTodo(w.actors.supervisor2, t.db)).reviewAfter.map((i) => [i.reportId, i.task]);
    expect(tasks).toContainEqual([report.id, "补充审核第1版"]);
  });
});
