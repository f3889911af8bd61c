// The checker on the layouts real reports are published in (issue 11): one correct report of a 县局 —
// tests/fixtures/reports/linjiang-market-2024-* — as a web copy, a PDF-viewer copy, an HTML page whose preamble
// names all six parts, a Word file, and in every variant a class of real copies shows. Each fixture's verdict
// is asserted: real sum errors found by the right rule, no error on consistent content, never a silent pass
// over tables that were not read.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { describe, expect, it } from "vitest";
import { readFixture, readFixtureBytes } from "@/tests/fixtures/reports/read-fixture";
import { getCell } from "../cells";
import type { Finding } from "../findings";
import { ALL_CELLS, SECTIONS, cellId, type CellRef } from "../format";
import type { Report } from "../report-schema";
import { printedItems, printsTable, sectionHeading } from "../render/cells";
import { renderText } from "../render/text";
import { checkReport } from "../rules/check-report";
import { TABLE_KEYS, TABLE_LAYOUTS, type LayoutCell } from "../table-layout";
import { importHtml } from "./html";
import { importReport, type ImportResult } from "./import-report";
import { importText } from "./text";

const fixture = (name: string) => `linjiang-market-2024-${name}`;
const verdict = (result: ImportResult) => checkReport(result.report, { importFindings: result.findings });
const ofSeverity = (findings: Finding[], severity: Finding["severity"]) =>
  findings.filter((f) => f.severity === severity);
const ids = (findings: Finding[]) => findings.map((f) => f.ruleId);
const cells = (report: Report) => ALL_CELLS.map((c) => getCell(report.tables, c));

const web = importText(readFixture(fixture("web.txt")));
const webCells = cells(web.report);

/** A Word copy built with the `docx` package from a report: title, headings, paragraphs, merged-cell tables. */
async function wordCopy(report: Report): Promise<Uint8Array> {
  const cell = (c: LayoutCell) =>
    new TableCell({
      children: [new Paragraph(c.kind === "value" ? String(getCell(report.tables, c.ref) ?? "") : c.text)],
      columnSpan: c.colSpan,
      rowSpan: c.rowSpan,
    });
  const table = (t: (typeof TABLE_KEYS)[number]) =>
    new Table({
      rows: TABLE_LAYOUTS[t].groups
        .flatMap((g) => g.rows)
        .map((r) => new TableRow({ children: r.cells.map(cell) })),
    });
  const p = (text: string) => new Paragraph(text);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: report.meta.title, alignment: AlignmentType.CENTER }),
    ...report.meta.preamble.map(p),
  ];
  for (const s of SECTIONS) {
    const heading = sectionHeading(report, s.key);
    if (heading) children.push(p(heading));
    if (s.key === "overview") {
      children.push(...report.sections.overview.paragraphs.map(p));
      for (const item of printedItems(report)) children.push(p(item.title), ...item.paragraphs.map(p));
      continue;
    }
    children.push(...report.sections[s.key].paragraphs.map(p));
    const t = TABLE_KEYS.find((k) => TABLE_LAYOUTS[k].section === s.key);
    if (t && printsTable(report, t)) children.push(table(t));
  }
  children.push(new Paragraph({ text: report.meta.signatureName, alignment: AlignmentType.RIGHT }));
  children.push(new Paragraph({ text: "2025年1月20日", alignment: AlignmentType.RIGHT }));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

function withCell(report: Report, ref: CellRef, value: number): Report {
  const copy = structuredClone(report);
  (copy.tables[ref.table] as unknown as Record<string, Record<string, unknown>>)[ref.row]![ref.col] = value;
  return copy;
}

const DISCLOSED_NATURAL: CellRef = { table: "t3", row: "disclosed", col: "natural" };

/** Each layout of the same correct report, and the same with 表三（一）予以公开/自然人 150 → 151. */
const LAYOUTS: { name: string; read: (changed: boolean) => Promise<ImportResult> }[] = [
  {
    name: "web copy (`|` rows)",
    read: async (changed) => {
      const text = readFixture(fixture("web.txt"));
      return importText(changed ? text.replace("（一）予以公开 | 150 |", "（一）予以公开 | 151 |") : text);
    },
  },
  {
    name: "PDF-viewer copy (columns by spaces, wrapped labels)",
    read: async (changed) => {
      const text = readFixture(fixture("pdf-copy.txt"));
      return importText(changed ? text.replace(/(（一）予以公开\s+)150/, "$1151") : text);
    },
  },
  {
    name: "HTML page of flat <p> with a preamble naming the six parts",
    read: async (changed) => {
      const html = readFixture(fixture("preamble-page.html"));
      const edited = html.replace(/(>（一）予以公开<\/td><td[^>]*>)150</, "$1151<");
      return importHtml(changed ? edited : html);
    },
  },
  {
    name: "Word (.docx)",
    read: async (changed) => {
      const report = changed ? withCell(web.report, DISCLOSED_NATURAL, 151) : web.report;
      return importReport({ docx: await wordCopy(report), fileName: "年报.docx" });
    },
  },
];

describe.each(LAYOUTS)("a correct report as $name", ({ read }) => {
  it("reads all 200 cells as the web copy has them and checks with no error", async () => {
    const result = await read(false);
    expect(cells(result.report)).toEqual(webCells);
    expect(ofSeverity(verdict(result), "error")).toEqual([]);
    expect(result.report.meta).toMatchObject({ bodyName: "临江县市场监督管理局", year: 2024 });
  });

  it("with one cell changed, is caught by the sum rules that cell is in", async () => {
    const errors = ofSeverity(verdict(await read(true)), "error");
    expect(ids(errors).sort()).toEqual(["T3-RESULT-TOTAL", "T3-ROW-TOTAL"]);
    expect(errors.find((f) => f.ruleId === "T3-ROW-TOTAL")).toMatchObject({ expected: 170, actual: 169 });
    expect(errors.find((f) => f.ruleId === "T3-RESULT-TOTAL")).toMatchObject({ expected: 244, actual: 243 });
  });
});

describe("the web copy", () => {
  it("is clean: no finding at all", () => {
    expect(verdict(web)).toEqual([]);
    expect(web.unplaced).toEqual([]);
  });
});

describe("the Word file made by the app's own export (linjiang-market-2024.docx)", () => {
  it("checks with no finding and reads every cell", async () => {
    const result = await importReport({ docx: readFixtureBytes("linjiang-market-2024.docx") });
    expect(verdict(result)).toEqual([]);
    expect(cells(result.report)).toEqual(webCells);
  });
});

describe("an HTML page whose preamble lists the six parts (issue 11 §1)", () => {
  const result = importHtml(readFixture(fixture("preamble-page.html")));

  it("takes the article from its heading-like lines, not from the preamble paragraph", () => {
    expect(result.recognised).toBe(true);
    expect(result.report.meta.preamble[0]).toMatch(/^本报告根据/);
    expect(result.report.sections.overview.items.map((i) => i.paragraphs.length)).toEqual([1, 1, 1, 1, 1]);
    expect(result.report.sections.problems.paragraphs[0]).toMatch(/^一是部分栏目/);
    expect(result.report.meta).toMatchObject({
      publisher: "临江县市场监督管理局",
      publishedDate: "2025-01-22",
    });
  });

  it("checks with no finding", () => {
    expect(verdict(result)).toEqual([]);
  });
});

describe("section headings and sub-items in other words (issue 11 §2)", () => {
  it.each([
    [
      "jiangsu-headings.txt",
      ["（三）政府信息资源规范化、标准化管理情况", "（四）政府公开平台建设情况"],
      "五、政府信息公开工作存在的主要问题及改进情况",
    ],
    ["shanghai-wording.txt", ["（四）平台建设情况"], "五、存在的主要问题及整改措施"],
  ])(
    "%s: found by number and subject, warned about its words, never a missing-heading error",
    (name, items, five) => {
      const result = importText(readFixture(fixture(name)));
      const findings = verdict(result);
      expect(ofSeverity(findings, "error")).toEqual([]);
      const wording = findings.filter((f) => f.ruleId === "DOC-HEADING-WORDING");
      expect(wording.every((f) => f.severity === "warning")).toBe(true);
      expect(wording.map((f) => f.actual)).toEqual([five, ...items]);
      expect(ids(findings).every((id) => id === "DOC-HEADING-WORDING")).toBe(true);
      // Section 五's text stays in 五, so its checks still run; every sub-item keeps its text.
      expect(result.report.sections.problems.paragraphs).toHaveLength(1);
      expect(result.report.sections.appeals.paragraphs).toEqual([]);
      expect(result.report.sections.overview.items.map((i) => i.paragraphs.length)).toEqual([1, 1, 1, 1, 1]);
    },
  );

  it("section 五 under another wording is still checked (TXT-SECTION5-EMPTY)", () => {
    const text = readFixture(fixture("shanghai-wording.txt")).replace(
      /(五、存在的主要问题及整改措施\n)[^\n]*/,
      "$1无。",
    );
    expect(ids(ofSeverity(verdict(importText(text)), "error"))).toEqual(["TXT-SECTION5-EMPTY"]);
  });
});

describe("numbers with spaces and thousands separators in the prose (issue 11 §3)", () => {
  const text = readFixture(fixture("spaced-numbers.txt"));

  it("agreeing figures raise nothing", () => {
    expect(verdict(importText(text))).toEqual([]);
  });

  it("a spaced figure that disagrees with table 三 is reported, quoting the text as printed", () => {
    const findings = verdict(importText(text.replace("申请 272 件", "申请 271 件")));
    const f = findings.find((x) => x.ruleId === "TXT-APPLICATIONS");
    expect(f?.textSpan?.quote).toBe("收到政府信息公开申请 271 件");
    expect(f?.actual).toBe(271);
  });
});

describe("tables copied from a PDF viewer (issue 11 §4)", () => {
  it("reads columns separated by spaces, joins wrapped labels and headers, with nothing left over", () => {
    const result = importText(readFixture(fixture("pdf-copy.txt")));
    expect(cells(result.report)).toEqual(webCells);
    expect(result.unplaced).toEqual([]);
    expect(verdict(result)).toEqual([]);
  });

  it("puts values under their column header when the copy dropped blank cells", () => {
    const result = importText(readFixture(fixture("pdf-copy-blanks.txt")));
    const blanks = ALL_CELLS.filter((c) => getCell(result.report.tables, c) === null);
    expect(new Set(blanks.map((c) => c.col))).toEqual(new Set(["research", "otherOrg"]));
    // Every other cell is exactly the web copy's.
    ALL_CELLS.forEach((c, i) => {
      if (getCell(result.report.tables, c) !== null)
        expect(getCell(result.report.tables, c), cellId(c)).toBe(webCells[i]);
    });
    expect(verdict(result).map((f) => [f.ruleId, f.severity])).toEqual([["CELL-VALUE", "warning"]]);
  });

  it("leaves a row unread rather than guess when its values do not sit under the headers", () => {
    const text = readFixture(fixture("pdf-copy-blanks.txt")).replace(
      /^(二、上年结转政府信息公开申请数量)\s+8\s+2\s+0\s+0\s+10$/m,
      "$1 8 2 0 0 10",
    );
    const result = importText(text);
    expect(Object.values(result.report.tables.t3.carriedOver!)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    const notes = result.findings.filter((f) => f.ruleId === "IMPORT-INCOMPLETE").map((f) => f.message);
    expect(notes[0]).toBe(
      "表三“二、上年结转政府信息公开申请数量”行只印出5个数值（复制时空白单元格未保留），无法确定各数值所在的列，该行未读取。",
    );
    expect(ids(ofSeverity(verdict(result), "error"))).toEqual([]);
  });

  it("finds the two real table-四 sum errors", () => {
    const errors = ofSeverity(verdict(importText(readFixture(fixture("pdf-copy-t4-errors.txt")))), "error");
    expect(errors.map((f) => [f.ruleId, f.expected, f.actual])).toEqual([
      ["T4-GROUP-TOTAL", 4, 5],
      ["T4-GROUP-TOTAL", 2, 3],
    ]);
  });

  it("tables of which nothing could be read are errors, never 「未发现错误」", () => {
    const result = importText(readFixture(fixture("tables-as-images.txt")));
    const errors = ofSeverity(verdict(result), "error");
    expect(errors.map((f) => f.ruleId)).toEqual([
      "IMPORT-TABLE-UNREAD",
      "IMPORT-TABLE-UNREAD",
      "IMPORT-TABLE-UNREAD",
    ]);
    expect(errors[1]!.message).toMatch(/^表三（收到和处理政府信息公开申请情况）未能读取，未检查/);
    expect(result.report.layout?.unreadTables).toEqual(["t2", "t3", "t4"]);
    // Filled in afterwards (in the editor), a table is read: no longer an error, and it is printed.
    const filled = { ...result.report, tables: web.report.tables };
    expect(ids(checkReport(filled)).filter((id) => id === "IMPORT-TABLE-UNREAD")).toEqual([]);
    expect(renderText(filled)).toContain("（七）总计 | 243 | 20 | 1 | 2 | 5 | 4 | 275");
  });

  it("a partly read table names what was not read", () => {
    const text = readFixture(fixture("web.txt")).replace(
      /^\d\.(?:信访|重复申请|要求提供|无正当|要求行政).*\n/gm,
      "",
    );
    const result = importText(text);
    const partial = result.findings.find((f) => f.ruleId === "IMPORT-INCOMPLETE");
    expect(partial?.message).toContain(
      "表三（收到和处理政府信息公开申请情况）有28个单元格未能读取（“2.重复申请”、“3.要求提供公开出版物”、“4.无正当理由大量反复申请”等4行）",
    );
    expect(ids(ofSeverity(verdict(result), "error"))).toEqual([]);
  });
});

describe("blank cells and repeated header rows (issue 11 §5)", () => {
  it("a blank 总计 column is reported once and kept out of every sum rule", () => {
    const result = importText(readFixture(fixture("blank-total.txt")));
    const findings = verdict(result);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([["CELL-VALUE", "warning"]]);
    expect(findings[0]!.cells).toHaveLength(25);
    expect(result.report.tables.t3.newReceived!.total).toBeNull();
  });

  it("a column-header row repeated before （七）总计 is skipped and the row keeps its first value", () => {
    const result = importText(readFixture(fixture("repeated-header.txt")));
    expect(Object.values(result.report.tables.t3.resultTotal!)).toEqual([243, 20, 1, 2, 5, 4, 275]);
    expect(cells(result.report)).toEqual(webCells);
    expect(verdict(result)).toEqual([]);
    expect(result.unplaced).toEqual([]);
  });
});

describe("the title block (issue 11 §7)", () => {
  it("joins a title printed over two lines; a wrapped preamble line is neither title nor body name", () => {
    const { report } = importText(readFixture(fixture("two-line-title.txt")));
    expect(report.meta).toMatchObject({
      bodyName: "临江县市场监督管理局",
      title: "临江县市场监督管理局2024年政府信息公开工作年度报告",
    });
    expect(report.meta.preamble[0]).toMatch(/^根据《中华人民共和国政府信息公开条例》规定，现公布/);
  });
});

describe("template leftovers (issue 11 §8)", () => {
  it("「（文字描述）」 and 「在此处报告」 are DOC-TEMPLATE-LEFTOVER warnings", () => {
    const findings = verdict(importText(readFixture(fixture("template-leftovers.txt"))));
    expect(findings.map((f) => [f.ruleId, f.severity, f.textSpan?.quote])).toEqual([
      ["DOC-TEMPLATE-LEFTOVER", "warning", "（文字描述）"],
      ["DOC-TEMPLATE-LEFTOVER", "warning", "在此处报告"],
    ]);
  });
});

describe("fixture figures", () => {
  it("every cell of the web copy is read (no blank), so the layouts above compare all 200", () => {
    expect(ALL_CELLS.filter((c) => getCell(web.report.tables, c) === null).map(cellId)).toEqual([]);
  });
});
