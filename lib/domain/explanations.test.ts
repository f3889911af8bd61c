import { describe, expect, it } from "vitest";
import {
  explanationKey,
  findExplanation,
  listEmptySections,
  parseExplanations,
  submitGate,
  type Explanation,
} from "./explanations";
import type { Finding } from "./findings";
import { filledReport, t2, t3 } from "@/tests/builders/report-builders";

const feeWarning: Finding = {
  ruleId: "T2-FEE-UNIT",
  severity: "warning",
  message: "收费金额疑似按元填报",
  cells: [t2("fees", "amount")],
};
const textWarning: Finding = {
  ruleId: "TXT-APPLICATIONS",
  severity: "warning",
  message: "正文称收到5件，表三为3件",
};
const error: Finding = {
  ruleId: "T3-BALANCE",
  severity: "error",
  message: "不平衡",
  cells: [t3("newReceived", "total")],
};

const explain = (
  finding: Finding,
  tables = filledReport({ cells: [[t2("fees", "amount"), "60000"]] }).tables,
): Explanation => ({
  ...explanationKey(finding, tables),
  text: "已核实",
  by: "u1",
  at: "2026-01-10T02:00:00.000Z",
});

describe("explanations", () => {
  const report = filledReport({ cells: [[t2("fees", "amount"), "60000"]] });

  it("covers a warning while the flagged cells keep the values it was written for", () => {
    const explanations = [explain(feeWarning)];
    expect(findExplanation(feeWarning, explanations, report.tables)?.text).toBe("已核实");
    const changed = filledReport({ cells: [[t2("fees", "amount"), "60001"]] });
    expect(findExplanation(feeWarning, explanations, changed.tables)).toBeUndefined();
  });

  it("keys a finding without cells by its message, so new figures in the message ask again", () => {
    const explanations = [explain(textWarning)];
    expect(findExplanation(textWarning, explanations, report.tables)).toBeDefined();
    expect(
      findExplanation({ ...textWarning, message: "正文称收到6件，表三为3件" }, explanations, report.tables),
    ).toBeUndefined();
  });

  it("does not let an explanation of one rule cover another rule on the same cells", () => {
    expect(
      findExplanation({ ...feeWarning, ruleId: "OTHER" }, [explain(feeWarning)], report.tables),
    ).toBeUndefined();
  });

  it("drops malformed stored explanations instead of trusting them", () => {
    expect(parseExplanations([explain(feeWarning), { ruleId: "X" }, "junk"])).toHaveLength(1);
    expect(parseExplanations("not a list")).toEqual([]);
  });

  it("counts errors, unexplained warnings and empty required sections for the submit gate", () => {
    const empty = filledReport({ text: { management: [], problems: ["  "] } });
    expect(listEmptySections(empty)).toEqual([
      "一、总体情况（三）政府信息管理",
      "五、存在的主要问题及改进情况",
    ]);
    expect(submitGate(empty, [error, feeWarning, textWarning], [explain(textWarning)])).toEqual({
      errorCount: 1,
      unexplainedWarnings: 1,
      emptySections: 2,
    });
  });
});
