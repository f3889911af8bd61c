import { describe, expect, it } from "vitest";
import { getCell, setCell } from "./cells";
import { applyMerge, planMerge, suggestedChoices, type DraftDoc } from "./draft-merge";
import { filledReport, t3 } from "@/tests/builders/report-builders";
import { computeTotals } from "./totals";

const base: DraftDoc = { content: filledReport({ year: 2025 }), explanations: [] };
const withCell = (doc: DraftDoc, row: string, col: string, value: number): DraftDoc => ({
  ...doc,
  content: { ...doc.content, tables: computeTotals(setCell(doc.content.tables, t3(row, col), value)) },
});
const withTitle = (doc: DraftDoc, title: string): DraftDoc => ({
  ...doc,
  content: { ...doc.content, meta: { ...doc.content.meta, title } },
});

describe("merging a refused save field by field", () => {
  const mine = withTitle(withCell(base, "newReceived", "natural", 3), "我的标题");
  const theirs = withTitle(withCell(base, "newReceived", "commercial", 2), "他们的标题");
  const fields = planMerge(base, mine, theirs);

  it("lists only the fields that differ, suggesting the side that changed each", () => {
    expect(fields.map((f) => [f.key, f.suggestion, f.isConflict])).toEqual([
      ["meta.title", "mine", true],
      ["cell.t3:newReceived:natural", "mine", false],
      ["cell.t3:newReceived:commercial", "theirs", false],
    ]);
    expect(fields[1]!.label).toBe("表三“一、本年新收政府信息公开申请数量”行“自然人”列");
  });

  it("keeps both people's cell edits with the suggestions and recomputes totals", () => {
    const merged = applyMerge(mine, theirs, suggestedChoices(fields));
    expect(merged.content.meta.title).toBe("我的标题");
    expect(getCell(merged.content.tables, t3("newReceived", "natural"))).toBe(3);
    expect(getCell(merged.content.tables, t3("newReceived", "commercial"))).toBe(2);
    expect(getCell(merged.content.tables, t3("newReceived", "total"))).toBe(5);
  });

  it("takes the newer value wherever the author chooses theirs", () => {
    const merged = applyMerge(mine, theirs, { ...suggestedChoices(fields), "meta.title": "theirs" });
    expect(merged.content.meta.title).toBe("他们的标题");
  });

  it("treats every difference as a conflict when the common version is unknown", () => {
    expect(planMerge(null, mine, theirs).every((f) => f.isConflict)).toBe(true);
  });
});
