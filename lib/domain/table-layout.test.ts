import { describe, expect, it } from "vitest";
import { ALL_CELLS, T3_CORNER_NOTE, cellId, type TableKey } from "./format";
import {
  TABLE_KEYS,
  TABLE_LAYOUTS,
  layoutOfSection,
  layoutRows,
  type LayoutCell,
  type LayoutValueCell,
  type TableLayout,
} from "./table-layout";

/** Places every cell on a grid the way HTML does; fails on overlaps so the spans must tile exactly. */
function tile(layout: TableLayout): (LayoutCell | undefined)[][] {
  const rows = layoutRows(layout);
  const grid: (LayoutCell | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          expect(grid[r + dr]?.[c + dc], `overlap at ${r + dr},${c + dc}`).toBeUndefined();
          grid[r + dr]![c + dc] = cell;
        }
      }
      c += cell.colSpan;
    }
  });
  return grid;
}

const cellsOf = (layout: TableLayout) => layoutRows(layout).flatMap((r) => r.cells);
const valuesOf = (layout: TableLayout) =>
  cellsOf(layout).filter((c): c is LayoutValueCell => c.kind === "value");
const headerByText = (table: TableKey, text: string) =>
  cellsOf(TABLE_LAYOUTS[table]).find((c) => c.kind !== "value" && c.text === text);

describe("table layouts", () => {
  it.each(TABLE_KEYS)("%s lists every value cell of the format once, in reading order", (table) => {
    const expected = ALL_CELLS.filter((c) => c.table === table).map(cellId);
    expect(valuesOf(TABLE_LAYOUTS[table]).map((v) => cellId(v.ref))).toEqual(expected);
  });

  it.each(TABLE_KEYS)("%s spans tile a full rectangle of columnCount columns", (table) => {
    const layout = TABLE_LAYOUTS[table];
    for (const row of tile(layout)) {
      expect(row).toHaveLength(layout.columnCount);
      expect(row.every(Boolean)).toBe(true);
    }
  });

  it.each(TABLE_KEYS)("%s value cells name only headers of their own table, and ids are unique", (table) => {
    const layout = TABLE_LAYOUTS[table];
    const ids = cellsOf(layout).flatMap((c) => (c.kind === "value" ? [] : [c.id]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const value of valuesOf(layout)) {
      expect(value.headers.length).toBeGreaterThanOrEqual(2);
      for (const id of value.headers) expect(ids).toContain(id);
    }
  });

  it("table 二 has four blocks, each opening with its 第二十条 heading row and its own 信息内容 header row", () => {
    const groups = TABLE_LAYOUTS.t2.groups;
    expect(groups.map((g) => g.kind)).toEqual(["body", "body", "body", "body"]);
    expect(groups.map((g) => g.rows[0]!.cells[0])).toMatchObject([
      { text: "第二十条第（一）项", colSpan: 4 },
      { text: "第二十条第（五）项", colSpan: 4 },
      { text: "第二十条第（六）项", colSpan: 4 },
      { text: "第二十条第（八）项", colSpan: 4 },
    ]);
    for (const g of groups) expect(g.rows[1]!.cells[0]).toMatchObject({ text: "信息内容", scope: "col" });
    const fee = valuesOf(TABLE_LAYOUTS.t2).find((v) => v.ref.row === "fees")!;
    expect(fee).toMatchObject({ isDecimal: true, colSpan: 3 });
    expect(fee.headers).toEqual(["t2-item8", "t2-item8-amount", "t2-fees"]);
  });

  it("table 三's header: the 勾稽 note spans 3 × 3, 申请人情况 spans 7, 自然人 and 总计 span two rows", () => {
    expect(TABLE_LAYOUTS.t3.columnCount).toBe(10);
    expect(headerByText("t3", T3_CORNER_NOTE)).toMatchObject({ kind: "note", colSpan: 3, rowSpan: 3 });
    expect(headerByText("t3", "申请人情况")).toMatchObject({ colSpan: 7, scope: "colgroup" });
    expect(headerByText("t3", "自然人")).toMatchObject({ rowSpan: 2 });
    expect(headerByText("t3", "法人或其他组织")).toMatchObject({ colSpan: 5 });
    expect(headerByText("t3", "总计")).toMatchObject({ rowSpan: 2 });
    expect(TABLE_LAYOUTS.t3.groups[0]!.rows[2]!.cells.map((c) => (c.kind === "value" ? "" : c.text))).toEqual(
      ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    );
  });

  it.each([
    ["三、本年度办理结果", 1, 22],
    ["（三）不予公开", 1, 8],
    ["（四）无法提供", 1, 3],
    ["（五）不予处理", 1, 5],
    ["（六）其他处理", 1, 3],
    ["一、本年新收政府信息公开申请数量", 3, 1],
    ["四、结转下年度继续办理", 3, 1],
    ["（一）予以公开", 2, 1],
    ["（七）总计", 2, 1],
    ["1.属于国家秘密", 1, 1],
  ])("table 三's row header %s spans %i column(s) and %i row(s)", (text, colSpan, rowSpan) => {
    expect(headerByText("t3", text)).toMatchObject({ colSpan, rowSpan });
  });

  it("a table 三 item cell is labelled by 三、本年度办理结果, its group, its row and both column levels", () => {
    const cell = valuesOf(TABLE_LAYOUTS.t3).find(
      (v) => v.ref.row === "withheld.thirdParty" && v.ref.col === "commercial",
    );
    expect(cell!.headers).toEqual([
      "t3-results",
      "t3-g-withheld",
      "t3-r-withheld.thirdParty",
      "t3-applicant",
      "t3-legalPerson",
      "t3-c-commercial",
    ]);
  });

  it("table 四: 行政复议 spans 5 with its labels over two rows; 行政诉讼 spans 10 over its two groups of 5", () => {
    const [first, second, third] = TABLE_LAYOUTS.t4.groups[0]!.rows;
    expect(first!.cells).toMatchObject([
      { text: "行政复议", colSpan: 5 },
      { text: "行政诉讼", colSpan: 10 },
    ]);
    expect(second!.cells.slice(0, 5).every((c) => c.rowSpan === 2)).toBe(true);
    expect(second!.cells.slice(5)).toMatchObject([
      { text: "未经复议直接起诉", colSpan: 5 },
      { text: "复议后起诉", colSpan: 5 },
    ]);
    expect(third!.cells).toHaveLength(10);
    const direct = valuesOf(TABLE_LAYOUTS.t4).find((v) => v.ref.col === "direct.total")!;
    expect(direct.headers).toEqual(["t4-litigation", "t4-direct", "t4-direct.total"]);
  });

  it.each([
    ["overview", undefined],
    ["proactive", "t2"],
    ["requests", "t3"],
    ["appeals", "t4"],
    ["problems", undefined],
    ["other", undefined],
  ] as const)("section %s prints table %s", (section, table) => {
    expect(layoutOfSection(section)?.table).toBe(table);
  });
});
