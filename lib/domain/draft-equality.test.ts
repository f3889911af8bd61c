import { describe, expect, it } from "vitest";
import { sameDraft, sameJson } from "./draft-equality";
import type { Explanation } from "./explanations";
import { filledReport, t3, withCells } from "@/tests/builders/report-builders";

describe("sameJson", () => {
  it.each([
    [{ a: 1, b: [1, { c: "x" }] }, { b: [1, { c: "x" }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [[1, undefined], [1, null], true],
    [null, undefined, true],
    [{ a: 1 }, { a: 1, b: null }, false],
    [[1, 2], [2, 1], false],
    [[1], { 0: 1 }, false],
    [{ a: "1" }, { a: 1 }, false],
  ] as const)("compares %j and %j as stored JSON: %s", (a, b, same) => {
    expect(sameJson(a, b)).toBe(same);
    expect(sameJson(b, a)).toBe(same);
  });
});

describe("sameDraft", () => {
  const report = filledReport();
  const explanation: Explanation = {
    ruleId: "T3-SUM",
    cells: ["t3:newReceived:natural"],
    values: [1],
    text: "说明",
    by: "u1",
    at: "2025-01-01T00:00:00.000Z",
  };

  it("ignores who stamped an explanation and when", () => {
    const restamped = { ...explanation, by: "u2", at: "2025-02-01T00:00:00.000Z" };
    expect(
      sameDraft(
        { content: report, explanations: [explanation] },
        { content: report, explanations: [restamped] },
      ),
    ).toBe(true);
  });

  it("sees a changed cell, a changed explanation text and a dropped explanation", () => {
    const changed = { ...report, tables: withCells(report.tables, [[t3("newReceived", "natural"), 9]]) };
    const base = { content: report, explanations: [explanation] };
    expect(sameDraft(base, { content: changed, explanations: [explanation] })).toBe(false);
    expect(sameDraft(base, { content: report, explanations: [{ ...explanation, text: "另一说明" }] })).toBe(
      false,
    );
    expect(sameDraft(base, { content: report, explanations: [] })).toBe(false);
  });

  it("survives a JSON round trip with reordered keys", () => {
    const stored = JSON.parse(JSON.stringify({ explanations: [explanation], content: report }));
    expect(sameDraft({ content: report, explanations: [explanation] }, stored)).toBe(true);
  });
});
