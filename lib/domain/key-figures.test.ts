import { describe, expect, it } from "vitest";
import { emptyReport } from "./report-schema";
import { keyFiguresOf } from "./key-figures";
import { t3, t4, withCells, zeroTables } from "@/tests/builders/report-builders";

describe("keyFiguresOf", () => {
  it("reads the 总计 column of table 三 and sums table 四's litigation totals", () => {
    const tables = withCells(zeroTables(), [
      [t3("newReceived", "total"), 12],
      [t3("carriedOver", "total"), 2],
      [t3("resultTotal", "total"), 11],
      [t3("carriedForward", "total"), 3],
      [t4("review.total"), 4],
      [t4("direct.total"), 1],
      [t4("afterReview.total"), 2],
    ]);
    expect(keyFiguresOf(tables)).toMatchObject({
      newReceived: 12,
      carriedOver: 2,
      resultTotal: 11,
      carriedForward: 3,
      review: 4,
      litigation: 3,
    });
  });

  it("sums the items of a result group such as 不予公开", () => {
    const tables = withCells(zeroTables(), [
      [t3("withheld.stateSecret", "total"), 1],
      [t3("withheld.process", "total"), 2],
      [t3("unable.notHeld", "total"), 5],
    ]);
    expect(keyFiguresOf(tables)).toMatchObject({ withheld: 3, unable: 5, notProcessed: 0 });
  });

  it("leaves a figure blank when any of its cells is blank, never 0", () => {
    const figures = keyFiguresOf(emptyReport("", 2024).tables);
    expect(Object.values(figures).every((v) => v === null)).toBe(true);
    const partly = withCells(zeroTables(), [[t4("afterReview.total"), null]]);
    expect(keyFiguresOf(partly)).toMatchObject({ litigation: null, review: 0 });
  });
});
