// Authorization of the review screen's server actions (app/workspace/reports/[id]/review/actions.ts): each one
// is exercised through the lib/server function it wraps, as actors of another district and as the body's own
// roles without the right, with the report's id forged into the call; nothing may change.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { reviewUnreviewedEdition } from "@/lib/server/workflow/edition-review";
import { addRemark, listRemarkThreads, replyToRemark, resolveRemark } from "@/lib/server/reports/remarks";
import * as workflow from "@/lib/server/workflow/workflow";
import { setupTestDb } from "../setup/test-db";
import { buildWorkflowWorld, createReport, type WorkflowWorld } from "./workflow-world";

const t = setupTestDb();
let w: WorkflowWorld;
let reportId: string;
let remarkId: string;
let editionId: string;

async function snapshot() {
  const [report, remarks, editions] = await Promise.all([
    t.db.report.findUniqueOrThrow({ where: { id: reportId } }),
    t.db.reportRemark.findMany({ orderBy: { id: "asc" } }),
    t.db.reportEdition.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { report, remarks, editions };
}

beforeAll(async () => {
  w = await buildWorkflowWorld(t.db);
  reportId = (await createReport(t.db, { orgId: w.orgs.gangcheng.id, editorId: w.actors.editor.userId })).id;
  await workflow.submitReport(w.actors.editor, { reportId }, t.db);
  remarkId = (await addRemark(w.actors.reviewer, { reportId, anchor: "report", body: "请核对" }, t.db)).id;
  const bailu = await createReport(t.db, {
    orgId: w.orgs.bailu.id,
    editorId: w.actors.editor.userId,
    status: "APPROVED",
  });
  await t.db.reportEdition.create({
    data: { reportId: bailu.id, number: 1, content: {}, isUnreviewed: true, unreviewedReason: "临近期限" },
  });
  editionId = (await t.db.reportEdition.findFirstOrThrow({ where: { reportId: bailu.id } })).id;
});

const ACTIONS: Record<string, (actor: Actor) => Promise<unknown>> = {
  transitionAction: (actor) => workflow.transitionReport(actor, "approve", { reportId }, t.db),
  addRemarkAction: (actor) => addRemark(actor, { reportId, anchor: "report", body: "越权批注" }, t.db),
  replyRemarkAction: (actor) => replyToRemark(actor, { remarkId, body: "越权回复" }, t.db),
  resolveRemarkAction: (actor) => resolveRemark(actor, { remarkId }, t.db),
  reviewEditionAction: (actor) => reviewUnreviewedEdition(actor, { editionId }, t.db),
};

describe("review actions refuse actors outside their reach", () => {
  for (const [name, call] of Object.entries(ACTIONS)) {
    it(`${name}: another district's reviewer and supervisor get NOT_FOUND and nothing changes`, async () => {
      const before = await snapshot();
      await expect(call(w.actors.outsider)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(call(w.actors.outsiderSupervisor)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await snapshot()).toEqual(before);
    });
  }

  it("transitionAction: the 填报员 who submitted cannot approve (four-eyes) and a sibling body's editor cannot see it", async () => {
    const before = await snapshot();
    await expect(ACTIONS.transitionAction!(w.actors.editor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(ACTIONS.transitionAction!(w.actors.jinxiuEditor)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("addRemarkAction and resolveRemarkAction: a 填报员 may not remark or resolve; reviewEditionAction is for a supervisor", async () => {
    const before = await snapshot();
    await expect(ACTIONS.addRemarkAction!(w.actors.editor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(ACTIONS.resolveRemarkAction!(w.actors.editor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(ACTIONS.reviewEditionAction!(w.actors.editor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
    expect(await listRemarkThreads(w.actors.reviewer, reportId, t.db)).toHaveLength(1);
  });
});
