import { describe, expect, it } from "vitest";
import { readSeed } from "@/tests/fixtures/reports/read-fixture";
import { ALL_CELLS, cellId } from "../format";
import { parseReport } from "../report-schema";
import { getCell } from "../cells";
import { importText } from "./text";

const seed = readSeed();
const seedLines = seed.split("\n");
/** The seed's lines strictly between two printed lines (headings), exactly as published. */
function between(start: string, end: string | null): string[] {
  const from = seedLines.indexOf(start);
  const to = end === null ? seedLines.length : seedLines.indexOf(end);
  expect(from, start).toBeGreaterThanOrEqual(0);
  expect(to, String(end)).toBeGreaterThan(from);
  return seedLines.slice(from + 1, to);
}

describe("importText on the seed (柳北区人民政府钢城街道办事处 2024, copied from its web page)", () => {
  const { report, findings, unplaced, ignored, recognised } = importText(seed);

  it("reads all 200 cells as 0 — none blank — with no finding, nothing unplaced and nothing ignored", () => {
    expect(ALL_CELLS).toHaveLength(200);
    for (const cell of ALL_CELLS) {
      expect(getCell(report.tables, cell), cellId(cell)).toBe(cell.isDecimal ? "0" : 0);
    }
    expect(findings).toEqual([]);
    expect(unplaced).toEqual([]);
    expect(ignored).toEqual([]);
    expect(recognised).toBe(true);
  });

  it("keeps every sentence: each section's paragraphs are the seed's lines, verbatim", () => {
    const { overview } = report.sections;
    expect(overview.paragraphs).toEqual(between("一、总体情况", "(一)主动公开"));
    expect(overview.items.map((i) => [i.key, i.title, i.paragraphs])).toEqual([
      ["active", "（一）主动公开", between("(一)主动公开", "(二)依申请公开")],
      ["onRequest", "（二）依申请公开", between("(二)依申请公开", "(三)政府信息管理")],
      ["management", "（三）政府信息管理", between("(三)政府信息管理", "(四)政府信息公开平台建设")],
      ["platform", "（四）政府信息公开平台建设", between("(四)政府信息公开平台建设", "(五)监督保障")],
      ["supervision", "（五）监督保障", between("(五)监督保障", "二、主动公开政府信息情况")],
    ]);
    expect(report.sections.problems.paragraphs).toEqual(
      between("五、存在的主要问题及改进情况", "六、其他需要报告的事项"),
    );
    expect(report.sections.other.paragraphs).toEqual(
      between("六、其他需要报告的事项", "柳北区人民政府钢城街道办事处"),
    );
    for (const key of ["proactive", "requests", "appeals"] as const)
      expect(report.sections[key].paragraphs).toEqual([]);
  });

  it("takes the 落款 and its date from the end, the body name from the 落款 and the year from the text", () => {
    expect(report.meta).toEqual({
      bodyName: "柳北区人民政府钢城街道办事处",
      year: 2024,
      title: "",
      preamble: [],
      contact: null,
      signatureName: "柳北区人民政府钢城街道办事处",
      signatureDate: "2025-01-15",
      indexNumber: null,
      publisher: null,
      writtenDate: null,
      publishedDate: null,
    });
  });

  it("produces a document the report schema accepts", () => {
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it("reads the same report from CRLF line endings, a BOM and indented lines", () => {
    const windows = `\uFEFF${seed
      .split("\n")
      .map((l) => `　　${l}`)
      .join("\r\n")}\r\n`;
    expect(importText(windows).report).toEqual(report);
  });
});

describe("importText without any report structure", () => {
  it("keeps the text as preamble and says it recognised nothing", () => {
    const result = importText("这是一段与年报无关的文字。", { year: 2024, bodyName: "某单位" });
    expect(result.recognised).toBe(false);
    expect(result.report.meta).toMatchObject({
      preamble: ["这是一段与年报无关的文字。"],
      year: 2024,
      bodyName: "某单位",
    });
    expect(result.findings.map((f) => f.ruleId)).toContain("DOC-YEAR");
  });
});
