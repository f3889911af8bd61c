// 汇总 through the real workflow: a publication withdrawn by 撤销发布 counts nowhere (its figures stop being current),
// a corrected report is summed once with its correction's figures, and the first edition stays in the sum while
// the correction is prepared. The figures are read the way the 汇总 reads them (year, cell, isCurrent, subtree).
import { beforeAll, describe, expect, it } from "vitest";
import { getCell } from "@/lib/domain/cells";
import { filledReport, t3 } from "@/tests/builders/report-builders";
import { createImportedReport } from "@/lib/server/reports/import";
import { getRollup, listCellContributions, type Rollup } from "@/lib/server/public/rollup";
import { setupTestDb } from "../setup/test-db";
import {
  buildWorkflowWorld,
  createReport,
  editReport,
  explainWarnings,
  workflowOn,
  type WorkflowWorld,
} from "./workflow-world";

const t = setupTestDb();
let w: WorkflowWorld;
let districtSlug: string;
let citySlug: string;
beforeAll(async () => {
  w = await buildWorkflowWorld(t.db);
  districtSlug = w.orgs.district.slug;
  citySlug = w.orgs.city.slug;
});

const { submit, approve, publish, reopen, withdrawPublication } = workflowOn(t);

const NATURAL = t3("newReceived", "natural");
/** A clean report: `natural` applications received, all disclosed. */
const contentWith = (year: number, natural: number) =>
  filledReport({
    year,
    cells: [
      [NATURAL, natural],
      [t3("disclosed", "natural"), natural],
    ],
    recompute: true,
  });

/** 钢城街道's report with `natural` applications, through 审核 and 签发 to publication (a correction needs a note). */
async function publishGangcheng(reportId: string, year: number, natural: number, changeNote?: string) {
  const content = contentWith(year, natural);
  await editReport(t.db, reportId, w.actors.editor.userId, content);
  await explainWarnings(t.db, reportId, content, w.actors.editor.userId);
  await submit(w.actors.editor, { reportId });
  await approve(w.actors.reviewer, { reportId });
  await approve(w.actors.signer, { reportId });
  await publish(w.actors.signer, { reportId, changeNote });
}

async function rollupOf(slug: string, year: number): Promise<Rollup> {
  const rollup = await getRollup(slug, year, {}, t.db);
  if (typeof rollup === "string") throw new Error(rollup);
  return rollup;
}

const currentFigures = (orgId: string, year: number) =>
  t.db.reportFigure.count({ where: { orgId, year, isCurrent: true } });

describe("汇总 and the editions of a report", () => {
  it("leaves a withdrawn publication out, and sums its republication once", async () => {
    const year = 2030;
    await createImportedReport(t.db, {
      orgId: w.orgs.bailu.id,
      year,
      content: contentWith(year, 7),
      importFindings: [],
      publish: true,
      actorId: null,
      actorName: "测试",
      source: "test",
    });
    const report = await createReport(t.db, {
      orgId: w.orgs.gangcheng.id,
      editorId: w.actors.editor.userId,
      year,
    });
    await publishGangcheng(report.id, year, 3);
    expect(getCell((await rollupOf(districtSlug, year)).tables, NATURAL)).toBe(3 + 7);

    await withdrawPublication(w.actors.signer, {
      reportId: report.id,
      reason: "报告数据有误，核实后重新发布",
    });
    // The withdrawn edition's figures are no longer current (they were, before withdrawal cleared them).
    expect(await currentFigures(w.orgs.gangcheng.id, year)).toBe(0);
    for (const slug of [districtSlug, citySlug]) {
      const r = await rollupOf(slug, year);
      expect(getCell(r.tables, NATURAL)).toBe(7);
      expect(r.counts["t3:newReceived:natural"]).toBe(1);
      expect(r.contributors.map((c) => c.slug)).toEqual([w.orgs.bailu.slug]);
      expect(r.missing.map((m) => m.slug)).toContain(w.orgs.gangcheng.slug);
      expect((await listCellContributions(r, NATURAL, t.db)).map((c) => [c.slug, c.value])).toEqual([
        [w.orgs.bailu.slug, 7],
      ]);
    }

    // Figures that a withdrawal before this fix left current still count nowhere: the 汇总 admits public editions only.
    await t.db.reportFigure.updateMany({
      where: { orgId: w.orgs.gangcheng.id, year },
      data: { isCurrent: true },
    });
    const stale = await rollupOf(districtSlug, year);
    expect(getCell(stale.tables, NATURAL)).toBe(7);
    expect((await listCellContributions(stale, NATURAL, t.db)).map((c) => c.slug)).toEqual([
      w.orgs.bailu.slug,
    ]);
    await t.db.reportFigure.updateMany({
      where: { orgId: w.orgs.gangcheng.id, year },
      data: { isCurrent: false },
    });

    // Reopened (still withdrawn: nothing of it is summed), corrected and republished as edition 2.
    await reopen(w.actors.editor, { reportId: report.id });
    expect(getCell((await rollupOf(districtSlug, year)).tables, NATURAL)).toBe(7);
    await publishGangcheng(report.id, year, 4, "核实后重新发布");
    const r = await rollupOf(districtSlug, year);
    expect(getCell(r.tables, NATURAL)).toBe(4 + 7);
    expect(r.counts["t3:newReceived:natural"]).toBe(2);
    expect(r.contributors.find((c) => c.slug === w.orgs.gangcheng.slug)?.editionNumber).toBe(2);
    expect((await listCellContributions(r, NATURAL, t.db)).map((c) => [c.slug, c.value])).toEqual([
      [w.orgs.bailu.slug, 7],
      [w.orgs.gangcheng.slug, 4],
    ]);
  });

  it("sums a corrected report once, with the correction's figures", async () => {
    const year = 2031;
    const report = await createReport(t.db, {
      orgId: w.orgs.gangcheng.id,
      editorId: w.actors.editor.userId,
      year,
    });
    await publishGangcheng(report.id, year, 3);
    // Reopened for correction: edition 1 stays public, so it stays in the sum until the correction is out.
    await reopen(w.actors.editor, { reportId: report.id });
    expect(getCell((await rollupOf(districtSlug, year)).tables, NATURAL)).toBe(3);
    await publishGangcheng(report.id, year, 5, "更正表三申请数量");

    const r = await rollupOf(districtSlug, year);
    expect(getCell(r.tables, NATURAL)).toBe(5);
    expect(r.counts["t3:newReceived:natural"]).toBe(1);
    expect(r.contributors.map((c) => [c.slug, c.editionNumber])).toEqual([[w.orgs.gangcheng.slug, 2]]);
    expect((await listCellContributions(r, NATURAL, t.db)).map((c) => [c.slug, c.value])).toEqual([
      [w.orgs.gangcheng.slug, 5],
    ]);
  });
});
