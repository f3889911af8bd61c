import { describe, expect, it } from "vitest";
import { fixRadicals, pdfPagesToLines, type PdfPage, type PdfRule, type PdfTextItem } from "./pdf-layout";

const W = 595;
const H = 842;
const text = (t: string, x: number, y: number, size = 12): PdfTextItem => ({
  text: t,
  x,
  y,
  width: t.length * size * (/^[\d.]+$/.test(t) ? 0.5 : 1),
  size,
});

/** A ruled grid: column edges `xs`, row edges `ys`, every cell boxed (thin filled rectangles, as Chromium paints). */
function grid(xs: number[], ys: number[]): PdfRule[] {
  const rules: PdfRule[] = [];
  for (const y of ys)
    for (let j = 0; j + 1 < xs.length; j++) rules.push({ x0: xs[j]!, y0: y, x1: xs[j + 1]!, y1: y + 0.75 });
  for (const x of xs)
    for (let i = 0; i + 1 < ys.length; i++) rules.push({ x0: x, y0: ys[i]!, x1: x + 0.75, y1: ys[i + 1]! });
  return rules;
}

const page = (items: PdfTextItem[], rules: PdfRule[] = []): PdfPage => ({
  width: W,
  height: H,
  items,
  rules,
});
const show = (pages: PdfPage[]) => pdfPagesToLines(pages).map((l) => (l.isRow ? l.cells.join("|") : l.text));

describe("fixRadicals", () => {
  it("maps Kangxi and supplement radical code points back to the ideographs", () => {
    expect(fixRadicals("⼀、总体情况 ⻘⼭县 ⾏政")).toBe("一、总体情况 青山县 行政");
    expect(fixRadicals("行政（二）")).toBe("行政（二）");
  });
});

describe("pdfPagesToLines", () => {
  it("joins a label wrapped over two lines and keeps a blank cell in its column", () => {
    const xs = [80, 240, 320, 400, 480];
    const ys = [100, 120, 150];
    const lines = show([
      page(
        [
          text("信息内容", 100, 115),
          text("甲列", 260, 115),
          text("乙列", 340, 115),
          text("丙列", 420, 115),
          text("一、本年新收政府信息", 82, 133),
          text("公开申请数量", 82, 147),
          text("3", 275, 140),
          text("5", 435, 140),
        ],
        grid(xs, ys),
      ),
    ]);
    expect(lines).toEqual(["信息内容|甲列|乙列|丙列", "一、本年新收政府信息公开申请数量|3||5"]);
  });

  it("puts a cell spanning rows in the first row it covers", () => {
    const rules = [
      ...grid([80, 160, 240, 320], [100, 120]),
      // Row 2 and 3: the first column is one cell (no rule between the rows there).
      { x0: 80, y0: 120, x1: 80.75, y1: 160 },
      { x0: 160, y0: 120, x1: 160.75, y1: 160 },
      { x0: 240, y0: 120, x1: 240.75, y1: 160 },
      { x0: 320, y0: 120, x1: 320.75, y1: 160 },
      { x0: 160, y0: 140, x1: 320, y1: 140.75 },
      { x0: 80, y0: 160, x1: 320, y1: 160.75 },
    ];
    const lines = show([
      page(
        [
          text("标题", 100, 115),
          text("名称", 180, 115),
          text("值", 260, 115),
          text("（三）不予公开", 82, 145, 9),
          text("1.甲", 180, 135),
          text("7", 275, 135),
          text("2.乙", 180, 155),
          text("8", 275, 155),
        ],
        rules,
      ),
    ]);
    expect(lines).toEqual(["标题|名称|值", "（三）不予公开|1.甲|7", "2.乙|8"]);
  });

  it("drops running heads and page numbers and joins a paragraph over the page break", () => {
    const full = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四";
    const pages = [
      page([
        text("某某局政府信息公开工作年度报告", 80, 30, 9),
        text("一、总体情况", 80, 100),
        text(full.slice(0, 32), 104, 130),
        text(full.slice(0, 34), 80, 150),
        text("- 1 -", 290, 810, 10),
      ]),
      page([
        text("某某局政府信息公开工作年度报告", 80, 30, 9),
        text("接续的文字。", 80, 100),
        text("二、主动公开政府信息情况", 80, 130),
        text("- 2 -", 290, 810, 10),
      ]),
    ];
    expect(show(pages)).toEqual([
      "一、总体情况",
      `${full.slice(0, 32)}${full.slice(0, 34)}接续的文字。`,
      "二、主动公开政府信息情况",
    ]);
  });

  it("continues a table over a page break without its repeated header row", () => {
    const xs = [80, 240, 320];
    const header = (y: number) => [text("项目", 100, y), text("数量", 260, y)];
    const pages = [
      page([...header(115), text("甲", 100, 135), text("1", 275, 135)], grid(xs, [100, 120, 140])),
      page([...header(115), text("乙", 100, 135), text("2", 275, 135)], grid(xs, [100, 120, 140])),
    ];
    expect(show(pages)).toEqual(["项目|数量", "甲|1", "乙|2"]);
  });
});

describe("pdfPagesToLines without table rules", () => {
  it("keeps the columns of an unruled table apart with runs of spaces, one line per row", () => {
    const lines = show([
      page([
        text("信息内容", 80, 100),
        text("本年制发件数", 240, 100),
        text("规章", 80, 120),
        text("0", 280, 120),
        text("行政规范性文件", 80, 140),
        text("3", 280, 140),
      ]),
    ]);
    expect(lines).toEqual(["信息内容   本年制发件数", "规章   0", "行政规范性文件   3"]);
  });
});

describe("pdfPagesToLines with a row printed as one run", () => {
  it("cuts the run at the cell borders", () => {
    const xs = [80, 200, 240, 280, 320];
    // The label fills the first cell; 「7 8 9」 is one run over the three value cells.
    const row = { text: "规章规章规章规章规章", x: 80, y: 115, width: 120, size: 12 };
    const values = { text: "7 8 9", x: 200, y: 115, width: 120, size: 12 };
    const lines = show([page([row, values], grid(xs, [100, 120]))]);
    expect(lines).toEqual(["规章规章规章规章规章|7|8|9"]);
  });
});
