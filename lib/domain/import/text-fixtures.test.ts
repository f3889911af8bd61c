// Hand-made copies of published reports, one per family of quirks in docs/format.md §7 (see tests/fixtures/reports).
import { describe, expect, it } from "vitest";
import { readFixture } from "@/tests/fixtures/reports/read-fixture";
import { ALL_CELLS, T3_COLUMNS, T3_RESULT_ROWS, T4_GROUPS, type CellRef } from "../format";
import type { Report } from "../report-schema";
import { getCell } from "../cells";
import { checkReport } from "../rules/check-report";
import { importText } from "./text";

/** A table 三 row's 7 values in column order. */
const row = (report: Report, key: string) => Object.values(report.tables.t3[key]!);
const t4 = (report: Report) => Object.values(report.tables.t4.cases);
const ruleIds = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);
const blankCells = (report: Report, table: CellRef["table"]) =>
  ALL_CELLS.filter((c) => c.table === table && getCell(report.tables, c) === null);

/** The fixtures' figures are realistic: table 三 and 四 reconcile as docs/format.md §6 requires. */
function expectReconciles(report: Report): void {
  const t3 = report.tables.t3;
  const at = (row: string, col: string) => (t3[row] as Record<string, number | null>)[col] ?? 0;
  for (const { key: col } of T3_COLUMNS) {
    expect(at("newReceived", col) + at("carriedOver", col), col).toBe(
      at("resultTotal", col) + at("carriedForward", col),
    );
    expect(
      T3_RESULT_ROWS.reduce((sum, row) => sum + at(row, col), 0),
      col,
    ).toBe(at("resultTotal", col));
  }
  for (const row of Object.keys(t3)) {
    const parts = T3_COLUMNS.filter((c) => c.key !== "total").reduce((sum, c) => sum + at(row, c.key), 0);
    expect(parts, row).toBe(at(row, "total"));
  }
  const cases = report.tables.t4.cases as Record<string, number | null>;
  for (const g of T4_GROUPS) {
    const parts = ["upheld", "corrected", "other", "pending"].reduce(
      (sum, o) => sum + (cases[`${g.key}.${o}`] ?? 0),
      0,
    );
    expect(parts, g.key).toBe(cases[`${g.key}.total`]);
  }
}

describe("a 镇 report with breadcrumbs, metadata and page tools above the title and “/” for zero", () => {
  const { report, findings, unplaced, ignored, pageMetadata } = importText(
    readFixture("baisha-town-2023.txt"),
  );

  it("captures the metadata lines into meta and lists the site chrome it left out", () => {
    expect(report.meta).toMatchObject({
      bodyName: "青山县白沙镇人民政府",
      year: 2023,
      title: "青山县白沙镇人民政府2023年政府信息公开工作年度报告",
      indexNumber: "11452226MB0A12345K/2024-00003",
      publisher: "青山县白沙镇人民政府",
      writtenDate: "2024-01-18",
      publishedDate: "2024-01-19",
      signatureName: "青山县白沙镇人民政府",
      signatureDate: "2024-01-18",
    });
    expect(pageMetadata).toMatchObject({ 公开方式: "主动公开", 信息分类: "政府信息公开年报" });
    expect(ignored).toEqual([
      "首页 > 政务公开 > 政府信息公开年报 > 乡镇年报",
      "【字体：大 中 小】",
      "【打印本页】【关闭窗口】",
    ]);
  });

  it("keeps the preamble and reads the contact printed in it", () => {
    expect(report.meta.preamble).toHaveLength(1);
    expect(report.meta.contact).toEqual({
      office: "白沙镇党政综合办公室",
      address: "青山县白沙镇新街路28号",
      phone: "0772-6512345",
      postcode: "545600",
    });
  });

  it("maps labels with stray spaces and half-width brackets (「自 然 人」, 「第二十条  第(一)项」) to the right cells", () => {
    expect(report.tables.t2.normativeDocs).toEqual({ issued: 2, repealed: 1, inForce: 9 });
    expect(report.tables.t2.licensing.decisions).toBe(15);
    expect(report.tables.t2.punishment.decisions).toBe(3);
    expect(row(report, "newReceived")).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(row(report, "unable.notHeld")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(report, "resultTotal")).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(row(report, "carriedForward")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t4(report)).toEqual([1, 0, 0, 0, 1, ...Array(10).fill(0)]);
    expectReconciles(report);
  });

  it("reads “/” as 0 with one CELL-VALUE warning per table naming every such cell", () => {
    expect(ruleIds(findings)).toEqual(["CELL-VALUE", "CELL-VALUE"]);
    expect(findings[0]!.cells).toHaveLength(4);
    expect(findings[0]!.message).toContain("原文为“/”，已按0导入");
    expect(findings[1]!.cells).toHaveLength(154);
    expect(report.tables.t2.fees.amount).toBe("0");
    expect(unplaced).toEqual([]);
  });
});

describe("a 区县局 report copied one cell per line, with a heading missing and misnumbered sub-items", () => {
  const { report, findings, unplaced } = importText(readFixture("qingshan-market-bureau-2022.txt"));

  it("reads tables whose cells, padding and header rows are each on their own line", () => {
    expect(report.tables.t2).toEqual({
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: 3, repealed: 0, inForce: 12 },
      licensing: { decisions: 1268 },
      punishment: { decisions: 85 },
      enforcement: { decisions: 4 },
      fees: { amount: "26.55" },
    });
    expect(row(report, "newReceived")).toEqual([12, 3, 0, 0, 1, 0, 16]);
    expect(row(report, "withheld.thirdParty")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(report, "notProcessed.repeated")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(report, "resultTotal")).toEqual([13, 3, 0, 0, 1, 0, 17]);
    expect(t4(report)).toEqual([1, 0, 0, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(unplaced).toEqual([]);
    expectReconciles(report);
  });

  it("places table 三 in its section although its heading is missing, and warns (DOC-SECTIONS)", () => {
    const missing = findings.filter((f) => f.ruleId === "DOC-SECTIONS" && f.message.includes("缺少标题"));
    expect(missing.map((f) => [f.severity, f.message])).toEqual([
      [
        "warning",
        "原文缺少标题“三、收到和处理政府信息公开申请情况”（已根据表格确定该部分的位置，可能是复制网页时丢失），请核对。",
      ],
    ]);
  });

  it("keeps sub-items numbered 一、… as printed and reports the numbering (DOC-SECTIONS)", () => {
    expect(report.sections.overview.items.map((i) => i.title)).toEqual([
      "一、主动公开",
      "二、依申请公开",
      "三、政府信息管理",
      "四、政府信息公开平台建设",
      "五、监督保障",
    ]);
    const checked = checkReport(report, { importFindings: findings });
    const numbering = checked.filter((f) => f.ruleId === "DOC-SECTIONS" && f.severity === "error");
    expect(numbering.map((f) => f.message)).toHaveLength(5);
    expect(numbering[0]!.message).toContain("应以“（一）”编号");
    expect(report.sections.overview.items[1]!.paragraphs[0]).toMatch(/^全年收到政府信息公开申请16件/);
  });

  it("reads a 落款 dated in Chinese numerals (二〇二三年一月二十日)", () => {
    expect(report.meta).toMatchObject({
      signatureName: "青山县市场监督管理局",
      signatureDate: "2023-01-20",
      year: 2022,
    });
    expect(report.sections.other.paragraphs).toEqual(["本年度依申请公开未收取信息处理费。"]);
  });
});

describe("a report copied with tab-separated tables, blank cells for zero and no title", () => {
  const { report, findings } = importText(readFixture("jiangbei-office-2021-tabs.txt"));

  it("infers the year from the statistics period and the body from the 落款 printed on one line with its date", () => {
    expect(report.meta).toMatchObject({
      title: "",
      year: 2021,
      bodyName: "江北区人民政府办公室",
      signatureName: "江北区人民政府办公室",
      signatureDate: "2022-01-20",
    });
  });

  it("keeps blank cells (trailing tabs included) blank, reports them once per table and keeps the figures", () => {
    expect(report.tables.t2.rules).toEqual({ issued: null, repealed: null, inForce: null });
    expect(report.tables.t2.normativeDocs).toEqual({ issued: 7, repealed: 2, inForce: 31 });
    expect(report.tables.t2.fees.amount).toBeNull();
    expect(row(report, "newReceived")).toEqual([40, 6, 1, null, 2, 1, 50]);
    expect(row(report, "carriedForward")).toEqual([1, null, null, null, 1, null, 2]);
    expect(t4(report)).toEqual([2, 1, null, 1, 4, 1, null, null, null, 1, null, null, null, 1, 1]);
    expectReconciles(report);
    const cellValue = findings.filter((f) => f.ruleId === "CELL-VALUE");
    expect(cellValue.map((f) => [f.severity, f.message.includes("原文为空白，已留空（不按0计算）")])).toEqual(
      [
        ["warning", true],
        ["warning", true],
        ["warning", true],
      ],
    );
    // Blank inputs are not assessable: no sum rule reports anything over them.
    const sums = checkReport(report, { importFindings: findings }).filter((f) =>
      ["T3-BALANCE", "T3-RESULT-TOTAL", "T3-ROW-TOTAL", "T4-GROUP-TOTAL"].includes(f.ruleId),
    );
    expect(sums).toEqual([]);
  });

  it("places table 二 under its section although the heading is missing", () => {
    expect(findings.filter((f) => f.ruleId === "DOC-SECTIONS").map((f) => [f.severity, f.message])).toEqual([
      [
        "warning",
        "原文缺少标题“二、主动公开政府信息情况”（已根据表格确定该部分的位置，可能是复制网页时丢失），请核对。",
      ],
    ]);
    expect(report.sections.overview.items[4]!.paragraphs).toEqual(["将政务公开纳入全区绩效考核，占比4%。"]);
  });
});

describe("a page cut off in the middle of table 三", () => {
  const result = importText(readFixture("dongmen-subdistrict-2024-truncated.txt"));
  const { report, findings } = result;

  it("keeps the cells it has and leaves the rest blank, without crashing", () => {
    expect(row(report, "newReceived")).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(row(report, "withheld.prohibited")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(report, "withheld.threeSecurity")).toEqual([0, 0, null, null, null, null, null]);
    expect(row(report, "carriedForward")).toEqual(Array(7).fill(null));
    expect(blankCells(report, "t3")).toHaveLength(131);
    expect(blankCells(report, "t4")).toHaveLength(15);
    expect(blankCells(report, "t2")).toEqual([]);
  });

  it("reports the missing cells and the cut-off sections as incomplete (warnings, never errors); there is no 落款", () => {
    expect(ruleIds(findings).sort()).toEqual(["IMPORT-INCOMPLETE", "IMPORT-INCOMPLETE", "IMPORT-INCOMPLETE"]);
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
    expect(findings[0]!.message).toContain(
      "“四、政府信息公开行政复议、行政诉讼情况”、“五、存在的主要问题及改进情况”、“六、其他需要报告的事项”未找到",
    );
    expect(findings.find((f) => f.cells?.length === 131)).toBeDefined();
    const checked = checkReport(report, { importFindings: findings });
    expect(checked.filter((f) => f.severity === "error")).toEqual([]);
    expect(report.meta).toMatchObject({ signatureName: "", signatureDate: null, year: 2024 });
  });
});

describe("a report on the 2019 trial template", () => {
  const { report, findings, unplaced } = importText(readFixture("qingshan-forestry-2019-trial-format.txt"));

  it("warns DOC-STALE-FORMAT, naming what gave it away", () => {
    const stale = findings.filter((f) => f.ruleId === "DOC-STALE-FORMAT");
    expect(stale).toHaveLength(1);
    for (const sign of ["本年新制作数量", "规范性文件", "第二十条第（九）项", "（六）其他处理"]) {
      expect(stale[0]!.message).toContain(sign);
    }
  });

  it("maps what has a meaning today and leaves the rest blank", () => {
    expect(report.tables.t2).toEqual({
      rules: { issued: 0, repealed: null, inForce: 0 },
      normativeDocs: { issued: 2, repealed: null, inForce: 14 },
      licensing: { decisions: 42 },
      punishment: { decisions: 9 },
      enforcement: { decisions: 0 },
      fees: { amount: null },
    });
    expect(row(report, "otherHandling.other")).toEqual(Array(7).fill(0));
    expect(row(report, "otherHandling.noCorrection")).toEqual(Array(7).fill(null));
    expect(row(report, "resultTotal")).toEqual([3, 1, 0, 0, 0, 0, 4]);
  });

  it("keeps the figures it cannot place as text in section 二 and lists them as unplaced", () => {
    expect(unplaced.map((u) => u.text)).toContain("其他对外管理服务事项 | 3 | 0 | 17");
    expect(unplaced.map((u) => u.text)).toContain("政府集中采购 | 5 | 86.4300万元");
    expect(unplaced.map((u) => u.text)).toContain("行政许可（上一年项目数量：6；本年增/减：+1）");
    expect(unplaced.every((u) => u.section === "proactive")).toBe(true);
    expect(report.sections.proactive.paragraphs).toEqual(unplaced.map((u) => u.text));
    expect(findings.filter((f) => f.ruleId === "IMPORT-UNPLACED")).toHaveLength(unplaced.length);
  });
});
