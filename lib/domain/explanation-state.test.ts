import { describe, expect, it } from "vitest";
import { countUnexplained, explanationStatus, setExplanation } from "./explanation-state";
import type { Finding } from "./findings";
import { filledReport, t3, withCells } from "@/tests/builders/report-builders";

const tables = filledReport({ year: 2025 }).tables;
const carryShare: Finding = {
  ruleId: "T3-CARRY-SHARE",
  severity: "warning",
  message: "结转占比过高",
  cells: [t3("carriedForward", "total"), t3("newReceived", "total")],
};
const author = { by: "u1", at: "2026-01-10T10:00:00.000Z" };

describe("explanations of warnings in the editor", () => {
  it("counts a warning as explained while its cells keep the values it was written for", () => {
    const explanations = setExplanation([], carryShare, tables, "  因年底集中申请  ", author);
    expect(explanations[0]).toMatchObject({
      ruleId: "T3-CARRY-SHARE",
      text: "因年底集中申请",
      values: [0, 0],
    });
    expect(explanationStatus(carryShare, explanations, tables).status).toBe("explained");
    expect(countUnexplained([carryShare], explanations, tables)).toBe(0);
  });

  it("asks again, offering the old text, once a flagged cell changes", () => {
    const explanations = setExplanation([], carryShare, tables, "因年底集中申请", author);
    const changed = withCells(tables, [[t3("carriedForward", "total"), 5]]);
    const state = explanationStatus(carryShare, explanations, changed);
    expect(state.status).toBe("stale");
    expect(state.explanation?.text).toBe("因年底集中申请");
    expect(countUnexplained([carryShare], explanations, changed)).toBe(1);
  });

  it("keeps one explanation per warning: a new text replaces the stale one, an empty text removes it", () => {
    const first = setExplanation([], carryShare, tables, "旧说明", author);
    const changed = withCells(tables, [[t3("carriedForward", "total"), 5]]);
    const second = setExplanation(first, carryShare, changed, "新说明", author);
    expect(second.map((e) => e.text)).toEqual(["新说明"]);
    expect(setExplanation(second, carryShare, changed, "", author)).toEqual([]);
  });

  it("keys a warning without cells by its message", () => {
    const claim: Finding = { ruleId: "TXT-PERCENT", severity: "warning", message: "1件占80件的1.1%不符" };
    const explanations = setExplanation([], claim, tables, "原文笔误，已核实", author);
    expect(explanationStatus(claim, explanations, tables).status).toBe("explained");
    expect(explanationStatus({ ...claim, message: "别的" }, explanations, tables).status).toBe("missing");
  });
});
