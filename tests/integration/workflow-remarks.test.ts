// Remarks: anchored, threaded, resolvable, audited; and the report's history with its CSV export.
import { beforeAll, describe, expect, it } from "vitest";
import { addRemark, listRemarkThreads, replyToRemark, resolveRemark } from "@/lib/server/reports/remarks";
import { listReportHistory, reportHistoryCsv } from "@/lib/server/reports/history";
import * as workflow from "@/lib/server/workflow/workflow";
import { setupTestDb } from "../setup/test-db";
import { buildWorkflowWorld, createReport, type WorkflowWorld } from "./workflow-world";

const t = setupTestDb();
let w: WorkflowWorld;
let reportId: string;
beforeAll(async () => {
  w = await buildWorkflowWorld(t.db);
  const report = await createReport(t.db, { orgId: w.orgs.gangcheng.id, editorId: w.actors.editor.userId });
  reportId = report.id;
  await workflow.submitReport(w.actors.editor, { reportId, ip: "10.2.0.1" }, t.db);
});

describe("remarks", () => {
  it("anchors a remark to a table cell, names the cell, and lets the author answer and the reviewer resolve", async () => {
    const remark = await addRemark(
      w.actors.reviewer,
      { reportId, anchor: "cell:t3:newReceived:natural", body: "自然人申请数与登记台账不符", ip: "10.2.0.2" },
      t.db,
    );
    await replyToRemark(w.actors.editor, { remarkId: remark.id, body: "已按台账改为3件" }, t.db);
    const [thread] = await listRemarkThreads(w.actors.editor, reportId, t.db);
    expect(thread).toMatchObject({
      anchor: "cell:t3:newReceived:natural",
      anchorLabel: "表三“一、本年新收政府信息公开申请数量”行“自然人”列",
      body: "自然人申请数与登记台账不符",
      resolvedAt: null,
      replies: [{ body: "已按台账改为3件" }],
    });
    await expect(resolveRemark(w.actors.editor, { remarkId: remark.id }, t.db)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await resolveRemark(w.actors.reviewer, { remarkId: remark.id }, t.db);
    await expect(resolveRemark(w.actors.reviewer, { remarkId: remark.id }, t.db)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const [resolved] = await listRemarkThreads(w.actors.reviewer, reportId, t.db);
    expect(resolved!.resolvedAt).not.toBeNull();
    expect(resolved!.resolvedByName).toBe(w.actors.reviewer.displayName);
  });

  it("accepts sections and sub-items, and refuses an anchor that is no place in the report", async () => {
    await addRemark(w.actors.signer, { reportId, anchor: "item:onRequest", body: "请写明办理结果" }, t.db);
    await addRemark(
      w.actors.supervisor,
      { reportId, anchor: "section:problems", body: "整改措施过于笼统" },
      t.db,
    );
    await expect(
      addRemark(w.actors.reviewer, { reportId, anchor: "cell:t9:x:y", body: "?" }, t.db),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { anchor: "请选择意见针对的位置" },
    });
    const labels = (await listRemarkThreads(w.actors.reviewer, reportId, t.db)).map((r) => r.anchorLabel);
    expect(labels).toEqual(
      expect.arrayContaining(["一、总体情况（二）依申请公开", "五、存在的主要问题及改进情况"]),
    );
  });

  it("is for reviewers: an editor may only reply, and outsiders do not see the report at all", async () => {
    await expect(
      addRemark(w.actors.editor, { reportId, anchor: "report", body: "x" }, t.db),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      addRemark(w.actors.outsider, { reportId, anchor: "report", body: "x" }, t.db),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listRemarkThreads(w.actors.outsider, reportId, t.db)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const [first] = await listRemarkThreads(w.actors.reviewer, reportId, t.db);
    await expect(
      replyToRemark(w.actors.outsider, { remarkId: first!.id, body: "x" }, t.db),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the report's history", () => {
  it("lists every step with actor, time, IP and summary, oldest first, and exports it as CSV", async () => {
    const { rows } = await listReportHistory(w.actors.editor, reportId, t.db);
    expect(rows.slice(0, 4).map((r) => [r.actionLabel, r.ip])).toEqual([
      ["提交审核", "10.2.0.1"],
      ["提出意见", "10.2.0.2"],
      ["回复意见", ""],
      ["意见已解决", ""],
    ]);
    expect(rows[0]!.actorName).toContain(w.actors.editor.username);
    expect(rows[1]!.summary).toBe(
      "就「表三“一、本年新收政府信息公开申请数量”行“自然人”列」提出意见：自然人申请数与登记台账不符",
    );
    const { csv, filename } = await reportHistoryCsv(w.actors.supervisor, reportId, t.db);
    expect(filename).toMatch(/\.csv$/);
    expect(csv.startsWith("\uFEFF时间,操作人,操作,摘要,IP\r\n")).toBe(true);
    expect(csv).toContain("提交审核");
    await expect(listReportHistory(w.actors.outsider, reportId, t.db)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
