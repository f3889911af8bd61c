import { describe, expect, it } from "vitest";
import { cellRow, getCell, listCells, readCell, setCell } from "./cells";
import { FEE_CELL } from "./format";
import { t3, t4, withCells, zeroTables } from "@/tests/builders/report-builders";

describe("reading a cell by reference", () => {
  const tables = withCells(zeroTables(), [
    [t3("newReceived", "natural"), 4],
    [t4("total"), null],
    [t3("carriedOver", "natural"), "3"],
  ]);

  it("reads a stored count, a decimal fee and a blank", () => {
    expect(getCell(tables, t3("newReceived", "natural"))).toBe(4);
    expect(getCell(tables, FEE_CELL)).toBe("0");
    expect(getCell(tables, t4("total"))).toBeNull();
  });

  it("reads what an unvalidated document holds, as stored", () => {
    expect(readCell(tables, t3("carriedOver", "natural"))).toBe("3");
  });

  it("tells a missing address (undefined) from a blank cell (null)", () => {
    expect(readCell(tables, t3("noSuchRow", "natural"))).toBeUndefined();
    expect(readCell(tables, t3("newReceived", "noSuchCol"))).toBeUndefined();
    expect(readCell(tables, t4("total"))).toBeNull();
    expect(getCell(tables, t3("noSuchRow", "natural"))).toBeNull();
  });

  it("hands out the stored row itself, so an importer can fill it in place", () => {
    const copy = structuredClone(tables);
    cellRow(copy, t3("newReceived", "natural"))!.natural = 9;
    expect(getCell(copy, t3("newReceived", "natural"))).toBe(9);
    expect(cellRow(copy, t3("noSuchRow", "natural"))).toBeUndefined();
  });

  it("writes a copy, leaving the original and the row's other cells untouched", () => {
    const next = setCell(tables, t3("newReceived", "natural"), 7);
    expect(getCell(next, t3("newReceived", "natural"))).toBe(7);
    expect(getCell(tables, t3("newReceived", "natural"))).toBe(4);
    expect(getCell(next, t3("newReceived", "commercial"))).toBe(0);
  });

  it("lists every cell of the format with its value", () => {
    const cells = listCells(tables);
    expect(cells).toHaveLength(200);
    expect(cells.find((c) => c.table === "t3" && c.row === "newReceived" && c.col === "natural")?.value).toBe(
      4,
    );
  });
});
