import { describe, expect, it } from "vitest";
import type { Finding } from "../findings";
import type { OverviewItemKey } from "../format";
import { gangcheng2024Report } from "@/tests/builders/gangcheng-2024-fixture";
import type { Report } from "../report-schema";
import { checkReport, type CheckContext } from "./check-report";
import { filledReport } from "@/tests/builders/report-builders";

const findings = (id: string, report: Report, context?: CheckContext) =>
  checkReport(report, context).filter((f) => f.ruleId === id);

type Items = Report["sections"]["overview"]["items"];
function withItems(report: Report, edit: (items: Items) => Items): Report {
  const overview = report.sections.overview;
  return {
    ...report,
    sections: { ...report.sections, overview: { ...overview, items: edit(overview.items) } },
  };
}
const retitled = (key: OverviewItemKey, title: string) =>
  withItems(filledReport(), (items) => items.map((i) => (i.key === key ? { ...i, title } : i)));

describe("DOC-SECTIONS", () => {
  it.each<[string, number, Report, CheckContext["stage"]]>([
    ["half-width numbering as published, 「(一)主动公开」", 0, gangcheng2024Report(), "submit"],
    ["a sub-item numbered 「一、主动公开」", 1, retitled("active", "一、主动公开"), "draft"],
    ["a sub-item numbered 「1.主动公开」", 1, retitled("active", "1.主动公开"), "draft"],
    [
      "a title with an added 情况, 「（一）主动公开情况」",
      0,
      retitled("active", "（一）主动公开情况"),
      "draft",
    ],
    [
      "swapped sub-items",
      1,
      withItems(filledReport(), (items) => [items[1]!, items[0]!, ...items.slice(2)]),
      "draft",
    ],
    ["a sub-item missing from a draft", 0, withItems(filledReport(), (items) => items.slice(0, 4)), "draft"],
    [
      "a sub-item missing at submission",
      1,
      withItems(filledReport(), (items) => items.slice(0, 4)),
      "submit",
    ],
    ["a blank sub-item title in a draft", 0, retitled("platform", ""), "draft"],
    ["a blank sub-item title at submission", 1, retitled("platform", ""), "submit"],
  ])("DOC-SECTIONS on %s gives %i finding(s)", (_name, count, report, stage) => {
    expect(findings("DOC-SECTIONS", report, { stage })).toHaveLength(count);
  });

  it("a correctly numbered sub-item in other words is only a DOC-HEADING-WORDING warning", () => {
    const report = retitled("platform", "（四）平台建设");
    expect(findings("DOC-SECTIONS", report)).toEqual([]);
    const [f] = findings("DOC-HEADING-WORDING", report);
    expect(f).toMatchObject({
      severity: "warning",
      message: "第一部分子项“（四）平台建设”与格式不一致，应为“（四）政府信息公开平台建设”",
    });
  });

  it("DOC-SECTIONS merges the importer's findings about headings, without duplicates", () => {
    const imported: Finding = {
      ruleId: "DOC-SECTIONS",
      severity: "error",
      message: "原文缺少标题“三、收到和处理政府信息公开申请情况”",
    };
    const all = checkReport(filledReport(), { importFindings: [imported, { ...imported }] });
    expect(all).toEqual([imported]);
  });
});

describe("DOC-YEAR", () => {
  const in2023 = (text: Partial<Record<OverviewItemKey | "problems" | "overview", string[]>>, meta = {}) =>
    filledReport({ year: 2023, text, meta });

  it.each<[string, number, Report]>([
    [
      "「2022年我镇收到依申请公开申请事项0件」 in a 2023 report",
      1,
      in2023({ onRequest: ["2022年我镇收到依申请公开申请事项0件。"] }),
    ],
    ["last year's title", 1, in2023({}, { title: "钢城街道2022年政府信息公开工作年度报告" })],
    [
      "a title with the year in Chinese numerals",
      1,
      in2023({}, { title: "钢城街道二〇二二年政府信息公开工作年度报告" }),
    ],
    [
      "last year's statistics period",
      1,
      in2023({}, { preamble: ["统计期限为2022年1月1日至2022年12月31日。"] }),
    ],
    [
      "last year's report named in the preamble",
      1,
      in2023({}, { preamble: ["现将2022年度政府信息公开工作年度报告公布如下。"] }),
    ],
    [
      "a plan for next year in section 五",
      0,
      in2023({ problems: ["2024年我街道将进一步公开政府信息50条。"] }),
    ],
    ["a comparison with last year", 0, in2023({ onRequest: ["共收到申请5件，比2022年增加2件。"] })],
    ["a count as of a date", 0, in2023({ active: ["截至2022年底，现行有效行政规范性文件12件。"] })],
    [
      "the follow-up of last year's report",
      0,
      in2023({ problems: ["针对2022年度政府信息公开工作年度报告中指出的问题，已整改3项。"] }),
    ],
    [
      "an application carried over from December",
      0,
      in2023({ onRequest: ["2022年12月收到的申请1件结转至本年办理。"] }),
    ],
    ["a date in last December", 0, in2023({ active: ["2022年12月印发的行政规范性文件1件已于本年废止。"] })],
    ["this year's facts", 0, in2023({ active: ["2023年，钢城街道主动公开政府信息83条。"] })],
  ])("DOC-YEAR on %s gives %i finding(s)", (_name, count, report) => {
    expect(findings("DOC-YEAR", report)).toHaveLength(count);
  });

  it("DOC-YEAR quotes the whole title and names both years", () => {
    const [f] = findings("DOC-YEAR", in2023({}, { title: "钢城街道2022年政府信息公开工作年度报告" }));
    expect(f).toMatchObject({ severity: "warning", expected: 2023, actual: 2022 });
    expect(f?.textSpan).toMatchObject({
      section: "meta",
      paragraph: -1,
      quote: "钢城街道2022年政府信息公开工作年度报告",
    });
  });
});

describe("citations, stale labels and template leftovers", () => {
  const inPreamble = (text: string) => filledReport({ meta: { preamble: [text] } });
  const inProse = (text: string) => filledReport({ text: { proactive: [text] } });

  it.each<[string, string, number, Report]>([
    [
      "DOC-BASIS-CITATION",
      "the current citation",
      0,
      inPreamble("根据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。"),
    ],
    ["DOC-BASIS-CITATION", "no citation at all", 0, inPreamble("根据《条例》编制本报告。")],
    ["DOC-BASIS-CITATION", "「国办政务公开办函」", 1, inPreamble("根据国办政务公开办函〔2021〕30号编制。")],
    [
      "DOC-BASIS-CITATION",
      "「格式（试行）」",
      1,
      inPreamble("根据《政府信息公开工作年度报告格式（试行）》编制。"),
    ],
    [
      "DOC-BASIS-CITATION",
      "「国办公开办函〔2019〕60号」",
      1,
      inPreamble("根据国办公开办函〔2019〕60号编制。"),
    ],
    ["DOC-BASIS-CITATION", "「国办公开办函[2019]60号」", 1, inPreamble("根据国办公开办函[2019]60号编制。")],
    ["DOC-STALE-FORMAT", "the 2021 labels", 0, inProse("本年制发行政规范性文件0件。")],
    ["DOC-STALE-FORMAT", "「本年新制作数量」", 1, inProse("本年新制作数量0件。")],
    ["DOC-STALE-FORMAT", "「对外公开总数量」", 1, inProse("对外公开总数量5件。")],
    ["DOC-STALE-FORMAT", "「第二十条第（九）项」", 1, inProse("第二十条第（九）项 政府集中采购")],
    ["DOC-TEMPLATE-LEFTOVER", "ordinary prose", 0, inProse("钢城街道主动公开政府信息83条。")],
    [
      "DOC-TEMPLATE-LEFTOVER",
      "「该部分以表格形式报告。表格如下：」",
      1,
      inProse("该部分以表格形式报告。表格如下："),
    ],
    ["DOC-TEMPLATE-LEFTOVER", "a ×× placeholder", 1, inProse("××街道主动公开政府信息83条。")],
    ["DOC-TEMPLATE-LEFTOVER", "an XX placeholder", 1, inProse("主动公开政府信息XX条。")],
    ["DOC-TEMPLATE-LEFTOVER", "the official template's 「（文字描述）」", 1, inProse("（文字描述）")],
    ["DOC-TEMPLATE-LEFTOVER", "「在此处报告」 left in", 1, inProse("在此处报告本机关信息处理费收取情况。")],
    ["DOC-TEMPLATE-LEFTOVER", "a bracketed instruction", 1, inProse("（根据实际情况填写）本年度无。")],
    ["DOC-TEMPLATE-LEFTOVER", "a description in prose", 0, inProse("以文字描述与图表相结合的方式解读政策。")],
  ])("%s on %s gives %i finding(s)", (id, _name, count, report) => {
    expect(findings(id, report)).toHaveLength(count);
  });

  it("DOC-BASIS-CITATION points at the wrong citation and names the right one", () => {
    const [f] = findings("DOC-BASIS-CITATION", inPreamble("根据国办公开办函〔2019〕60号编制。"));
    expect(f?.textSpan).toMatchObject({ section: "meta", paragraph: 0, quote: "国办公开办函〔2019〕60号" });
    expect(f?.expected).toBe("国办公开办函〔2021〕30号");
  });
});

describe("DOC-DEADLINE", () => {
  const gov = filledReport({ bodyName: "柳州市柳北区人民政府" });
  it.each<[string, number, Report, CheckContext]>([
    ["published on the deadline day", 0, filledReport(), { publishedAt: "2025-01-31" }],
    ["published the day after", 1, filledReport(), { publishedAt: "2025-02-01" }],
    [
      "published at 23:30 China time on the deadline day",
      0,
      filledReport(),
      { publishedAt: "2025-01-31T23:30:00+08:00" },
    ],
    [
      "published at 16:30 UTC, already the next day in China",
      1,
      filledReport(),
      { publishedAt: "2025-01-31T16:30:00Z" },
    ],
    ["not yet published", 0, filledReport(), {}],
    [
      "late according to the document's own 发布日期",
      1,
      filledReport({ meta: { publishedDate: "2025-02-03" } }),
      {},
    ],
    [
      "late against a district's earlier deadline",
      1,
      filledReport(),
      { publishedAt: "2025-01-25", profile: { deadline: "2025-01-20" } },
    ],
    ["a district government's own report in March", 0, gov, { publishedAt: "2025-03-01" }],
    ["a district government's own report in April", 1, gov, { publishedAt: "2025-04-01" }],
  ])("DOC-DEADLINE when %s gives %i finding(s)", (_name, count, report, context) => {
    expect(findings("DOC-DEADLINE", report, context)).toHaveLength(count);
  });

  it("DOC-DEADLINE states both dates in Chinese", () => {
    const [f] = findings("DOC-DEADLINE", filledReport(), { publishedAt: "2025-02-01" });
    expect(f).toMatchObject({
      severity: "warning",
      message: "发布日期（2025年2月1日）晚于规定的发布期限（2025年1月31日）",
    });
  });
});
