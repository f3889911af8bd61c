import { describe, expect, it } from "vitest";
import { ALL_CELLS } from "./format";
import { emptyReport, parseReport } from "./report-schema";

describe("format definition", () => {
  it("has 200 value cells: 10 in table 二, 175 in table 三, 15 in table 四", () => {
    expect(ALL_CELLS.filter((c) => c.table === "t2")).toHaveLength(10);
    expect(ALL_CELLS.filter((c) => c.table === "t3")).toHaveLength(175);
    expect(ALL_CELLS.filter((c) => c.table === "t4")).toHaveLength(15);
  });
  it("an empty report validates against the schema", () => {
    const r = emptyReport("某街道办事处", 2025);
    expect(parseReport(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });
});
