import { describe, expect, it } from "vitest";
import { CELL_CSV_COLUMNS, CSV_BOM, csvField, parseCsv, reportCsv, reportsCsv, toCsv } from "./export-csv";
import { emptyReport } from "../report-schema";
import { t2, t3, withCells, zeroTables } from "@/tests/builders/report-builders";

const source = (tables = zeroTables()) => ({
  orgName: "柳北区人民政府钢城街道办事处",
  orgSlug: "gangcheng",
  year: 2024,
  tables,
});

describe("reportCsv", () => {
  it("has a BOM, the documented header and one row per cell: 200 for a complete report", () => {
    const csv = reportCsv(source());
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CELL_CSV_COLUMNS]);
    expect(rows).toHaveLength(201);
    expect(rows.every((r) => r.length === CELL_CSV_COLUMNS.length)).toBe(true);
  });

  it("writes the labels and keys of each cell and the fee exactly as stored", () => {
    const tables = withCells(zeroTables(), [
      [t2("fees", "amount"), "5125.11"],
      [t3("newReceived", "natural"), 7],
    ]);
    const rows = parseCsv(reportCsv(source(tables)));
    expect(rows).toContainEqual([
      "柳北区人民政府钢城街道办事处",
      "gangcheng",
      "2024",
      "t2",
      "表二",
      "fees",
      "行政事业性收费",
      "amount",
      "本年收费金额（单位：万元）",
      "5125.11",
    ]);
    const received = rows.find((r) => r[5] === "newReceived" && r[7] === "natural");
    expect(received).toEqual([
      "柳北区人民政府钢城街道办事处",
      "gangcheng",
      "2024",
      "t3",
      "表三",
      "newReceived",
      "一、本年新收政府信息公开申请数量",
      "natural",
      "自然人",
      "7",
    ]);
  });

  it("leaves a blank cell empty, never 0", () => {
    const rows = parseCsv(reportCsv(source(emptyReport("", 2024).tables)));
    expect(rows.slice(1).every((r) => r[9] === "")).toBe(true);
  });

  it("puts several reports' cells in one file for the bulk download", () => {
    const rows = parseCsv(reportsCsv([source(), { ...source(), orgSlug: "jinxiu", orgName: "锦绣街道" }]));
    expect(rows).toHaveLength(401);
  });
});

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['他说"好"', '"他说""好"""'],
    ["两行\n文字", '"两行\n文字"'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["-306", "-306"],
    ["+12.5", "+12.5"],
    ["-0.25", "-0.25"],
    ["-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"],
    ["-2-3", "'-2-3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["+", "'+"],
    [null, ""],
    [12, "12"],
  ] as const)("%j is written as %j", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it("round-trips awkward fields through parseCsv", () => {
    const rows = [
      ["a,b", '"q"', "x\r\ny"],
      ["", "中文", "3"],
    ];
    expect(parseCsv(toCsv(["h1", "h2", "h3"], rows)).slice(1)).toEqual(rows);
  });
});
