import { describe, expect, it } from "vitest";
import { ALL_CELLS, type CellRef } from "./format";
import { cellLabel, gridCells, moveFrom, type Move } from "./table-grid";

const t2 = (row: string, col: string): CellRef => ({ table: "t2", row, col });
const t3 = (row: string, col: string): CellRef => ({ table: "t3", row, col });
const t4 = (col: string): CellRef => ({ table: "t4", row: "cases", col });

describe("the editor grid of the official tables", () => {
  it("holds every value cell of the format exactly once", () => {
    const cells = (["t2", "t3", "t4"] as const).flatMap((t) => gridCells(t).map((g) => g.cell.ref));
    expect(cells).toHaveLength(ALL_CELLS.length);
    expect(new Set(cells.map((c) => `${c.table}:${c.row}:${c.col}`)).size).toBe(ALL_CELLS.length);
  });

  it.each<[string, CellRef, string]>([
    ["a top row of table 三", t3("newReceived", "natural"), "一、本年新收政府信息公开申请数量 自然人"],
    [
      "an organisation column",
      t3("carriedOver", "commercial"),
      "二、上年结转政府信息公开申请数量 法人或其他组织 商业企业",
    ],
    ["a result item", t3("withheld.stateSecret", "total"), "（三）不予公开 1.属于国家秘密 总计"],
    ["a result group", t3("disclosed", "natural"), "（一）予以公开 自然人"],
    ["table 二", t2("normativeDocs", "inForce"), "行政规范性文件 现行有效件数"],
    ["table 二's fee", t2("fees", "amount"), "行政事业性收费 本年收费金额（单位：万元）"],
    ["table 四's review group", t4("review.upheld"), "行政复议 结果维持"],
    ["table 四's litigation", t4("afterReview.total"), "行政诉讼 复议后起诉 总计"],
  ])("names %s by its row and column headers", (_what, ref, name) => {
    expect(cellLabel(ref)).toBe(name);
  });

  it.each<[string, CellRef, Move, CellRef | null]>([
    ["down a column of table 三", t3("newReceived", "natural"), "down", t3("carriedOver", "natural")],
    ["down from 二 into the results", t3("carriedOver", "research"), "down", t3("disclosed", "research")],
    ["up", t3("disclosed", "total"), "up", t3("carriedOver", "total")],
    ["right", t3("newReceived", "natural"), "right", t3("newReceived", "commercial")],
    ["left at the row's start stays", t3("newReceived", "natural"), "left", null],
    [
      "down past table 二's block heading",
      t2("normativeDocs", "issued"),
      "down",
      t2("licensing", "decisions"),
    ],
    [
      "down from a spanning cell keeps its first column",
      t2("licensing", "decisions"),
      "down",
      t2("punishment", "decisions"),
    ],
    ["up from the last row", t3("carriedForward", "otherOrg"), "up", t3("resultTotal", "otherOrg")],
    ["down at the bottom stays", t3("carriedForward", "otherOrg"), "down", null],
    ["right across table 四's groups", t4("review.total"), "right", t4("direct.upheld")],
  ])("moves %s", (_what, from, move, to) => {
    expect(moveFrom(from, move)).toEqual(to);
  });
});
