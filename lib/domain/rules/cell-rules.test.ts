import { describe, expect, it } from "vitest";
import { emptyReport, type Report } from "../report-schema";
import { checkReport, type CheckContext } from "./check-report";
import { filledReport, t2, t3, t4, type ReportOverrides } from "@/tests/builders/report-builders";

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
  // CELL-VALUE
  {
    name: "CELL-VALUE rejects a fraction in a count",
    id: "CELL-VALUE",
    report: withCellsSet([[t4("review.upheld"), 1.5]]),
    count: 1,
    message: /^表四“行政复议”的“结果维持”应为不小于0的整数，现为“1.5”$/,
  },
  {
    name: "CELL-VALUE rejects a negative fee and a fee stored as a binary float",
    id: "CELL-VALUE",
    report: withCellsSet([[t2("fees", "amount"), "-1"]]),
    count: 1,
    message: /本年收费金额（单位：万元）”列应为不小于0的数/,
  },
  {
    name: "CELL-VALUE rejects a fee stored as a float",
    id: "CELL-VALUE",
    report: withCellsSet([[t2("fees", "amount"), 26.55]]),
    count: 1,
  },
  {
    name: "CELL-VALUE accepts a four-decimal fee",
    id: "CELL-VALUE",
    report: withCellsSet([[t2("fees", "amount"), "26.5501"]]),
    count: 0,
  },
  {
    name: "CELL-VALUE does not flag blank cells in a draft",
    id: "CELL-VALUE",
    report: blankReport(),
    count: 0,
  },
  {
    name: "CELL-VALUE flags blank cells at submission, once per table",
    id: "CELL-VALUE",
    report: blankReport(),
    context: { stage: "submit" },
    count: 3,
    message: /^表[二三四]有(10|175|15)个单元格未填写/,
  },
  // T2-RULES-POWER
  {
    name: "T2-RULES-POWER infers a 街道 from its name and flags its 规章",
    id: "T2-RULES-POWER",
    report: withCellsSet([[t2("rules", "inForce"), 4]]),
    count: 1,
    message: /^表二“规章”行：本机关属于街道，没有规章制定权，本行应均为0（现“现行有效件数”为4）$/,
  },
  {
    name: "T2-RULES-POWER stays silent for a body known to have rule-making power",
    id: "T2-RULES-POWER",
    report: withCellsSet([[t2("rules", "issued"), 2]]),
    context: { profile: { hasRuleMakingPower: true } },
    count: 0,
  },
  {
    name: "T2-RULES-POWER stays silent when the power is unknown (a 市人民政府 may be a 设区的市)",
    id: "T2-RULES-POWER",
    report: filledReport({ bodyName: "柳州市人民政府", cells: [[t2("rules", "issued"), 2]] }),
    count: 0,
  },
  {
    name: "T2-RULES-POWER follows a profile kind over the name",
    id: "T2-RULES-POWER",
    report: filledReport({ bodyName: "柳州市人民政府", cells: [[t2("rules", "issued"), 2]] }),
    context: { profile: { kind: "区县政府" } },
    count: 1,
  },
  // T2-FEE-UNIT
  {
    name: "T2-FEE-UNIT accepts 5125.11 万元 for a city department",
    id: "T2-FEE-UNIT",
    report: filledReport({ bodyName: "柳州市自然资源和规划局", cells: [[t2("fees", "amount"), "5125.11"]] }),
    count: 0,
  },
  {
    name: "T2-FEE-UNIT warns when a 街道's fee reads like 元, showing the amount in 元",
    id: "T2-FEE-UNIT",
    report: withCellsSet([[t2("fees", "amount"), "3500"]]),
    count: 1,
    message: /为3500万元，即35000000元，对街道而言明显偏大/,
  },
  {
    name: "T2-FEE-UNIT is not assessable on a blank fee",
    id: "T2-FEE-UNIT",
    report: blankReport(),
    count: 0,
  },
];

describe("cell rules", () => {
  it.each(rows)("$name", ({ id, report, context, count, message }) => {
    const found = findings(id, report, context);
    expect(found).toHaveLength(count);
    if (message) for (const f of found) expect(f.message).toMatch(message);
  });

  it("arithmetic rules skip an invalid cell and leave it to CELL-VALUE", () => {
    const report = withCellsSet([[t3("disclosed", "research"), -1]]);
    const ids = checkReport(report).map((f) => f.ruleId);
    expect(ids).toEqual(["CELL-VALUE"]);
  });
});
