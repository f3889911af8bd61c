import { describe, expect, it } from "vitest";
import { readFixture, readSeed } from "@/tests/fixtures/reports/read-fixture";
import { renderHtml } from "../render/html";
import { expandTableGrid, originTexts } from "./html-grid";
import { htmlToLines, importHtml } from "./html";
import { importText } from "./text";

describe("expandTableGrid", () => {
  const cell = (text: string, colSpan = 1, rowSpan = 1) => ({ text, colSpan, rowSpan });

  it("fills every position covered by a rowspan or colspan and marks the origin", () => {
    const grid = expandTableGrid([
      [cell("A", 2, 2), cell("B")],
      [cell("C")],
      [cell("D"), cell("E"), cell("F")],
    ]);
    expect(grid.map((r) => r.map((c) => `${c.text}${c.isOrigin ? "" : "'"}`))).toEqual([
      ["A", "A'", "B"],
      ["A'", "A'", "C"],
      ["D", "E", "F"],
    ]);
    expect(originTexts(grid)).toEqual([["A", "B"], ["C"], ["D", "E", "F"]]);
  });

  it("stops a rowspan at the last row and never lets an overlapping span overwrite a cell", () => {
    const grid = expandTableGrid([[cell("A", 1, 9), cell("B")], [cell("C", 2)]]);
    expect(grid.map((r) => r.map((c) => c.text))).toEqual([
      ["A", "B"],
      ["A", "C", "C"],
    ]);
  });
});

describe("importHtml on a published page (青山县红岭乡 2024) with site chrome around the article", () => {
  const html = readFixture("hongling-township-2024.html");
  const { report, findings, unplaced } = importHtml(html);

  it("keeps the page metadata and the title from outside the article body", () => {
    expect(report.meta).toMatchObject({
      bodyName: "青山县红岭乡人民政府",
      year: 2024,
      title: "青山县红岭乡人民政府2024年政府信息公开工作年度报告",
      indexNumber: "11452226008123456H/2025-00021",
      publisher: "青山县红岭乡人民政府",
      writtenDate: "2025-01-16",
      publishedDate: "2025-01-17",
      signatureName: "青山县红岭乡人民政府",
      signatureDate: "2025-01-16",
    });
    expect(report.meta.contact).toMatchObject({ office: "红岭乡党政办公室", postcode: "545611" });
  });

  it("leaves menus, breadcrumbs, scripts and the footer out of the report", () => {
    const all = JSON.stringify(report);
    for (const chrome of ["走进青山", "当前位置", "统计代码", "主办单位", "ICP", "打印本页", "关怀版"]) {
      expect(all).not.toContain(chrome);
    }
    expect(unplaced).toEqual([]);
  });

  it("splits paragraphs at <p> and <br>", () => {
    expect(report.sections.overview.items[0]!.paragraphs).toEqual([
      "全年在县政府门户网站主动公开政府信息71条，其中乡村振兴信息29条。",
      "公开惠农补贴发放信息12批次。",
    ]);
  });

  it("reads tables with rowspan/colspan, cells split by <br>, &nbsp; and “/”", () => {
    expect(report.tables.t2).toEqual({
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: 1, repealed: 0, inForce: 4 },
      licensing: { decisions: 37 },
      punishment: { decisions: 2 },
      enforcement: { decisions: 0 },
      fees: { amount: "0.85" },
    });
    expect(Object.values(report.tables.t3.newReceived!)).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(Object.values(report.tables.t3["notProcessed.publication"]!)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(Object.values(report.tables.t4.cases)).toEqual(Array(15).fill(0));
    expect(findings).toMatchObject([{ ruleId: "CELL-VALUE", cells: [{ table: "t2", row: "enforcement" }] }]);
  });

  it("turns a <tr> into one row line holding only the cells that start in it", () => {
    const { lines } = htmlToLines(html);
    expect(lines.find((l) => l.cells[0] === "2.其他法律行政法规禁止公开")!.cells).toHaveLength(8);
    expect(lines.find((l) => l.cells[0] === "三、本年度办理结果")!.cells.slice(0, 3)).toEqual([
      "三、本年度办理结果",
      "（一）予以公开",
      "2",
    ]);
  });
});

describe("importHtml on the HTML renderer's own output", () => {
  it("reads back the seed's report exactly, its captions left out as page furniture", () => {
    const { report } = importText(readSeed());
    const result = importHtml(renderHtml(report, { idPrefix: "r1-" }));
    expect(result.report).toEqual(report);
    expect(result.findings).toEqual([]);
    expect(result.ignored).toEqual([
      "表二　主动公开政府信息情况",
      "表三　收到和处理政府信息公开申请情况",
      "表四　政府信息公开行政复议、行政诉讼情况",
    ]);
  });

  it("falls back to the whole document when no section heading is found", () => {
    const result = importHtml("<html><body><p>通知：系统维护。</p></body></html>", { year: 2024 });
    expect(result.recognised).toBe(false);
    expect(result.report.meta.preamble).toEqual(["通知：系统维护。"]);
  });
});
