// The report editor's server side against a real database: creating the year's report each way (unique per body
// and year), saving with optimistic concurrency (a stale save is refused and changes nothing), explanations kept
// with the values they were written for, the audit of every save, and My reports.
import { beforeAll, describe, expect, it } from "vitest";
import { confirmationOf, findCarriedSentences } from "@/lib/domain/carried-over";
import { getCell, setCell } from "@/lib/domain/cells";
import { setExplanation } from "@/lib/domain/explanation-state";
import { parseExplanations } from "@/lib/domain/explanations";
import { importText } from "@/lib/domain/import/text";
import { parseReport, type Report } from "@/lib/domain/report-schema";
import { checkReport } from "@/lib/domain/rules/check-report";
import { t3, withCells, zeroTables } from "@/tests/builders/report-builders";
import { computeTotals } from "@/lib/domain/totals";
import { createReport } from "@/lib/server/reports/create";
import { getLatestDraft, saveDraftSchema, saveReportDraft } from "@/lib/server/reports/drafts";
import { getReviewScreen } from "@/lib/server/workflow/review";
import { listMyReports } from "@/lib/server/workspace/workspace";
import { readFileSync } from "node:fs";
import { setupTestDb } from "../setup/test-db";
import { buildEditorWorld, type EditorWorld } from "./editor-world";

const t = setupTestDb();
let w: EditorWorld;

beforeAll(async () => {
  w = await buildEditorWorld(t.db);
});

const save = (
  actorKey: keyof EditorWorld["actors"],
  reportId: string,
  expectedVersion: number,
  content: Report,
  explanations: unknown[] = [],
) =>
  saveReportDraft(
    w.actors[actorKey],
    saveDraftSchema.parse({ reportId, expectedVersion, content, explanations }),
    t.db,
  );

async function stored(id: string) {
  const row = await t.db.report.findUniqueOrThrow({ where: { id } });
  return { ...row, content: parseReport(row.content), explanations: parseExplanations(row.explanations) };
}

describe("creating the year's report", () => {
  it("from last year's published report prefills 二、上年结转 per column and moves the texts' years on", async () => {
    const { id } = await createReport(
      w.actors.editor,
      { source: "lastYear", orgId: w.orgs.gangcheng.id, year: 2025 },
      t.db,
    );
    const report = await stored(id);
    expect(report.status).toBe("DRAFT");
    expect(report.content.tables.t3.carriedOver).toMatchObject({
      natural: 2,
      research: 1,
      commercial: 0,
      total: 3,
    });
    expect(report.content.tables.t3.newReceived?.natural).toBeNull();
    expect(report.content.meta.year).toBe(2025);
    expect(report.content.meta.title).toBe(`${w.orgs.gangcheng.name}2025年政府信息公开工作年度报告`);
    expect(report.content.sections.overview.items[0]!.paragraphs[0]).toMatch(/^2025年/);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "report.create", targetId: id },
    });
    expect(audit.summary).toContain("上年已发布报告");
  });

  it("is unique per body and year: a second creation is a CONFLICT", async () => {
    await expect(
      createReport(w.actors.editor2, { source: "template", orgId: w.orgs.gangcheng.id, year: 2025 }, t.db),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("from the template has the five sub-items, blank cells and a preamble citing 国办公开办函〔2021〕30号", async () => {
    const { id } = await createReport(
      w.actors.editor,
      { source: "template", orgId: w.orgs.gangcheng.id, year: 2022 },
      t.db,
    );
    const { content } = await stored(id);
    expect(content.sections.overview.items).toHaveLength(5);
    expect(content.tables.t4.cases["review.upheld"]).toBeNull();
    expect(content.meta.preamble.join("")).toContain("国办公开办函〔2021〕30号");
  });

  it("from an import stores exactly what was confirmed, as the seed import does", async () => {
    const imported = importText(readFileSync("prisma/seed-data/gangcheng-2024.txt", "utf8"));
    const { id } = await createReport(
      w.actors.editor,
      {
        source: "import",
        orgId: w.orgs.gangcheng.id,
        year: 2023,
        content: imported.report,
        findings: imported.findings,
        fileName: "gangcheng-2024.txt",
      },
      t.db,
    );
    const { content } = await stored(id);
    expect(content).toEqual({ ...imported.report, meta: { ...imported.report.meta, year: 2023 } });
    expect(await t.db.auditEvent.count({ where: { action: "report.import", targetId: id } })).toBe(1);
  });

  it("refuses without last year's published report, and for a year not yet begun", async () => {
    await expect(
      createReport(w.actors.jinxiuEditor, { source: "lastYear", orgId: w.orgs.jinxiu.id, year: 2025 }, t.db),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createReport(w.actors.jinxiuEditor, { source: "template", orgId: w.orgs.jinxiu.id, year: 2099 }, t.db),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});

describe("saving the draft in one statement (version and audit row together)", () => {
  let oneStatementId: string;
  beforeAll(async () => {
    ({ id: oneStatementId } = await createReport(
      w.actors.editor,
      { source: "template", orgId: w.orgs.gangcheng.id, year: 2020 },
      t.db,
    ));
  });

  it("writes the version and its audit row together, at the action's clock and client address", async () => {
    const before = await stored(oneStatementId);
    const at = new Date("2026-01-20T03:04:05.678Z");
    const edited = {
      ...before.content,
      tables: setCell(before.content.tables, t3("newReceived", "natural"), 6),
    };
    const input = saveDraftSchema.parse({
      reportId: oneStatementId,
      expectedVersion: before.version,
      content: edited,
      explanations: [],
    });
    await saveReportDraft(w.actors.editor, { ...input, ip: "10.1.2.3" }, t.db, at);
    const row = await stored(oneStatementId);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "report.save", targetId: oneStatementId },
      orderBy: { id: "desc" },
    });
    expect(row.updatedAt).toEqual(at);
    expect(audit).toMatchObject({
      at,
      ip: "10.1.2.3",
      actorId: w.actors.editor.userId,
      actorName: w.actors.editor.username,
      orgId: row.orgId,
      targetType: "report",
    });
    expect(audit.data).toMatchObject({ version: before.version + 1, autosave: false });
  });

  it("lets exactly one of ten saves made at once on the same version through, with exactly one audit row", async () => {
    const before = await stored(oneStatementId);
    const audits = () =>
      t.db.auditEvent.count({ where: { action: "report.save", targetId: oneStatementId } });
    const auditsBefore = await audits();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, k) =>
        save("editor", oneStatementId, before.version, {
          ...before.content,
          tables: setCell(before.content.tables, t3("newReceived", "natural"), 10 + k),
        }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect((await stored(oneStatementId)).version).toBe(before.version + 1);
    expect(await audits()).toBe(auditsBefore + 1);
  });
});

describe("saving the draft", () => {
  let id: string;
  let content: Report;
  beforeAll(async () => {
    ({ id } = await createReport(
      w.actors.editor,
      { source: "template", orgId: w.orgs.gangcheng.id, year: 2021 },
      t.db,
    ));
    content = (await stored(id)).content;
  });

  it("writes the draft with computed totals, one new version and an audit row naming the change", async () => {
    const edited = { ...content, tables: setCell(content.tables, t3("newReceived", "natural"), 4) };
    const saved = await save("editor", id, 1, edited);
    expect(saved).toMatchObject({ version: 2, changed: true });
    const row = await stored(id);
    expect(getCell(row.content.tables, t3("newReceived", "total"))).toBeNull();
    expect(getCell(row.content.tables, t3("newReceived", "natural"))).toBe(4);
    expect(row.lastEditedById).toBe(w.actors.editor.userId);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "report.save", targetId: id },
      orderBy: { id: "desc" },
    });
    expect(audit.summary).toContain("第2版");
    expect(JSON.stringify(audit.data)).toContain("自然人");
  });

  it("makes no version when nothing changed", async () => {
    const current = await stored(id);
    expect(await save("editor", id, 2, current.content)).toMatchObject({ version: 2, changed: false });
    expect((await stored(id)).version).toBe(2);
  });

  it("refuses a save made on an old version with CONFLICT and writes nothing", async () => {
    const before = await stored(id);
    const stale = { ...content, tables: setCell(content.tables, t3("newReceived", "natural"), 99) };
    await expect(save("editor2", id, 1, stale)).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await stored(id);
    expect(after.version).toBe(before.version);
    expect(getCell(after.content.tables, t3("newReceived", "natural"))).toBe(4);
    const latest = await getLatestDraft(w.actors.editor2, id, t.db);
    expect(latest).toMatchObject({ version: 2, isEditable: true, lastEditedBy: w.actors.editor.username });
  });

  it("stores a warning's explanation with the rule id and the cells' values, stamped with its author", async () => {
    const current = await stored(id);
    const tables = computeTotals(
      withCells(zeroTables(), [
        [t3("newReceived", "natural"), 2],
        [t3("carriedForward", "natural"), 2],
      ]),
    );
    const report = { ...current.content, tables };
    const warning = checkReport(report).find((f) => f.ruleId === "T3-CARRY-SHARE");
    expect(warning).toBeDefined();
    const explanations = setExplanation([], warning!, tables, "年底集中收到申请，次年初办结", {
      by: "forged",
      at: "2000-01-01T00:00:00Z",
    });
    await save("editor", id, current.version, report, explanations);
    const row = await stored(id);
    expect(row.explanations).toEqual([
      expect.objectContaining({
        ruleId: "T3-CARRY-SHARE",
        text: "年底集中收到申请，次年初办结",
        by: w.actors.editor.userId,
      }),
    ]);
    expect(row.explanations[0]!.values).toEqual(
      warning!.cells!.map((ref) => getCell(row.content.tables, ref)),
    );
  });

  it("refuses saving once the report is no longer a draft", async () => {
    const current = await stored(id);
    await t.db.report.update({ where: { id }, data: { status: "PENDING" } });
    await expect(save("editor", id, current.version, current.content)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("待审核"),
    });
    await t.db.report.update({ where: { id }, data: { status: "DRAFT" } });
  });
});

describe("My reports", () => {
  it("lists the body's reports with status, countdown and check counts, and the reporting year when missing", async () => {
    const orgs = await listMyReports(w.actors.jinxiuEditor, new Date("2026-01-20T10:00:00+08:00"));
    expect(orgs).toHaveLength(1);
    expect(orgs[0]).toMatchObject({
      name: w.orgs.jinxiu.name,
      mayCreate: true,
      reportingYear: 2025,
      missing: { tone: "soon" },
    });
    const mine = await listMyReports(w.actors.editor, new Date("2026-01-20T10:00:00+08:00"));
    const y2025 = mine[0]!.reports.find((r) => r.year === 2025)!;
    expect(y2025).toMatchObject({
      statusLabel: "草稿",
      isEditable: true,
      countdown: { text: "还剩12天（2026年1月31日截止）" },
    });
    expect(y2025.blankCells).toBeGreaterThan(100);
    expect(mine[0]!.reports.find((r) => r.year === 2024)).toMatchObject({
      statusLabel: "已发布",
      countdown: { tone: "done" },
    });
  });
});

describe("sentences carried over from last year (TXT-CARRIED-OVER)", () => {
  it("keeps a confirmation with the draft, version-checked and stamped, and lists it for the reviewer", async () => {
    const row = await t.db.report.findFirstOrThrow({ where: { orgId: w.orgs.gangcheng.id, year: 2025 } });
    const current = await stored(row.id);
    const carried = findCarriedSentences(current.content, w.lastYear);
    const withFigures = carried.filter((s) => s.figures.length > 0);
    expect(withFigures.map((s) => s.text)).toEqual(
      expect.arrayContaining([expect.stringContaining("83条"), expect.stringContaining("辖区7个社区")]),
    );
    const seven = withFigures.find((s) => s.text.includes("7个社区"))!;
    const confirmation = confirmationOf(seven, "forged", "2000-01-01T00:00:00Z");
    const saved = await save("editor", row.id, current.version, current.content, [confirmation]);

    // A save on the version before it is refused: the confirmation cannot be lost to a stale copy.
    await expect(save("editor2", row.id, current.version, current.content, [])).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const after = await stored(row.id);
    expect(after.version).toBe(saved.version);
    expect(after.explanations).toEqual([
      expect.objectContaining({
        ruleId: "TXT-CARRIED-OVER",
        values: [seven.key],
        by: w.actors.editor.userId,
      }),
    ]);
    const findings = checkReport(after.content, { previous: w.lastYear, explanations: after.explanations });
    const open = findings.filter((f) => f.ruleId === "TXT-CARRIED-OVER").map((f) => f.message);
    expect(open.some((m) => m.includes("83条"))).toBe(true);
    expect(open.some((m) => m.includes("7个社区"))).toBe(false);

    const screen = await getReviewScreen(w.actors.reviewer, row.id, t.db);
    expect(screen.confirmedCarried).toEqual([
      expect.objectContaining({
        text: seven.text,
        place: "一、总体情况（五）监督保障",
        confirmedBy: expect.any(String),
      }),
    ]);
  });
});
