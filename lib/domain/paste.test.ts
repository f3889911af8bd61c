import { describe, expect, it } from "vitest";
import { getCell } from "./cells";
import { applyPaste, isBlock, mismatchedTotals, parseClipboardBlock, planPaste } from "./paste";
import { emptyReport } from "./report-schema";

const tables = () => emptyReport("钢城街道", 2025).tables;
const t3 = (row: string, col: string) => ({ table: "t3" as const, row, col });

describe("pasting a block copied from Excel", () => {
  it("reads tab-separated rows and drops Excel's trailing line break", () => {
    expect(parseClipboardBlock("1\t2\r\n3\t4\r\n")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(isBlock("5")).toBe(false);
    expect(isBlock("5\t6")).toBe(true);
  });

  it("lays the block over the grid from the focused cell, down the rows and across the columns", () => {
    const plan = planPaste(tables(), t3("newReceived", "natural"), "3\t1\n2\t0\n");
    expect(plan.changes.map((c) => [c.ref.row, c.ref.col, c.after])).toEqual([
      ["newReceived", "natural", 3],
      ["newReceived", "commercial", 1],
      ["carriedOver", "natural", 2],
      ["carriedOver", "commercial", 0],
    ]);
    const after = applyPaste(tables(), plan);
    expect(getCell(after, t3("newReceived", "natural"))).toBe(3);
  });

  it("never stores a pasted total but compares it with the computed one", () => {
    const row = "1\t0\t0\t0\t0\t0\t9";
    const plan = planPaste(tables(), t3("newReceived", "natural"), row);
    expect(plan.changes).toHaveLength(6);
    expect(plan.totals).toEqual([{ ref: t3("newReceived", "total"), pasted: 9, computed: 1 }]);
    expect(mismatchedTotals(plan)).toHaveLength(1);
  });

  it("lists text that is not a number and applies nothing for it", () => {
    const plan = planPaste(tables(), t3("newReceived", "natural"), "1\tabc\t/");
    expect(plan.changes).toHaveLength(1);
    expect(plan.invalid.map((p) => p.raw)).toEqual(["abc", "/"]);
  });

  it("leaves out a copied label column and counts what falls outside the table", () => {
    const plan = planPaste(
      tables(),
      t3("carriedForward", "otherOrg"),
      "四、结转下年度继续办理\t1\t2\t3\n五、其他\t1",
    );
    expect(plan.labelColumns).toBe(1);
    expect(plan.changes.map((c) => c.ref.col)).toEqual(["otherOrg"]);
    expect(plan.totals).toHaveLength(1);
    expect(plan.outside).toBe(2);
  });
});
