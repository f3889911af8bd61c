// A real .docx built with the `docx` package, the way a body's Word file looks: a centred title, headings,
// paragraphs, and the three tables with merged cells (gridSpan and vMerge), then the 落款.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { ALL_CELLS, cellId, type CellRef } from "../format";
import { getCell } from "../cells";
import { TABLE_KEYS, TABLE_LAYOUTS, type LayoutCell } from "../table-layout";
import { docxToHtml, importDocx } from "./docx";
import { importHtml } from "./html";
import { importReport } from "./import-report";

/** Figures of a 区县局 that reconcile: 9 new + 1 carried = 9 answered + 1 carried forward. */
const FIGURES: Record<string, number | string> = {
  "t2:normativeDocs:issued": 2,
  "t2:normativeDocs:inForce": 11,
  "t2:licensing:decisions": 356,
  "t2:punishment:decisions": 7,
  "t2:fees:amount": "3.5",
  "t3:newReceived:natural": 8,
  "t3:newReceived:commercial": 1,
  "t3:newReceived:total": 9,
  "t3:carriedOver:natural": 1,
  "t3:carriedOver:total": 1,
  "t3:disclosed:natural": 6,
  "t3:disclosed:commercial": 1,
  "t3:disclosed:total": 7,
  "t3:unable.notHeld:natural": 2,
  "t3:unable.notHeld:total": 2,
  "t3:resultTotal:natural": 8,
  "t3:resultTotal:commercial": 1,
  "t3:resultTotal:total": 9,
  "t3:carriedForward:natural": 1,
  "t3:carriedForward:total": 1,
  "t4:cases:review.upheld": 1,
  "t4:cases:review.total": 1,
};
const figure = (ref: CellRef) => String(FIGURES[cellId(ref)] ?? 0);

function wordCell(cell: LayoutCell): TableCell {
  const text = cell.kind === "value" ? figure(cell.ref) : cell.text;
  return new TableCell({ children: [new Paragraph(text)], columnSpan: cell.colSpan, rowSpan: cell.rowSpan });
}

function wordTable(table: (typeof TABLE_KEYS)[number]): Table {
  const rows = TABLE_LAYOUTS[table].groups.flatMap((g) => g.rows);
  return new Table({ rows: rows.map((r) => new TableRow({ children: r.cells.map(wordCell) })) });
}

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
const right = (text: string) => new Paragraph({ text, alignment: AlignmentType.RIGHT });

async function buildDocx(): Promise<Uint8Array> {
  const children = [
    new Paragraph({ text: "青山县教育局2024年政府信息公开工作年度报告", alignment: AlignmentType.CENTER }),
    new Paragraph("本报告统计期限为2024年1月1日至12月31日。"),
    heading("一、总体情况"),
    new Paragraph("2024年，县教育局围绕招生入学、教育收费等群众关注事项加大公开力度。"),
    new Paragraph("（一）主动公开"),
    new Paragraph("主动公开政府信息214条。"),
    new Paragraph("（二）依申请公开"),
    new Paragraph("新收申请9件，上年结转1件。"),
    new Paragraph("（三）政府信息管理"),
    new Paragraph("落实公开属性源头认定。"),
    new Paragraph("（四）政府信息公开平台建设"),
    new Paragraph("优化教育信息公开专栏。"),
    new Paragraph("（五）监督保障"),
    new Paragraph("开展培训2次。"),
    heading("二、主动公开政府信息情况"),
    wordTable("t2"),
    heading("三、收到和处理政府信息公开申请情况"),
    wordTable("t3"),
    heading("四、政府信息公开行政复议、行政诉讼情况"),
    wordTable("t4"),
    heading("五、存在的主要问题及改进情况"),
    new Paragraph("政策解读的针对性有待加强，2025年将围绕招生政策开展图解解读。"),
    heading("六、其他需要报告的事项"),
    new Paragraph("本年度收取信息处理费0元。"),
    right("青山县教育局"),
    right("2025年1月20日"),
  ];
  const buffer = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return new Uint8Array(buffer);
}

describe("importDocx", () => {
  // Built once: packing a .docx takes most of a second.
  const docx = buildDocx();

  it("keeps Word's merged cells as rowspan/colspan", async () => {
    const html = await docxToHtml(await docx);
    expect(html).toContain('rowspan="22"');
    expect(html).toContain('colspan="10"');
  });

  it("reads paragraphs, merged-cell tables, the title and the 落款 from a .docx", async () => {
    const { report, findings, unplaced } = await importDocx(await docx);
    expect(findings).toEqual([]);
    expect(unplaced).toEqual([]);
    expect(report.meta).toMatchObject({
      bodyName: "青山县教育局",
      year: 2024,
      preamble: ["本报告统计期限为2024年1月1日至12月31日。"],
      signatureName: "青山县教育局",
      signatureDate: "2025-01-20",
    });
    expect(report.sections.overview.items.map((i) => i.paragraphs.length)).toEqual([1, 1, 1, 1, 1]);
    for (const cell of ALL_CELLS) {
      const expected = figure(cell);
      expect(String(getCell(report.tables, cell)), cellId(cell)).toBe(expected);
    }
  });

  it("reads the same report as the general converter (mammoth) it replaced", async () => {
    const bytes = await docx;
    const buffer = Buffer.from(bytes);
    const { value } = await mammoth.convertToHtml({ buffer });
    expect(await importDocx(bytes)).toEqual(importHtml(value));
  });

  it("refuses a ZIP that is not a Word document", async () => {
    const { zipSync } = await import("fflate");
    const xlsx = zipSync({ "xl/workbook.xml": new TextEncoder().encode("<workbook/>") });
    await expect(importReport({ docx: xlsx, fileName: "表.xlsx" })).rejects.toMatchObject({
      code: "UNSUPPORTED_FORMAT",
    });
  });

  it("is what importReport picks for .docx bytes, by content as well as by name", async () => {
    const bytes = await docx;
    const byName = await importReport({ docx: bytes, fileName: "年报.docx" });
    const byContent = await importReport({ docx: bytes });
    expect(byContent.report).toEqual(byName.report);
    expect(byName.report.tables.t2.fees.amount).toBe("3.5");
  });
});
