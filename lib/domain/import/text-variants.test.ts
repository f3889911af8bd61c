// Small variations of the seed, one quirk each, so a failure names the quirk.
import { describe, expect, it } from "vitest";
import { readSeed } from "@/tests/fixtures/reports/read-fixture";
import { checkReport } from "../rules/check-report";
import { importText } from "./text";

const seed = readSeed();
function variant(...edits: [string, string][]): string {
  return edits.reduce((text, [from, to]) => {
    expect(text, `seed contains ${from}`).toContain(from);
    return text.replace(from, to);
  }, seed);
}
const ruleIds = (text: string) => importText(text).findings.map((f) => f.ruleId);

describe("importText tolerates how published copies print tables", () => {
  it("reads a header row split over several lines", () => {
    const text = variant([
      "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
      "信息内容 | 本年制发件数 |\n本年废止件数 |\n现行有效件数 |",
    ]);
    expect(importText(text).findings).toEqual([]);
  });

  it.each(["—", "-", "无", "／", "——"])("reads “%s” as 0 and says so (CELL-VALUE)", (mark) => {
    const { report, findings } = importText(variant(["行政许可 | 0 | ||", `行政许可 | ${mark} | ||`]));
    expect(report.tables.t2.licensing.decisions).toBe(0);
    expect(findings).toMatchObject([
      { ruleId: "CELL-VALUE", severity: "warning", cells: [{ row: "licensing" }] },
    ]);
  });

  it("reads thousands separators, full-width digits and a unit in a cell", () => {
    const text = variant(
      ["行政许可 | 0 | ||", "行政许可 | 1,268 | ||"],
      ["行政处罚 | 0 | ||", "行政处罚 | １２ | ||"],
      ["行政事业性收费 | 0 |", "行政事业性收费 | 5,125.11万元 |"],
    );
    const { tables } = importText(text).report;
    expect([tables.t2.licensing.decisions, tables.t2.punishment.decisions, tables.t2.fees.amount]).toEqual([
      1268,
      12,
      "5125.11",
    ]);
  });

  it("leaves a cell that is not a count blank and says so (CELL-VALUE)", () => {
    const { report, findings } = importText(variant(["行政许可 | 0 | ||", "行政许可 | +3 | ||"]));
    expect(report.tables.t2.licensing.decisions).toBeNull();
    expect(findings).toMatchObject([{ ruleId: "CELL-VALUE", actual: "+3" }]);
  });

  it("maps a misprinted row label to the most similar row and says so (IMPORT-GUESS)", () => {
    const text = variant(
      ["行政规范性文件 | 0 | 0 | 0 |", "行政规范文件 | 4 | 0 | 4 |"],
      ["4.保护第三方合法权益 | 0", "4.保护第三方的合法权益 | 0"],
    );
    const { report, findings } = importText(text);
    expect(report.tables.t2.normativeDocs).toEqual({ issued: 4, repealed: 0, inForce: 4 });
    expect(report.tables.t3["withheld.thirdParty"]!.total).toBe(0);
    expect(findings.map((f) => f.ruleId)).toEqual(["IMPORT-GUESS", "IMPORT-GUESS"]);
  });

  it("places a row of values printed without its label by position (IMPORT-GUESS)", () => {
    const text = variant([
      "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||",
      "1 | 0 | 0 | 0 | 0 | 0 | 1 | ||",
    ]);
    const { report, findings } = importText(text);
    expect(report.tables.t3.carriedOver).toMatchObject({ natural: 1, total: 1 });
    expect(findings).toMatchObject([{ ruleId: "IMPORT-GUESS" }]);
  });

  it("keeps a row the format does not have (a subtotal) as text of section 三, reported as unplaced", () => {
    const text = variant([
      "(四)无法提供 | 1.本机关",
      "(三)不予公开小计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n(四)无法提供 | 1.本机关",
    ]);
    const { report, unplaced, findings } = importText(text);
    expect(unplaced).toEqual([
      {
        text: "(三)不予公开小计 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        section: "requests",
        paragraph: 0,
        reason: "表三中无法识别的行",
      },
    ]);
    expect(report.sections.requests.paragraphs).toEqual([unplaced[0]!.text]);
    expect(findings.map((f) => f.ruleId)).toEqual(["IMPORT-UNPLACED"]);
    expect(findings[0]!.textSpan).toMatchObject({ section: "requests", paragraph: 0 });
  });

  it("keeps prose printed under a table in that table's section", () => {
    const text = variant([
      "三、收到和处理政府信息公开申请情况",
      "注：本表数据截至2024年12月31日。\n三、收到和处理政府信息公开申请情况",
    ]);
    const { report, findings } = importText(text);
    expect(report.sections.proactive.paragraphs).toEqual(["注：本表数据截至2024年12月31日。"]);
    expect(findings).toEqual([]);
  });
});

describe("importText reads the outline as printed", () => {
  it("reports sections out of order (DOC-SECTIONS) and headings worded differently (DOC-HEADING-WORDING)", () => {
    const five = "五、存在的主要问题及改进情况";
    const text = variant([five, "五、存在的主要问题及改进措施"]);
    const imported = importText(text);
    expect(imported.findings).toEqual([]);
    const wording = checkReport(imported.report, { importFindings: imported.findings }).filter(
      (f) => f.ruleId === "DOC-HEADING-WORDING" || f.ruleId === "DOC-SECTIONS",
    );
    expect(wording.map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      [
        "DOC-HEADING-WORDING",
        "warning",
        "标题“五、存在的主要问题及改进措施”与格式不一致，应为“五、存在的主要问题及改进情况”（该部分的内容和检查不受影响）",
      ],
    ]);
    const swapped = seed.replace(/(五、存在[\s\S]*?)(六、其他需要报告的事项\n[^\n]*\n)/, "$2$1");
    const findings = importText(swapped).findings.map((f) => f.message);
    expect(findings).toEqual([
      "标题“五、存在的主要问题及改进情况”的位置不对：“五、存在的主要问题及改进情况”应排在第5位。",
    ]);
  });

  it("reports a missing sub-item and a wrong ordinal (DOC-SECTIONS)", () => {
    const text = variant(["(三)政府信息管理\n", ""], ["(五)监督保障", "(四)监督保障"]);
    const imported = importText(text);
    expect(imported.findings.map((f) => f.message)).toEqual([
      "“一、总体情况”缺少小标题“（三）政府信息管理”。",
    ]);
    const checked = checkReport(imported.report, { importFindings: imported.findings });
    expect(checked.some((f) => f.ruleId === "DOC-SECTIONS" && f.message.includes("(四)监督保障"))).toBe(true);
  });

  it("splits a sub-item heading printed on one line with its text (「（一）主动公开。本年…」)", () => {
    const text = variant(
      ["(一)主动公开\n2024年,", "(一)主动公开。2024年,"],
      ["(二)依申请公开\n", "（二）依申请公开：\n"],
    );
    const { report, findings } = importText(text);
    expect(findings).toEqual([]);
    expect(report.sections.overview.items[0]!.paragraphs[0]).toMatch(/^2024年,钢城街道依照/);
    expect(report.sections.overview.items[1]!.paragraphs).toEqual([
      "钢城街道2024年度未收到和办理政府信息公开的申请。",
    ]);
  });

  it.each([
    ["柳北区人民政府钢城街道办事处2024年政府信息公开工作年度报告", "柳北区人民政府钢城街道办事处"],
    ["2024年度柳北区钢城街道政府信息公开工作年度报告", "柳北区钢城街道"],
    ["柳北区人民政府钢城街道办事处2024年\n政府信息公开工作年度报告", "柳北区人民政府钢城街道办事处"],
  ])("reads the body and year from the title %j", (title, bodyName) => {
    const { report, ignored } = importText(`${title}\n${title.replace("\n", "")}\n${seed}`);
    expect(report.meta).toMatchObject({ bodyName, year: 2024, title: title.replace("\n", "") });
    expect(ignored).toEqual([title.replace("\n", "")]);
  });

  it("reports text above the title as unplaced but keeps it in the preamble", () => {
    const { report, unplaced } = importText(
      `柳北区人民政府门户网站\n柳北区钢城街道2024年政府信息公开工作年度报告\n${seed}`,
    );
    expect(report.meta.preamble).toEqual(["柳北区人民政府门户网站"]);
    expect(unplaced).toMatchObject([{ text: "柳北区人民政府门户网站", section: "meta", paragraph: 0 }]);
  });

  it("never mistakes a short last paragraph for the 落款 unless it ends like a body's name", () => {
    const text = variant(["柳北区人民政府钢城街道办事处\n2025年1月15日", "无"]);
    const { report } = importText(text);
    expect(report.sections.other.paragraphs).toEqual(["我街道暂无其他需要报告的事项。", "无"]);
    expect(report.meta).toMatchObject({ signatureName: "", signatureDate: null });
  });
});

describe("importText on sections missing their headings", () => {
  it("starts section 一 at its first sub-item when 一、总体情况 is missing", () => {
    const text = variant(["一、总体情况\n", ""]);
    const { report } = importText(text);
    expect(report.meta.preamble).toHaveLength(1);
    expect(report.sections.overview.items[0]!.paragraphs).toHaveLength(1);
    expect(ruleIds(text)).toEqual(["DOC-SECTIONS"]);
  });
});
