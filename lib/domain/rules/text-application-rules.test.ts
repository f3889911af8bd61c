import { describe, expect, it } from "vitest";
import { emptyReport } from "../report-schema";
import { checkReport } from "./check-report";
import { filledReport, reportWithText, t3, t4, type TextCase } from "@/tests/builders/report-builders";

const rows: TextCase[] = [
  // TXT-APPLICATIONS
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "本年度共收到政府信息公开申请2件。",
    [[t3("newReceived", "total"), 3]],
    1,
    "text says 2, table says 3",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "本年度共收到政府信息公开申请2件。",
    [[t3("newReceived", "total"), 2]],
    0,
    "text and table agree",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "共收到政府信息公开申请3件（含上年结转1件）。",
    [
      [t3("newReceived", "total"), 2],
      [t3("carriedOver", "total"), 1],
    ],
    0,
    "收到 may count 一 + 二",
  ],
  ["TXT-APPLICATIONS", "onRequest", "收到依申请公开申请事项0件。", [], 0, "zero matches an all-zero table"],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "全年共受理政府信息公开申请十二件。",
    [[t3("newReceived", "total"), 11]],
    1,
    "a Chinese numeral is read",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "共收到两件政府信息公开申请。",
    [[t3("newReceived", "total"), 3]],
    0,
    "a number before its noun is too loose to read",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "收到行政复议申请1件。",
    [],
    0,
    "a 复议 application is not a disclosure application",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "其中予以公开5件，部分公开1件，不予公开2件。",
    [
      [t3("disclosed", "total"), 5],
      [t3("partial", "total"), 1],
      [t3("withheld.thirdParty", "total"), 2],
    ],
    0,
    "per-result counts agree",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "不予以公开2件。",
    [[t3("withheld.thirdParty", "total"), 1]],
    1,
    "不予以公开 is 不予公开, summed over its eight rows",
  ],
  ["TXT-APPLICATIONS", "onRequest", "结转下年度继续办理1件。", [], 1, "the carry-forward differs from 四"],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "本年度受理政府信息公开申请 17 件。",
    [[t3("newReceived", "total"), 16]],
    1,
    "a number with spaces around it (copied from PDF) is read",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "本年度受理政府信息公开申请 16 件。",
    [[t3("newReceived", "total"), 16]],
    0,
    "a spaced number that agrees",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "全年收到政府信息公开申请1,083件。",
    [[t3("newReceived", "total"), 1083]],
    0,
    "a thousands separator 1,083",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "全年收到政府信息公开申请 1 083 件。",
    [[t3("newReceived", "total"), 1084]],
    1,
    "a thousands group 1 083 is one number",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "其中予以公开及部分公开258件。",
    [
      [t3("disclosed", "total"), 200],
      [t3("partial", "total"), 58],
    ],
    0,
    "予以公开及部分公开 counts （一） + （二）",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "其中予以公开及部分公开258件。",
    [
      [t3("disclosed", "total"), 200],
      [t3("partial", "total"), 57],
    ],
    1,
    "予以公开及部分公开 that disagrees with （一） + （二）",
  ],

  [
    "TXT-APPLICATIONS",
    "onRequest",
    "本年度未收到政府信息公开申请。",
    [[t3("newReceived", "total"), 2]],
    1,
    "未收到 contradicts 2 received",
  ],
  [
    "TXT-APPLICATIONS",
    "active",
    "本年度共收到政府信息公开申请2件。",
    [[t3("newReceived", "total"), 3]],
    0,
    "only 一（二） and section 三 are read",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "共收到公民、法人和其他组织提出的政府信息公开申请31件。",
    [[t3("newReceived", "total"), 30]],
    1,
    "naming both applicant kinds still means all",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "共收到申请31件，其中收到涉及征地拆迁的申请15件。",
    [[t3("newReceived", "total"), 31]],
    0,
    "a subset after 其中 is not the total",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "收到法人或其他组织申请3件。",
    [[t3("newReceived", "total"), 31]],
    0,
    "one kind of applicant is a subset",
  ],
  [
    "TXT-APPLICATIONS",
    "onRequest",
    "涉及征地的申请中予以公开3件。",
    [[t3("disclosed", "total"), 12]],
    0,
    "a result within a subset",
  ],
  // TXT-REVIEW-LITIGATION
  [
    "TXT-REVIEW-LITIGATION",
    "onRequest",
    "本年度未发生政府信息公开行政复议、行政诉讼案件。",
    [[t4("review.total"), 1]],
    1,
    "a denied 复议 that the table shows",
  ],
  [
    "TXT-REVIEW-LITIGATION",
    "supervision",
    "全年未发生因政府信息公开引起的行政复议、行政诉讼。",
    [[t4("direct.total"), 1]],
    1,
    "a denied 诉讼 that the table shows",
  ],
  [
    "TXT-REVIEW-LITIGATION",
    "onRequest",
    "本年度未发生政府信息公开行政复议、行政诉讼案件。",
    [],
    0,
    "denial and zero table agree",
  ],
  [
    "TXT-REVIEW-LITIGATION",
    "appeals",
    "发生政府信息公开行政复议1起。",
    [[t4("review.total"), 2]],
    1,
    "1 起 against a total of 2",
  ],
  [
    "TXT-REVIEW-LITIGATION",
    "appeals",
    "被提起行政诉讼2起。",
    [
      [t4("direct.total"), 1],
      [t4("afterReview.total"), 1],
    ],
    0,
    "诉讼 counts both kinds of suit",
  ],
  [
    "TXT-REVIEW-LITIGATION",
    "appeals",
    "行政复议结果纠正1件。",
    [[t4("review.total"), 3]],
    0,
    "an outcome count is not the total",
  ],
  [
    "TXT-REVIEW-LITIGATION",
    "problems",
    "力争无行政复议、行政诉讼。",
    [[t4("review.total"), 1]],
    0,
    "a goal is not a fact",
  ],
  [
    "TXT-REVIEW-LITIGATION",
    "onRequest",
    "未收到行政复议申请。",
    [[t4("review.total"), 1]],
    1,
    "未收到 contradicts the table",
  ],
  [
    "TXT-REVIEW-LITIGATION",
    "supervision",
    "行政复议结果维持1件，无被纠正的行政复议案件。",
    [[t4("review.total"), 1]],
    0,
    "denying an outcome is not denying every case",
  ],
  [
    "TXT-REVIEW-LITIGATION",
    "supervision",
    "本年度发生政府信息公开行政复议4件，均获维持。",
    [
      [t4("review.upheld"), 2],
      [t4("review.corrected"), 1],
      [t4("review.pending"), 1],
      [t4("review.total"), 4],
    ],
    1,
    "「均获维持」 while table 四 shows 纠正 and 尚未审结",
  ],
  [
    "TXT-REVIEW-LITIGATION",
    "supervision",
    "本年度发生政府信息公开行政复议2件，均获维持。",
    [
      [t4("review.upheld"), 2],
      [t4("review.total"), 2],
    ],
    0,
    "「均获维持」 that table 四 bears out",
  ],
  [
    "TXT-REVIEW-LITIGATION",
    "supervision",
    "行政复议案件均获维持，行政诉讼尚在审理。",
    [
      [t4("review.upheld"), 1],
      [t4("review.total"), 1],
      [t4("direct.pending"), 1],
      [t4("direct.total"), 1],
    ],
    0,
    "the claim is held against the topic of its own clause",
  ],
];

describe("prose versus tables 三 and 四", () => {
  it.each(rows)(
    "%s on %s 「%s」 with cells %j gives %i finding(s): %s",
    (id, where, text, cells, count, why) => {
      const found = checkReport(reportWithText(where, text, cells)).filter((f) => f.ruleId === id);
      expect(found, why).toHaveLength(count);
    },
  );

  it("TXT-APPLICATIONS quotes the phrase, points at it and names both readings of table 三", () => {
    const report = filledReport({
      text: { onRequest: ["本年度共收到政府信息公开申请2件。"] },
      cells: [[t3("newReceived", "total"), 3]],
    });
    const [f] = checkReport(report).filter((x) => x.ruleId === "TXT-APPLICATIONS");
    expect(f).toMatchObject({ severity: "warning", expected: 3, actual: 2 });
    expect(f?.textSpan).toMatchObject({
      section: "overview",
      item: "onRequest",
      paragraph: 0,
      start: 4,
      quote: "收到政府信息公开申请2件",
    });
    expect(f?.message).toBe(
      "正文“收到政府信息公开申请2件”与表三“一、本年新收政府信息公开申请数量”的“总计”（3）或本年新收与上年结转之和（3）不一致",
    );
  });

  it("text rules stay silent on a blank report, whatever its text says", () => {
    const report = emptyReport("钢城街道", 2024);
    report.sections.overview.items[1]!.paragraphs = ["共收到政府信息公开申请2件，未发生行政复议、行政诉讼。"];
    expect(checkReport(report).filter((f) => f.ruleId.startsWith("TXT-"))).toEqual([]);
  });
});
