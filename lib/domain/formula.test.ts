import { describe, expect, it } from "vitest";
import { formulaOf } from "./formula";
import { emptyReport } from "./report-schema";
import { filledReport, t3, t4 } from "@/tests/builders/report-builders";

describe("the formula shown on a computed cell", () => {
  const tables = filledReport({
    year: 2025,
    recompute: true,
    cells: [[t3("newReceived", "natural"), 3]],
  }).tables;

  it.each([
    [
      t3("newReceived", "total"),
      "总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他：3 + 0 + 0 + 0 + 0 + 0 = 3",
    ],
    [t4("review.total"), "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结：0 + 0 + 0 + 0 = 0"],
  ])("%j", (ref, text) => {
    expect(formulaOf(ref, tables)).toBe(text);
  });

  it("sums the 21 result rows for （七）总计 and says when parts are blank", () => {
    expect(formulaOf(t3("resultTotal", "natural"), tables)).toBe(
      "（七）总计 = （一）至（六）共21项办理结果之和 = 0",
    );
    expect(formulaOf(t3("resultTotal", "natural"), emptyReport("", 2025).tables)).toContain("尚有21项未填写");
  });

  it("has no formula for a typed cell", () => {
    expect(formulaOf(t3("newReceived", "natural"), tables)).toBeNull();
  });
});
