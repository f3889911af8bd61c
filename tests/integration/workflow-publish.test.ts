// Publication, corrections, withdrawal of a publication, force-publishing and the review afterwards, and what the
// public then sees: editions, the correction notice and the withdrawal notice.
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "@/lib/domain/report-schema";
import { filledReport, t3 } from "@/tests/builders/report-builders";
import { reviewUnreviewedEdition } from "@/lib/server/workflow/edition-review";
import { getPublicEdition, getPublicEditionHistory, getWithdrawalNotice } from "@/lib/server/public/editions";
import { setupTestDb } from "../setup/test-db";
import {
  BEFORE_WINDOW,
  buildWorkflowWorld,
  createReport,
  editReport,
  explainWarnings,
  IN_WINDOW,
  workflowOn,
  type WorkflowWorld,
} from "./workflow-world";

const t = setupTestDb();
let w: WorkflowWorld;
beforeAll(async () => {
  w = await buildWorkflowWorld(t.db);
});

const { submit, approve, publish, reopen, withdrawPublication, forcePublish } = workflowOn(t);

const slugOf = async (orgId: string) =>
  (await t.db.organization.findUniqueOrThrow({ where: { id: orgId } })).slug;

/** A 钢城街道 report taken through 审核 and 签发 to 已批准. */
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

describe("publish", () => {
  it("writes edition 1 with its findings and figures, and refuses the author (four-eyes)", async () => {
    const report = await approvedReport(2025);
    await expect(publish(w.actors.editor, { reportId: report.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      publish(w.actors.signer, { reportId: report.id, ip: "10.0.0.9", now: IN_WINDOW }),
    ).resolves.toMatchObject({ status: "PUBLISHED", editionNumber: 1 });
    const edition = await t.db.reportEdition.findFirstOrThrow({ where: { reportId: report.id } });
    expect(edition).toMatchObject({
      number: 1,
      publishedById: w.actors.signer.userId,
      isUnreviewed: false,
      changeNote: null,
    });
    expect(edition.findings).toEqual([]);
    // Dated like an imported report's page: 成文日期 from the 落款, 发布日期 the day of publication (China time).
    expect((edition.content as unknown as Report).meta).toMatchObject({
      signatureDate: "2026-01-15",
      writtenDate: "2026-01-15",
      publishedDate: "2026-01-30",
    });
    expect(await t.db.reportFigure.count({ where: { editionId: edition.id } })).toBe(200);
    const history = await getPublicEditionHistory(await slugOf(w.orgs.gangcheng.id), 2025, t.db);
    expect(history).toMatchObject({ current: { number: 1, isCurrent: true }, correction: null });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { targetId: report.id, action: "report.publish" },
    });
    expect(audit).toMatchObject({ actorId: w.actors.signer.userId, summary: "发布第1版", ip: "10.0.0.9" });
  });

  it("refuses a report from another district's body as if it did not exist", async () => {
    const report = await approvedReport(2026);
    await expect(publish(w.actors.outsider, { reportId: report.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(publish(w.actors.outsiderSupervisor, { reportId: report.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("corrections", () => {
  it("keeps edition 1 public while the correction is prepared, requires a 更正说明, then shows what changed", async () => {
    const report = await approvedReport(2027);
    await publish(w.actors.signer, { reportId: report.id });
    const slug = await slugOf(w.orgs.gangcheng.id);
    await expect(reopen(w.actors.reviewer, { reportId: report.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(reopen(w.actors.editor, { reportId: report.id })).resolves.toMatchObject({
      status: "DRAFT",
    });
    const corrected = filledReport({
      year: 2027,
      cells: [
        [t3("newReceived", "natural"), 2],
        [t3("disclosed", "natural"), 2],
      ],
      recompute: true,
    });
    await editReport(t.db, report.id, w.actors.editor.userId, corrected);
    await explainWarnings(t.db, report.id, corrected, w.actors.editor.userId);
    expect((await getPublicEditionHistory(slug, 2027, t.db))?.current.number).toBe(1);

    await submit(w.actors.editor, { reportId: report.id });
    await approve(w.actors.reviewer, { reportId: report.id });
    await approve(w.actors.signer, { reportId: report.id });
    await expect(publish(w.actors.signer, { reportId: report.id })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { changeNote: "发布更正须填写更正说明" },
    });
    await publish(w.actors.signer, { reportId: report.id, changeNote: "更正表三申请数量" });

    const history = (await getPublicEditionHistory(slug, 2027, t.db))!;
    expect(history.current).toMatchObject({ number: 2, changeNote: "更正表三申请数量" });
    expect(history.correction).toMatchObject({
      note: "更正表三申请数量",
      previousHref: `/reports/${slug}/2027/editions/1`,
    });
    expect(history.correction!.changes).toContain(
      "表三“一、本年新收政府信息公开申请数量”行“自然人”列：由0改为2",
    );
    expect(history.editions.map((e) => [e.number, e.isCurrent])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect((await getPublicEdition(slug, 2027, 1, t.db))?.content.tables.t3.newReceived?.natural).toBe(0);
  });
});

describe("withdrawing a publication", () => {
  it("needs a public explanation and leaves a notice at the report's address", async () => {
    const report = await approvedReport(2028);
    await publish(w.actors.reviewer, { reportId: report.id });
    const slug = await slugOf(w.orgs.gangcheng.id);
    await expect(
      withdrawPublication(w.actors.reviewer, { reportId: report.id, reason: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      withdrawPublication(w.actors.signer, { reportId: report.id, reason: " " }),
    ).rejects.toMatchObject({
      fieldErrors: { reason: "撤销发布须填写向公众的说明" },
    });
    await withdrawPublication(w.actors.signer, {
      reportId: report.id,
      reason: "报告数据有误，核实后重新发布",
    });
    expect(await getPublicEditionHistory(slug, 2028, t.db)).toBeNull();
    expect(await getWithdrawalNotice(slug, 2028, t.db)).toMatchObject({
      note: "报告数据有误，核实后重新发布",
      year: 2028,
    });
    expect(await getPublicEdition(slug, 2028, 1, t.db)).toBeNull();
    // Reopened, corrected and republished: the notice gives way to edition 2.
    await reopen(w.actors.editor, { reportId: report.id });
    await submit(w.actors.editor, { reportId: report.id });
    await approve(w.actors.reviewer, { reportId: report.id });
    await approve(w.actors.signer, { reportId: report.id });
    await publish(w.actors.signer, { reportId: report.id, changeNote: "核实后重新发布" });
    expect(await getWithdrawalNotice(slug, 2028, t.db)).toBeNull();
    expect((await getPublicEditionHistory(slug, 2028, t.db))?.current.number).toBe(2);
  });
});

describe("force-publishing", () => {
  it("is open to a supervisor only near the deadline, needs a reason and marks the edition 未经第二人审核", async () => {
    const report = await createReport(t.db, {
      orgId: w.orgs.bailu.id,
      editorId: w.actors.editor.userId,
      year: 2025,
    });
    await expect(
      forcePublish(w.actors.reviewer, { reportId: report.id, reason: "临近期限", now: IN_WINDOW }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      forcePublish(w.actors.supervisor, { reportId: report.id, reason: "临近期限", now: BEFORE_WINDOW }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("期限前 3 天内方可强制发布"),
    });
    await expect(
      forcePublish(w.actors.supervisor, { reportId: report.id, now: IN_WINDOW }),
    ).rejects.toMatchObject({
      fieldErrors: { reason: "强制发布须填写理由" },
    });
    await expect(
      forcePublish(w.actors.supervisor, {
        reportId: report.id,
        reason: "白露街道审核人休假，期限将至",
        now: IN_WINDOW,
      }),
    ).resolves.toMatchObject({
      status: "PUBLISHED",
      editionNumber: 1,
    });
    const edition = await t.db.reportEdition.findFirstOrThrow({ where: { reportId: report.id } });
    expect(edition).toMatchObject({
      isUnreviewed: true,
      unreviewedReason: "白露街道审核人休假，期限将至",
      publishedById: w.actors.supervisor.userId,
    });
    const history = await getPublicEditionHistory(await slugOf(w.orgs.bailu.id), 2025, t.db);
    expect(history?.current.isUnreviewed).toBe(true);

    await expect(
      reviewUnreviewedEdition(w.actors.supervisor, { editionId: edition.id }, t.db),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await reviewUnreviewedEdition(w.actors.supervisor2, { editionId: edition.id }, t.db);
    await expect(
      reviewUnreviewedEdition(w.actors.reviewer, { editionId: edition.id }, t.db),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      reviewUnreviewedEdition(w.actors.supervisor2, { editionId: edition.id }, t.db),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      (await getPublicEditionHistory(await slugOf(w.orgs.bailu.id), 2025, t.db))?.current.isUnreviewed,
    ).toBe(false);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { targetId: report.id, action: "report.reviewAfter" },
    });
    expect(audit.actorId).toBe(w.actors.supervisor2.userId);
  });

  it("refuses the supervisor who last edited the report (four-eyes)", async () => {
    const report = await createReport(t.db, {
      orgId: w.orgs.bailu.id,
      editorId: w.actors.supervisor.userId,
      year: 2026,
    });
    await expect(
      forcePublish(w.actors.supervisor, {
        reportId: report.id,
        reason: "期限将至",
        now: new Date("2027-01-30T10:00:00+08:00"),
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
