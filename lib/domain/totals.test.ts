import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { T3_COLUMNS, T3_PART_COLUMNS, T3_ROWS, T4_COLUMNS } from "./format";
import { emptyTables, type Tables } from "./report-schema";
import { checkReport } from "./rules/check-report";
import { filledReport, t3, t4, withCells, zeroTables } from "@/tests/builders/report-builders";
import { computeTotals, sumOrNull, t3ResultTotal, t3RowTotal, t4GroupTotal } from "./totals";

describe("sumOrNull", () => {
  it.each([
    [[1, 2, 3], 6],
    [[], 0],
    [[1, null, 3], null],
    [[undefined], null],
  ])("sums %j to %j: a total over a blank part is blank", (values, sum) => {
    expect(sumOrNull(values)).toBe(sum);
  });
});

describe("computeTotals", () => {
  const parts = withCells(zeroTables(), [
    [t3("newReceived", "natural"), 2],
    [t3("newReceived", "commercial"), 1],
    [t3("disclosed", "natural"), 1],
    [t3("withheld.stateSecret", "natural"), 1],
    [t3("partial", "commercial"), 1],
    [t4("review.upheld"), 2],
    [t4("review.pending"), 1],
    [t4("afterReview.corrected"), 1],
  ]);

  it("fills table 三's 总计 column as 自然人 plus the five organisation columns", () => {
    const { t3: table } = computeTotals(parts);
    expect(table.newReceived?.total).toBe(3);
    expect(table.disclosed?.total).toBe(1);
  });

  it("fills （七）总计 as the sum of the 22 result rows, including its own 总计 cell", () => {
    const { t3: table } = computeTotals(parts);
    expect(table.resultTotal).toMatchObject({ natural: 2, commercial: 1, total: 3 });
    expect(t3ResultTotal(table, "total")).toBe(3);
  });

  it("fills each table 四 group's 总计", () => {
    const { t4: table } = computeTotals(parts);
    expect(table.cases["review.total"]).toBe(3);
    expect(table.cases["direct.total"]).toBe(0);
    expect(table.cases["afterReview.total"]).toBe(1);
  });

  it("leaves a computed cell blank when any of its parts is blank", () => {
    const tables = withCells(zeroTables(), [
      [t3("newReceived", "research"), null],
      [t3("disclosed", "natural"), null],
      [t4("direct.other"), null],
    ]);
    const computed = computeTotals(tables);
    expect(computed.t3.newReceived?.total).toBeNull();
    expect(computed.t3.resultTotal?.natural).toBeNull();
    expect(computed.t3.resultTotal?.total).toBeNull();
    expect(computed.t3.carriedOver?.total).toBe(0);
    expect(computed.t4.cases["direct.total"]).toBeNull();
    expect(computed.t4.cases["review.total"]).toBe(0);
  });

  it("keeps an empty table empty and does not mutate its input", () => {
    const empty = emptyTables();
    const snapshot = structuredClone(empty);
    const computed = computeTotals(empty);
    expect(empty).toEqual(snapshot);
    expect(computed).toEqual(snapshot);
  });

  it("overwrites stale totals rather than trusting them", () => {
    const stale = withCells(zeroTables(), [
      [t3("newReceived", "total"), 9],
      [t4("review.total"), 9],
    ]);
    expect(computeTotals(stale).t3.newReceived?.total).toBe(0);
    expect(computeTotals(stale).t4.cases["review.total"]).toBe(0);
  });

  it("agrees with the single-row helpers", () => {
    const computed = computeTotals(parts);
    expect(t3RowTotal(computed.t3.newReceived!)).toBe(3);
    expect(t4GroupTotal(computed.t4.cases, "review")).toBe(3);
  });
});

/** Random counts in every part cell of tables 三 and 四 (computed cells left at 0, to be overwritten). */
const randomParts = fc
  .record({
    t3: fc.array(fc.array(fc.nat(500), { minLength: 6, maxLength: 6 }), {
      minLength: T3_ROWS.length,
      maxLength: T3_ROWS.length,
    }),
    t4: fc.array(fc.nat(50), { minLength: T4_COLUMNS.length, maxLength: T4_COLUMNS.length }),
  })
  .map(({ t3: rows, t4: cases }): Tables => {
    const cells = [
      ...T3_ROWS.flatMap((row, r) =>
        T3_PART_COLUMNS.map((col, c) => [t3(row.key, col), rows[r]![c]!] as const),
      ),
      ...T4_COLUMNS.filter((c) => c.outcome !== "total").map((c, i) => [t4(c.key), cases[i]!] as const),
    ];
    return withCells(zeroTables(), cells);
  });

describe("computed totals agree with the checked totals", () => {
  it("computeTotals then checkReport gives no T3-ROW-TOTAL, T3-RESULT-TOTAL or T4-GROUP-TOTAL finding", () => {
    const totalRules = new Set(["T3-ROW-TOTAL", "T3-RESULT-TOTAL", "T4-GROUP-TOTAL"]);
    fc.assert(
      fc.property(randomParts, (tables) => {
        const report = { ...filledReport(), tables: computeTotals(tables) };
        expect(checkReport(report).filter((f) => totalRules.has(f.ruleId))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("fills every 总计 cell of table 三 once all parts are filled", () => {
    fc.assert(
      fc.property(randomParts, (tables) => {
        const { t3: table } = computeTotals(tables);
        for (const col of T3_COLUMNS) expect(table.resultTotal?.[col.key]).not.toBeNull();
        for (const row of T3_ROWS) expect(table[row.key]?.total).not.toBeNull();
      }),
      { numRuns: 50 },
    );
  });
});
