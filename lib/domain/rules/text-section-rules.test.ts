import { describe, expect, it } from "vitest";
import { checkReport, type CheckContext } from "./check-report";
import { filledReport, reportWithText, t2, t3, type TextCase } from "@/tests/builders/report-builders";

const rows: TextCase[] = [
  // TXT-TABLE2
  [
    "TXT-TABLE2",
    "active",
    "制发行政规范性文件3件。",
    [[t2("normativeDocs", "issued"), 3]],
    0,
    "issued count agrees",
  ],
  [
    "TXT-TABLE2",
    "active",
    "制发行政规范性文件3件。",
    [[t2("normativeDocs", "issued"), 2]],
    1,
    "issued count differs",
  ],
  [
    "TXT-TABLE2",
    "active",
    "现行有效行政规范性文件12件。",
    [[t2("normativeDocs", "inForce"), 11]],
    1,
    "in-force count differs",
  ],
  [
    "TXT-TABLE2",
    "active",
    "公开行政规范性文件4件。",
    [[t2("normativeDocs", "inForce"), 4]],
    0,
    "an unqualified count may be any column",
  ],
  ["TXT-TABLE2", "active", "清理行政规范性文件20件。", [], 0, "documents reviewed are not in table 二"],
  [
    "TXT-TABLE2",
    "active",
    "作出行政处罚决定12件。",
    [[t2("punishment", "decisions"), 10]],
    1,
    "处罚 count differs",
  ],
  ["TXT-TABLE2", "active", "公开行政许可事项45件。", [], 0, "许可事项 are matters, not decisions"],
  [
    "TXT-TABLE2",
    "active",
    "受理行政许可申请3400件。",
    [[t2("licensing", "decisions"), 3215]],
    0,
    "applications are not decisions",
  ],
  // TXT-FEE-SECTION6
  [
    "TXT-FEE-SECTION6",
    "other",
    "我街道暂无其他需要报告的事项。",
    [[t3("otherHandling.unpaidFee", "total"), 1]],
    1,
    "an unpaid fee notice, section 六 silent",
  ],
  [
    "TXT-FEE-SECTION6",
    "other",
    "本年度发出信息处理费缴费通知1件，实际收取0元。",
    [[t3("otherHandling.unpaidFee", "total"), 1]],
    0,
    "section 六 reports the fee",
  ],
  [
    "TXT-FEE-SECTION6",
    "onRequest",
    "共收取信息处理费200元。",
    [],
    1,
    "a fee charged in 一（二）, section 六 silent",
  ],
  ["TXT-FEE-SECTION6", "onRequest", "本年度未收取信息处理费。", [], 0, "未收取 is not a charge"],
  // TXT-SECTION5-EMPTY
  ["TXT-SECTION5-EMPTY", "problems", "无", [], 1, "only 无"],
  ["TXT-SECTION5-EMPTY", "problems", "暂无。", [], 1, "only 暂无"],
  [
    "TXT-SECTION5-EMPTY",
    "problems",
    "公开内容欠丰富，下一步将拓展公开渠道。",
    [],
    0,
    "a real problem and an improvement",
  ],
];

describe("prose versus table 二, and sections 五 and 六", () => {
  it.each(rows)(
    "%s on %s 「%s」 with cells %j gives %i finding(s): %s",
    (id, where, text, cells, count, why) => {
      const found = checkReport(reportWithText(where, text, cells)).filter((f) => f.ruleId === id);
      expect(found, why).toHaveLength(count);
    },
  );

  it("TXT-SECTION5-EMPTY accepts an empty section 五 in a draft but not at submission", () => {
    const report = filledReport({ text: { problems: [] } });
    const at = (stage: CheckContext["stage"]) =>
      checkReport(report, { stage }).filter((f) => f.ruleId === "TXT-SECTION5-EMPTY");
    expect(at("draft")).toEqual([]);
    expect(at("submit")).toHaveLength(1);
    expect(at("submit")[0]?.severity).toBe("error");
  });
});
