import { describe, expect, it } from "vitest";
import type { Finding } from "../findings";
import { emptyTables, type Report } from "../report-schema";
import { checkReport, RULE_IDS, RULES, type CheckContext, type RuleId } from "./check-report";
import { filledReport, t2, t3, t4 } from "@/tests/builders/report-builders";

interface Case {
  name: string;
  report: Report;
  context?: CheckContext;
}

const STREET = { profile: { kind: "街道" as const } };
const lastYear = (cells: Parameters<typeof filledReport>[0] = {}) => filledReport({ year: 2023, ...cells });
const onRequest = (text: string) => ({ text: { onRequest: [text] } });

/** For every rule: one report it accepts and one it flags (more cases live beside each theme's rules). */
const CASES: Record<RuleId, { passes: Case; fails: Case }> = {
  "T3-BALANCE": {
    passes: { name: "一 + 二 equals （七）总计 + 四 in every column", report: filledReport() },
    fails: {
      name: "an application received is neither handled nor carried forward",
      report: filledReport({ cells: [[t3("newReceived", "natural"), 1]], recompute: true }),
    },
  },
  "T3-RESULT-TOTAL": {
    passes: { name: "（七）总计 is the sum of the result rows", report: filledReport() },
    fails: {
      name: "a result row is not counted in （七）总计",
      report: filledReport({ cells: [[t3("disclosed", "natural"), 1]] }),
    },
  },
  "T3-ROW-TOTAL": {
    passes: { name: "every row's 总计 adds its six columns", report: filledReport() },
    fails: {
      name: "总计 misses the 自然人 column",
      report: filledReport({ cells: [[t3("carriedOver", "natural"), 2]] }),
    },
  },
  "T4-GROUP-TOTAL": {
    passes: { name: "each group's 总计 adds its four outcomes", report: filledReport() },
    fails: {
      name: "行政复议 总计 misses an upheld case",
      report: filledReport({ cells: [[t4("review.upheld"), 1]] }),
    },
  },
  "CELL-VALUE": {
    passes: {
      name: "every cell is filled with a valid value at submission",
      report: filledReport(),
      context: { stage: "submit" },
    },
    fails: {
      name: "a count is negative",
      report: filledReport({ cells: [[t3("disclosed", "research"), -1]] }),
    },
  },
  "T2-RULES-POWER": {
    passes: { name: "a 街道 reports 0 规章", report: filledReport(), context: STREET },
    fails: {
      name: "a 街道 reports issuing a 规章",
      report: filledReport({ cells: [[t2("rules", "issued"), 1]] }),
      context: STREET,
    },
  },
  "T3-CARRY-SHARE": {
    passes: { name: "nothing is carried forward", report: filledReport() },
    fails: {
      name: "both applications of the year are carried forward",
      report: filledReport({
        cells: [
          [t3("newReceived", "natural"), 2],
          [t3("carriedForward", "natural"), 2],
        ],
        recompute: true,
      }),
    },
  },
  "T2-FEE-UNIT": {
    passes: {
      name: "a 街道's fee is 26.55 万元",
      report: filledReport({ cells: [[t2("fees", "amount"), "26.55"]] }),
    },
    fails: {
      name: "a 街道's fee is 125000 万元",
      report: filledReport({ cells: [[t2("fees", "amount"), "125000"]] }),
    },
  },
  "X-CARRY-OVER": {
    passes: {
      name: "last year carried nothing forward and nothing is carried over",
      report: filledReport(),
      context: { previous: lastYear() },
    },
    fails: {
      name: "last year carried one application forward but this year shows none carried over",
      report: filledReport(),
      context: { previous: lastYear({ cells: [[t3("carriedForward", "natural"), 1]], recompute: true }) },
    },
  },
  "X-IN-FORCE": {
    passes: {
      name: "现行有效 follows from last year's",
      report: filledReport({ cells: [[t2("normativeDocs", "inForce"), 0]] }),
      context: { previous: lastYear() },
    },
    fails: {
      name: "five documents in force last year vanish without repeal",
      report: filledReport(),
      context: { previous: lastYear({ cells: [[t2("normativeDocs", "inForce"), 5]] }) },
    },
  },
  "X-REPEAL-BOUND": {
    passes: { name: "nothing is repealed", report: filledReport(), context: { previous: lastYear() } },
    fails: {
      name: "three documents are repealed though none was in force or issued",
      report: filledReport({ cells: [[t2("normativeDocs", "repealed"), 3]] }),
      context: { previous: lastYear() },
    },
  },
  "X-YOY-CLAIM": {
    passes: {
      name: "36 applications against last year's 31 is a rise of 16.13%",
      report: filledReport(onRequest("全年共收到政府信息公开申请36件，同比上升16.13%。")),
      context: { previous: lastYear({ cells: [[t3("newReceived", "total"), 31]] }) },
    },
    fails: {
      name: "36 applications against last year's 30 is not a rise of 16.13%",
      report: filledReport(onRequest("全年共收到政府信息公开申请36件，同比上升16.13%。")),
      context: { previous: lastYear({ cells: [[t3("newReceived", "total"), 30]] }) },
    },
  },
  "TXT-APPLICATIONS": {
    passes: { name: "the text says no application was received and table 三 agrees", report: filledReport() },
    fails: {
      name: "the text says 2 applications and table 三 says 3",
      report: filledReport({
        ...onRequest("本年度共收到政府信息公开申请2件。"),
        cells: [[t3("newReceived", "total"), 3]],
      }),
    },
  },
  "TXT-REVIEW-LITIGATION": {
    passes: {
      name: "the text denies any 行政复议 and table 四 shows none",
      report: filledReport(onRequest("本年度未发生政府信息公开行政复议、行政诉讼案件。")),
    },
    fails: {
      name: "the text denies any 行政复议 but table 四 shows one",
      report: filledReport({
        ...onRequest("本年度未发生政府信息公开行政复议、行政诉讼案件。"),
        cells: [[t4("review.total"), 1]],
      }),
    },
  },
  "TXT-TABLE2": {
    passes: {
      name: "the text's 3 行政规范性文件 issued match table 二",
      report: filledReport({
        text: { active: ["制发行政规范性文件3件。"] },
        cells: [[t2("normativeDocs", "issued"), 3]],
      }),
    },
    fails: {
      name: "the text's 3 行政规范性文件 issued do not match table 二's 2",
      report: filledReport({
        text: { active: ["制发行政规范性文件3件。"] },
        cells: [[t2("normativeDocs", "issued"), 2]],
      }),
    },
  },
  "TXT-PART-WHOLE": {
    passes: {
      name: "each part is at most the total",
      report: filledReport({
        text: { active: ["全年累计主动公开政府信息162条。其中，微信公众号发布信息93篇。"] },
      }),
    },
    fails: {
      name: "a part of 293 exceeds the total of 162",
      report: filledReport({
        text: { active: ["全年累计主动公开政府信息162条。其中，微信公众号发布信息293篇。"] },
      }),
    },
  },
  "TXT-PERCENT": {
    passes: {
      name: "1 of 80 is printed as 1.25%",
      report: filledReport({ text: { proactive: ["共收到申请80件，予以公开1件，占1.25%。"] } }),
    },
    fails: {
      name: "1 of 80 is printed as 1.1%",
      report: filledReport({ text: { proactive: ["共收到申请80件，予以公开1件，占1.1%。"] } }),
    },
  },
  "TXT-FEE-SECTION6": {
    passes: { name: "no fee notice was issued", report: filledReport() },
    fails: {
      name: "a fee notice went unpaid but section 六 is silent about 信息处理费",
      report: filledReport({ cells: [[t3("otherHandling.unpaidFee", "total"), 1]] }),
    },
  },
  "TXT-SECTION5-EMPTY": {
    passes: { name: "section 五 names problems and improvements", report: filledReport() },
    fails: { name: "section 五 only says 无", report: filledReport({ text: { problems: ["无。"] } }) },
  },
  "DOC-SECTIONS": {
    passes: { name: "section 一's sub-items are numbered （一） to （五）", report: filledReport() },
    fails: { name: "a sub-item is numbered 一、", report: renumbered(filledReport(), "一、主动公开") },
  },
  "DOC-HEADING-WORDING": {
    passes: { name: "headings use the format's words", report: filledReport() },
    fails: {
      name: "section 五 is printed 「五、存在的主要问题及整改措施」",
      report: withLayout(filledReport(), { headings: { problems: "五、存在的主要问题及整改措施" } }),
    },
  },
  "IMPORT-TABLE-UNREAD": {
    passes: {
      name: "every table the source printed was read",
      report: withLayout(filledReport(), { tables: ["t2", "t3", "t4"] }),
    },
    fails: {
      name: "table 三 was printed but none of its cells could be read",
      report: withLayout(withoutT3(filledReport()), { tables: ["t2", "t4"], unreadTables: ["t3"] }),
    },
  },
  "DOC-YEAR": {
    passes: {
      name: "the 2023 report speaks of 2023 and plans for 2024",
      report: filledReport({ year: 2023 }),
    },
    fails: {
      name: "a 2023 report says 「2022年我镇收到依申请公开申请事项0件」",
      report: filledReport({ year: 2023, text: { onRequest: ["2022年我镇收到依申请公开申请事项0件。"] } }),
    },
  },
  "DOC-BASIS-CITATION": {
    passes: { name: "the preamble cites 国办公开办函〔2021〕30号", report: filledReport() },
    fails: {
      name: "the preamble cites 国办公开办函〔2019〕60号",
      report: filledReport({ meta: { preamble: ["根据国办公开办函〔2019〕60号要求编制。"] } }),
    },
  },
  "DOC-STALE-FORMAT": {
    passes: { name: "the prose uses the 2021 labels", report: filledReport() },
    fails: {
      name: "the prose uses the trial format's 本年新制作数量",
      report: filledReport({ text: { proactive: ["本年新制作数量为0。"] } }),
    },
  },
  "DOC-TEMPLATE-LEFTOVER": {
    passes: { name: "no template instruction is left", report: filledReport() },
    fails: {
      name: "「该部分以表格形式报告。表格如下：」 is left in",
      report: filledReport({ text: { proactive: ["该部分以表格形式报告。表格如下："] } }),
    },
  },
  "TXT-CARRIED-OVER": {
    passes: {
      name: "this year's figures replaced last year's in the same sentences",
      report: filledReport({ year: 2025 }),
      context: {
        previous: filledReport({
          year: 2024,
          text: { active: ["2024年主动公开政府信息76条。"], supervision: ["辖区6个社区均成立便民服务站。"] },
        }),
      },
    },
    fails: {
      name: "「主动公开政府信息83条」 is last year's sentence with only the year moved",
      report: filledReport({
        year: 2025,
        text: {
          active: [
            "2025年，钢城街道通过柳北区政府门户网站“镇街道信息公开”“柳北动态”栏目主动公开政府信息83条。",
          ],
        },
      }),
      context: { previous: filledReport({ year: 2024 }) },
    },
  },
  "DOC-TITLE": {
    passes: {
      name: "the report has its title at submission",
      report: filledReport(),
      context: { stage: "submit" },
    },
    fails: {
      name: "the title is blank at submission",
      report: filledReport({ meta: { title: "" } }),
      context: { stage: "submit" },
    },
  },
  "DOC-CONTACT": {
    passes: {
      name: "the preamble prints the address, telephone and postcode",
      report: filledReport(),
      context: { stage: "submit" },
    },
    fails: {
      name: "no contact is given at submission",
      report: filledReport({ meta: { contact: null } }),
      context: { stage: "submit" },
    },
  },
  "DOC-SIGNATURE": {
    passes: {
      name: "the 落款 is named and dated 2025-01-15",
      report: filledReport(),
      context: { stage: "submit" },
    },
    fails: {
      name: "the 成文日期 is missing at submission",
      report: filledReport({ meta: { signatureDate: null } }),
      context: { stage: "submit" },
    },
  },
  "DOC-DEADLINE": {
    passes: {
      name: "published on 31 January",
      report: filledReport(),
      context: { publishedAt: "2025-01-31" },
    },
    fails: {
      name: "published on 1 February",
      report: filledReport(),
      context: { publishedAt: "2025-02-01" },
    },
  },
};

function withLayout(report: Report, layout: Partial<NonNullable<Report["layout"]>>): Report {
  const base = { headings: {}, items: [], tables: [], unreadTables: [] };
  return { ...report, layout: { ...base, ...layout } };
}

function withoutT3(report: Report): Report {
  return { ...report, tables: { ...report.tables, t3: emptyTables().t3 } };
}

function renumbered(report: Report, title: string): Report {
  const items = report.sections.overview.items.map((item, i) => (i === 0 ? { ...item, title } : item));
  return { ...report, sections: { ...report.sections, overview: { ...report.sections.overview, items } } };
}

const of = (findings: Finding[], id: string) => findings.filter((f) => f.ruleId === id);

describe("the rule list", () => {
  it("names every rule of docs/format.md §6 exactly once, each with a severity and a Chinese title", () => {
    expect(new Set(RULE_IDS).size).toBe(31);
    expect(Object.keys(CASES).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of RULES) expect(rule.title).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe.each(RULE_IDS)("%s", (id) => {
  const { passes, fails } = CASES[id];
  const severity = RULES.find((r) => r.id === id)?.severity;
  it(`${id} reports nothing when ${passes.name}`, () => {
    expect(of(checkReport(passes.report, passes.context), id)).toEqual([]);
  });
  it(`${id} reports a ${severity} in Chinese when ${fails.name}`, () => {
    const found = of(checkReport(fails.report, fails.context), id);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(found.some((f) => f.severity === severity)).toBe(true);
  });
});
