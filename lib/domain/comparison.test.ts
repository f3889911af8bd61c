import { describe, expect, it } from "vitest";
import { COMPARISON_CSV_COLUMNS, comparisonCsv, parseComparisonQuery } from "./comparison";
import { parseCsv } from "./open-data/export-csv";
import { keyFiguresOf } from "./key-figures";
import { t3, withCells, zeroTables } from "@/tests/builders/report-builders";

const query = (qs: string) => parseComparisonQuery(new URLSearchParams(qs));

describe("parseComparisonQuery", () => {
  it("reads repeated and comma-separated values, without duplicates", () => {
    expect(query("orgs=gangcheng,jinxiu&orgs=gangcheng&years=2024&years=2023").data).toEqual({
      orgs: ["gangcheng", "jinxiu"],
      years: [2024, 2023],
    });
  });

  it("accepts an empty choice (the page then shows only the form)", () => {
    expect(query("").data).toEqual({ orgs: [], years: [] });
  });

  it.each([
    ["orgs=Gang Cheng", "机关标识"],
    ["years=abc", ""],
    ["years=1999", "2008"],
    [`orgs=${Array.from({ length: 21 }, (_, i) => `o${i}`).join(",")}`, "最多可选择20个机关"],
  ])("refuses %s with a message", (qs, message) => {
    const result = query(qs);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain(message);
  });
});

describe("comparisonCsv", () => {
  it("writes one row per body and year, with blanks for a year not published", () => {
    const figures = keyFiguresOf(withCells(zeroTables(), [[t3("newReceived", "total"), 9]]));
    const rows = parseCsv(
      comparisonCsv([
        { orgSlug: "gangcheng", orgName: "钢城街道", year: 2024, figures },
        { orgSlug: "gangcheng", orgName: "钢城街道", year: 2023, figures: null },
      ]),
    );
    expect(rows[0]).toEqual(COMPARISON_CSV_COLUMNS);
    expect(rows[1]!.slice(0, 5)).toEqual(["钢城街道", "gangcheng", "2024", "yes", "9"]);
    expect(rows[2]!.slice(3)).toEqual(["no", ...COMPARISON_CSV_COLUMNS.slice(4).map(() => "")]);
  });
});
