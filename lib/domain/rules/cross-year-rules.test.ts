import { describe, expect, it } from "vitest";
import type { Report } from "../report-schema";
import { checkReport, type CheckContext } from "./check-report";
import { filledReport, t2, t3 } from "@/tests/builders/report-builders";

const findings = (id: string, report: Report, context?: CheckContext) =>
  checkReport(report, context).filter((f) => f.ruleId === id);

type Cells = NonNullable<Parameters<typeof filledReport>[0]>["cells"];
const thisYear = (cells: Cells = [], text?: string) =>
  filledReport({ cells, ...(text ? { text: { onRequest: [text] } } : {}) });
const lastYear = (cells: Cells = [], year = 2023) => filledReport({ year, cells });

interface Row {
  name: string;
  id: string;
  report: Report;
  previous?: Report;
  count: number;
  message?: RegExp;
}

const inForceRows = (issued: number, repealed: number, inForce: number): Cells => [
  [t2("normativeDocs", "issued"), issued],
  [t2("normativeDocs", "repealed"), repealed],
  [t2("normativeDocs", "inForce"), inForce],
];

const rows: Row[] = [
  // X-CARRY-OVER
  {
    name: "X-CARRY-OVER flags each column whose 上年结转 differs from last year's 结转下年度",
    id: "X-CARRY-OVER",
    report: thisYear([
      [t3("carriedOver", "commercial"), 1],
      [t3("carriedOver", "total"), 1],
    ]),
    previous: lastYear([
      [t3("carriedForward", "natural"), 1],
      [t3("carriedForward", "total"), 1],
    ]),
    count: 2,
    message:
      /^表三“(自然人|商业企业)”列：“二、上年结转政府信息公开申请数量”（[01]）应等于2023年报告的“四、结转下年度继续办理”（[01]）$/,
  },
  {
    name: "X-CARRY-OVER holds when the carry-over matches",
    id: "X-CARRY-OVER",
    report: thisYear([
      [t3("carriedOver", "natural"), 2],
      [t3("carriedOver", "total"), 2],
    ]),
    previous: lastYear([
      [t3("carriedForward", "natural"), 2],
      [t3("carriedForward", "total"), 2],
    ]),
    count: 0,
  },
  {
    name: "X-CARRY-OVER is not assessable without last year's report",
    id: "X-CARRY-OVER",
    report: thisYear([[t3("carriedOver", "total"), 4]]),
    count: 0,
  },
  {
    name: "X-CARRY-OVER ignores a 'previous' report that is not last year's",
    id: "X-CARRY-OVER",
    report: thisYear(),
    previous: lastYear([[t3("carriedForward", "total"), 3]], 2022),
    count: 0,
  },
  {
    name: "X-CARRY-OVER is not assessable where last year's cell is blank",
    id: "X-CARRY-OVER",
    report: thisYear(),
    previous: lastYear([[t3("carriedForward", "total"), null]]),
    count: 0,
  },
  // X-IN-FORCE
  {
    name: "X-IN-FORCE holds: 10 in force + 3 issued − 2 repealed = 11",
    id: "X-IN-FORCE",
    report: thisYear(inForceRows(3, 2, 11)),
    previous: lastYear([[t2("normativeDocs", "inForce"), 10]]),
    count: 0,
  },
  {
    name: "X-IN-FORCE warns when 现行有效 does not follow",
    id: "X-IN-FORCE",
    report: thisYear(inForceRows(3, 2, 12)),
    previous: lastYear([[t2("normativeDocs", "inForce"), 10]]),
    count: 1,
    message:
      /^表二“行政规范性文件”行：“现行有效件数”（12）与上年现行有效件数（10）加本年制发件数（3）减本年废止件数（2）所得（11）不一致/,
  },
  {
    name: "X-IN-FORCE is not assessable when last year's 现行有效 is blank",
    id: "X-IN-FORCE",
    report: thisYear(inForceRows(3, 2, 12)),
    previous: lastYear([[t2("normativeDocs", "inForce"), null]]),
    count: 0,
  },
  // X-REPEAL-BOUND
  {
    name: "X-REPEAL-BOUND accepts repealing everything that was in force or issued",
    id: "X-REPEAL-BOUND",
    report: thisYear(inForceRows(1, 4, 0)),
    previous: lastYear([[t2("normativeDocs", "inForce"), 3]]),
    count: 0,
  },
  {
    name: "X-REPEAL-BOUND warns when more is repealed than existed",
    id: "X-REPEAL-BOUND",
    report: thisYear(inForceRows(1, 5, 0)),
    previous: lastYear([[t2("normativeDocs", "inForce"), 3]]),
    count: 1,
    message: /“本年废止件数”（5）超过上年现行有效件数（3）与本年制发件数（1）之和（4）/,
  },
];

/** This year's report saying `text` in 一（二）, and last year's with the given 一 and 二 totals. */
const yoyCase = (
  text: string,
  previousReceived: number,
  previousCarried = 0,
): CheckContext & { report: Report } => ({
  report: thisYear([], text),
  previous: lastYear([
    [t3("newReceived", "total"), previousReceived],
    [t3("carriedOver", "total"), previousCarried],
  ]),
});

/** [expected findings, the text in 一（二）, last year's 一, last year's 二]. */
const yoyRows: [number, string, number, number][] = [
  [0, "全年共收到政府信息公开申请36件，同比上升16.13%。", 31, 0],
  [1, "全年共收到政府信息公开申请36件，同比上升16.13%。", 30, 0],
  [0, "共收到政府信息公开申请36件，比2023年增加了5件。", 31, 0],
  [1, "共收到政府信息公开申请36件，比2023年增加了5件。", 30, 0],
  [0, "共收到政府信息公开申请20件，较上年下降20%。", 25, 0],
  [1, "共收到政府信息公开申请20件，较上年下降20%。", 24, 0],
  [0, "共收到政府信息公开申请8件，与上年持平。", 8, 0],
  [1, "共收到政府信息公开申请8件，与上年持平。", 7, 0],
  [1, "共收到政府信息公开申请10件，同比增加。", 12, 0],
  // 一 + 二 is also a reading of 收到: last year 8 new + 2 carried = 10
  [0, "共收到政府信息公开申请12件，比上年增加2件。", 8, 2],
  // a comparison with another year than last is not checked
  [0, "共收到政府信息公开申请36件，比2020年增加了5件。", 1, 0],
  // a count of percentage points is not a growth rate
  [0, "共收到政府信息公开申请36件，同比上升3个百分点。", 1, 0],
];

describe("cross-year rules", () => {
  it.each(rows)("$name", ({ id, report, previous, count, message }) => {
    const found = findings(id, report, { previous: previous ?? null });
    expect(found).toHaveLength(count);
    if (message) for (const f of found) expect(f.message).toMatch(message);
  });

  it.each(yoyRows)(
    "X-YOY-CLAIM gives %i finding(s) for 「%s」 when last year received %i (carried %i)",
    (expected, text, prev, carried) => {
      const { report, ...context } = yoyCase(text, prev, carried);
      expect(findings("X-YOY-CLAIM", report, context)).toHaveLength(expected);
    },
  );

  it("X-YOY-CLAIM quotes the claim, states last year's figure and the correct change", () => {
    const { report, ...context } = yoyCase("全年共收到政府信息公开申请36件，同比上升16.13%。", 30);
    const [f] = findings("X-YOY-CLAIM", report, context);
    expect(f).toMatchObject({ severity: "warning", expected: "增长20%" });
    expect(f?.message).toContain("上年“一、本年新收政府信息公开申请数量”总计为30件");
    expect(f?.textSpan).toMatchObject({
      section: "overview",
      item: "onRequest",
      quote: "收到政府信息公开申请36件，同比上升16.13%",
    });
  });

  it("X-YOY-CLAIM is not assessable without last year's report", () => {
    expect(findings("X-YOY-CLAIM", thisYear([], "共收到政府信息公开申请36件，同比上升99%。"))).toEqual([]);
  });
});
