import { describe, expect, it } from "vitest";
import { getCell } from "./cells";
import { parseCellId, rollupTables } from "./rollup";

const fee = { table: "t2", row: "fees", col: "amount" } as const;
const received = { table: "t3", row: "newReceived", col: "natural" } as const;

describe("rollupTables", () => {
  it("puts each sum in its cell: counts as integers, the fee as its exact decimal", () => {
    const { tables, counts } = rollupTables([
      { ...fee, value: "5125.4100", count: 3 },
      { ...received, value: "7", count: 2 },
    ]);
    expect(getCell(tables, fee)).toBe("5125.41");
    expect(getCell(tables, received)).toBe(7);
    expect(counts).toEqual({ "t2:fees:amount": 3, "t3:newReceived:natural": 2 });
  });

  it("leaves cells no report filled in blank, and keeps a summed 0", () => {
    const { tables } = rollupTables([{ ...received, value: "0", count: 1 }]);
    expect(getCell(tables, received)).toBe(0);
    expect(getCell(tables, { table: "t3", row: "carriedOver", col: "natural" })).toBeNull();
  });

  it("refuses a sum that is not a plain decimal", () => {
    expect(() => rollupTables([{ ...received, value: "1e3", count: 1 }])).toThrow(RangeError);
  });
});

describe("parseCellId", () => {
  it("reads a cell address of the format and nothing else", () => {
    expect(parseCellId("t4:cases:review.total")).toEqual({ table: "t4", row: "cases", col: "review.total" });
    expect(parseCellId("t3:withheld.stateSecret:total")).toEqual({
      table: "t3",
      row: "withheld.stateSecret",
      col: "total",
    });
    expect(parseCellId("t3:nope:total")).toBeNull();
  });
});
