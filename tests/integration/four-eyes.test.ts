// Four-eyes with people holding several roles (issue 10 item 6): whoever wrote any of the submitted content
// cannot approve or publish it, and each approval step of one submission needs a different person.
import { beforeAll, describe, expect, it } from "vitest";
import { filledReport } from "@/tests/builders/report-builders";
import type { Actor } from "@/lib/server/auth/actor";
import { saveReportDraft } from "@/lib/server/reports/drafts";
import { listTodo } from "@/lib/server/workflow/todo";
import * as workflow from "@/lib/server/workflow/workflow";
import { createUser } from "../setup/factories";
import { setupTestDb } from "../setup/test-db";
import { actorOf, buildWorkflowWorld, createReport, type WorkflowWorld } from "./workflow-world";

const t = setupTestDb();
let w: WorkflowWorld;
let allRoles: Actor; // 填报员 + 审核人 + 签发人 of 钢城街道
let reviewerSigner: Actor; // 审核人 + 签发人

beforeAll(async () => {
  w = await buildWorkflowWorld(t.db);
  const org = w.orgs.gangcheng.id;
  allRoles = actorOf(
    await createUser(t.db, {
      username: `all-roles-${w.tag}`,
      roles: [
        { orgId: org, role: "EDITOR" },
        { orgId: org, role: "REVIEWER" },
        { orgId: org, role: "SIGNER" },
      ],
    }),
  );
  reviewerSigner = actorOf(
    await createUser(t.db, {
      username: `rev-sign-${w.tag}`,
      roles: [
        { orgId: org, role: "REVIEWER" },
        { orgId: org, role: "SIGNER" },
      ],
    }),
  );
});

let year = 2040;
/** A fresh 钢城街道 draft by the editor, each in a year of its own. */
const newReport = () =>
  createReport(t.db, { orgId: w.orgs.gangcheng.id, editorId: w.actors.editor.userId, year: year++ });
/** The reports the to-do list asks this actor to decide: it must offer exactly what four-eyes allows. */
const toDecide = async (actor: Actor) => (await listTodo(actor, t.db)).decide.map((i) => i.reportId);

async function save(actor: Actor, reportId: string, bodyName: string) {
  const row = await t.db.report.findUniqueOrThrow({ where: { id: reportId } });
  const content = filledReport({ year: row.year, bodyName });
  await saveReportDraft(
    actor,
    { reportId, expectedVersion: row.version, content, explanations: [], autosave: false },
    t.db,
  );
}

describe("four-eyes with multi-role users", () => {
  it("refuses review and sign-off to a user who wrote content that a second editor then submitted", async () => {
    const report = await newReport();
    await save(allRoles, report.id, "钢城街道办事处（初稿）");
    await save(w.actors.editor2, report.id, "钢城街道办事处"); // a trivial save by a second editor
    await workflow.submitReport(w.actors.editor2, { reportId: report.id }, t.db);

    expect(await toDecide(allRoles)).not.toContain(report.id);
    expect(await toDecide(w.actors.reviewer)).toContain(report.id);
    await expect(workflow.approveReport(allRoles, { reportId: report.id }, t.db)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("参与撰写"),
    });
    await workflow.approveReport(w.actors.reviewer, { reportId: report.id }, t.db);
    expect(await toDecide(allRoles)).not.toContain(report.id);
    expect(await toDecide(w.actors.signer)).toContain(report.id);
    await expect(workflow.approveReport(allRoles, { reportId: report.id }, t.db)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await t.db.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("PENDING");
  });

  it("needs a different person for each approval step of one submission", async () => {
    const report = await newReport();
    await workflow.submitReport(w.actors.editor, { reportId: report.id }, t.db);
    expect(await toDecide(reviewerSigner)).toContain(report.id);
    await workflow.approveReport(reviewerSigner, { reportId: report.id }, t.db);
    // 签发 is next and reviewerSigner may sign in general, but not the submission they just reviewed.
    expect(await toDecide(reviewerSigner)).not.toContain(report.id);
    expect(await toDecide(w.actors.signer)).toContain(report.id);
    await expect(workflow.approveReport(reviewerSigner, { reportId: report.id }, t.db)).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
        message: expect.stringContaining("另一人"),
      },
    );
    await expect(
      workflow.approveReport(w.actors.signer, { reportId: report.id }, t.db),
    ).resolves.toMatchObject({
      status: "APPROVED",
    });
  });

  it("counts approvals per submission: after a return and resubmission the same reviewer may review again", async () => {
    const report = await newReport();
    await workflow.submitReport(w.actors.editor, { reportId: report.id }, t.db);
    await workflow.approveReport(reviewerSigner, { reportId: report.id }, t.db);
    await workflow.returnReport(w.actors.signer, { reportId: report.id, remark: "请补充说明" }, t.db);
    await workflow.submitReport(w.actors.editor, { reportId: report.id }, t.db);
    expect(await toDecide(reviewerSigner)).toContain(report.id);
    await expect(
      workflow.approveReport(reviewerSigner, { reportId: report.id }, t.db),
    ).resolves.toMatchObject({
      reviewStep: 1,
    });
  });
});

describe("concurrent approvals of one submission", () => {
  it("one succeeds; every duplicate sent with the same version is a CONFLICT, never a four-eyes refusal", async () => {
    const report = await newReport();
    await workflow.submitReport(w.actors.editor, { reportId: report.id }, t.db);
    const { version } = await t.db.report.findUniqueOrThrow({ where: { id: report.id } });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        workflow.approveReport(reviewerSigner, { reportId: report.id, expectedVersion: version }, t.db).then(
          () => "OK",
          (err: { code?: string }) => err.code ?? String(err),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "OK")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "OK")).toEqual(Array(9).fill("CONFLICT"));
  });
});
