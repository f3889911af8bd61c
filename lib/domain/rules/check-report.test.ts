import { describe, expect, it } from "vitest";
import type { Finding } from "../findings";
import { gangcheng2024Report } from "@/tests/builders/gangcheng-2024-fixture";
import { emptyReport } from "../report-schema";
import { checkReport, getRule, mergeFindings, type CheckContext } from "./check-report";
import { filledReport, t3 } from "@/tests/builders/report-builders";

describe("checkReport on unfinished reports", () => {
  it("reports nothing on a blank draft: an incomplete draft is never an error by itself", () => {
    expect(checkReport(emptyReport("柳北区人民政府钢城街道办事处", 2024))).toEqual([]);
  });

  it("reports blank tables and an empty section 五 when the blank report is submitted", () => {
    const ids = checkReport(emptyReport("柳北区人民政府钢城街道办事处", 2024), { stage: "submit" }).map(
      (f) => f.ruleId,
    );
    expect(ids).toEqual([
      "CELL-VALUE",
      "CELL-VALUE",
      "CELL-VALUE",
      "TXT-SECTION5-EMPTY",
      "DOC-CONTACT",
      "DOC-CONTACT",
      "DOC-CONTACT",
      "DOC-SIGNATURE",
    ]);
  });
});

describe("checkReport on the seed report", () => {
  it("reports nothing at all on 钢城街道's 2024 report; at submission only that it prints no contact", () => {
    expect(checkReport(gangcheng2024Report())).toEqual([]);
    const atSubmission = checkReport(gangcheng2024Report(), { stage: "submit" });
    expect(atSubmission.map((f) => [f.ruleId, f.severity])).toEqual([["DOC-CONTACT", "warning"]]);
  });
  it("reports nothing on the filled test report with every context given", () => {
    const context: CheckContext = {
      stage: "submit",
      // Last year's report said other figures: nothing of it is carried over unchanged.
      previous: filledReport({
        year: 2023,
        text: { active: ["2023年主动公开政府信息64条。"], supervision: ["辖区6个社区均成立便民服务站。"] },
      }),
      publishedAt: "2025-01-15",
      profile: { kind: "街道" },
    };
    expect(checkReport(filledReport(), context)).toEqual([]);
  });
});

describe("checkReport's context", () => {
  it("ignores a 'previous' report that is not of the year before", () => {
    const previous = filledReport({ year: 2022, cells: [[t3("carriedForward", "total"), 5]] });
    expect(checkReport(filledReport(), { previous })).toEqual([]);
  });

  it("stamps each finding with its rule's id and default severity", () => {
    const report = filledReport({ text: { problems: ["无"] } });
    const [f] = checkReport(report);
    expect(f).toMatchObject({
      ruleId: "TXT-SECTION5-EMPTY",
      severity: getRule("TXT-SECTION5-EMPTY")?.severity,
    });
  });

  it("merges importer findings after the rules' own, dropping exact duplicates", () => {
    const a: Finding = {
      ruleId: "CELL-VALUE",
      severity: "warning",
      message: "“/”按0读取",
      cells: [t3("disclosed", "natural")],
    };
    const b: Finding = { ...a, cells: [t3("partial", "natural")] };
    expect(mergeFindings([a], [a, b, { ...b }])).toEqual([a, b]);
  });
});
