import { describe, expect, it } from "vitest";
import { emptyReport, type Report } from "../report-schema";
import { checkReport, type CheckContext } from "./check-report";
import { filledReport, t3, t4, type ReportOverrides } from "@/tests/builders/report-builders";

const findings = (id: string, report: Report, context?: CheckContext) =>
  checkReport(report, context).filter((f) => f.ruleId === id);

const blankReport = () => emptyReport("柳北区人民政府钢城街道办事处", 2024);
const withCellsSet = (cells: ReportOverrides["cells"] = []) => filledReport({ cells });

interface Row {
  name: string;
  id: string;
  report: Report;
  context?: CheckContext;
  count: number;
  message?: RegExp;
}

const rows: Row[] = [
  // T3-BALANCE
  {
    name: "T3-BALANCE names the column and both sums, as the format's corner note words it",
    id: "T3-BALANCE",
    report: filledReport({
      cells: [
        [t3("newReceived", "natural"), 12],
        [t3("disclosed", "natural"), 11],
      ],
      recompute: true,
    }),
    count: 2,
    message: /^表三“(自然人|总计)”列：第一项加第二项之和（12）应等于第三项加第四项之和（11）$/,
  },
  {
    name: "T3-BALANCE holds when applications are split between results and carry-forward",
    id: "T3-BALANCE",
    report: filledReport({
      cells: [
        [t3("newReceived", "natural"), 5],
        [t3("carriedOver", "natural"), 1],
        [t3("disclosed", "natural"), 4],
        [t3("carriedForward", "natural"), 2],
      ],
      recompute: true,
    }),
    count: 0,
  },
  {
    name: "T3-BALANCE is not assessable in a column with a blank input",
    id: "T3-BALANCE",
    report: withCellsSet([
      [t3("newReceived", "natural"), 3],
      [t3("carriedForward", "natural"), null],
    ]),
    count: 0,
  },
  {
    name: "T3-BALANCE is not assessable on a blank report",
    id: "T3-BALANCE",
    report: blankReport(),
    count: 0,
  },
  // T3-RESULT-TOTAL
  {
    name: "T3-RESULT-TOTAL flags a （七）总计 that misses a result",
    id: "T3-RESULT-TOTAL",
    report: withCellsSet([
      [t3("unable.notHeld", "commercial"), 2],
      [t3("unable.notHeld", "total"), 2],
    ]),
    count: 2,
    message: /“（七）总计”（0）应等于（一）至（六）各项办理结果之和（2）/,
  },
  {
    name: "T3-RESULT-TOTAL is not assessable while a result row is blank",
    id: "T3-RESULT-TOTAL",
    report: withCellsSet([
      [t3("otherHandling.other", "natural"), null],
      [t3("disclosed", "natural"), 1],
    ]),
    count: 0,
  },
  // T3-ROW-TOTAL
  {
    name: "T3-ROW-TOTAL flags a 总计 that is not 自然人 plus the organisation columns",
    id: "T3-ROW-TOTAL",
    report: withCellsSet([
      [t3("newReceived", "natural"), 2],
      [t3("newReceived", "legalService"), 1],
      [t3("newReceived", "total"), 2],
    ]),
    count: 1,
    message:
      /^表三“一、本年新收政府信息公开申请数量”行：“总计”（2）应等于自然人与各类法人或其他组织之和（3）$/,
  },
  {
    name: "T3-ROW-TOTAL is not assessable while a part is blank",
    id: "T3-ROW-TOTAL",
    report: withCellsSet([
      [t3("newReceived", "natural"), null],
      [t3("newReceived", "total"), 5],
    ]),
    count: 0,
  },
  // T4-GROUP-TOTAL
  {
    name: "T4-GROUP-TOTAL flags each group whose 总计 is off",
    id: "T4-GROUP-TOTAL",
    report: withCellsSet([
      [t4("direct.pending"), 1],
      [t4("afterReview.total"), 2],
    ]),
    count: 2,
    message: /^表四“(未经复议直接起诉|复议后起诉)”：“总计”/,
  },
  {
    name: "T4-GROUP-TOTAL holds for a consistent group",
    id: "T4-GROUP-TOTAL",
    report: withCellsSet([
      [t4("review.upheld"), 1],
      [t4("review.corrected"), 1],
      [t4("review.total"), 2],
    ]),
    count: 0,
  },
  {
    name: "T4-GROUP-TOTAL is not assessable on a blank report",
    id: "T4-GROUP-TOTAL",
    report: blankReport(),
    count: 0,
  },
  // T3-CARRY-SHARE
  {
    name: "T3-CARRY-SHARE is quiet when exactly half is carried forward",
    id: "T3-CARRY-SHARE",
    report: filledReport({
      cells: [
        [t3("newReceived", "natural"), 4],
        [t3("disclosed", "natural"), 2],
        [t3("carriedForward", "natural"), 2],
      ],
      recompute: true,
    }),
    count: 0,
  },
  {
    name: "T3-CARRY-SHARE warns when more than half is carried forward",
    id: "T3-CARRY-SHARE",
    report: filledReport({
      cells: [
        [t3("newReceived", "natural"), 4],
        [t3("disclosed", "natural"), 1],
        [t3("carriedForward", "natural"), 3],
      ],
      recompute: true,
    }),
    count: 1,
    message: /“四、结转下年度继续办理”（3）超过本年新收与上年结转之和（4）的一半/,
  },
];

describe("table rules", () => {
  it.each(rows)("$name", ({ id, report, context, count, message }) => {
    const found = findings(id, report, context);
    expect(found).toHaveLength(count);
    if (message) for (const f of found) expect(f.message).toMatch(message);
  });

  it("T3-BALANCE points at the four cells of the column and gives both sums", () => {
    const report = filledReport({
      cells: [
        [t3("carriedOver", "otherOrg"), 1],
        [t3("carriedOver", "total"), 1],
      ],
    });
    const [f] = findings("T3-BALANCE", report);
    expect(f).toMatchObject({ severity: "error", expected: 1, actual: 0 });
    expect(f?.cells?.map((c) => c.row)).toEqual([
      "newReceived",
      "carriedOver",
      "resultTotal",
      "carriedForward",
    ]);
  });
});
