import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from "docx";
import { SECTIONS, type SectionKey, type TableKey } from "@/lib/domain/format";
import {
  formatChineseDate,
  printedCell,
  printedItems,
  printsTable,
  sectionHeading,
} from "@/lib/domain/render/cells";
import type { Report } from "@/lib/domain/report-schema";
import { TABLE_KEYS, TABLE_LAYOUTS, type LayoutCell, type TableLayout } from "@/lib/domain/table-layout";

// The report as a Word document in the official layout (GB/T 9704 公文 conventions): A4, 仿宋_GB2312 三号 body with
// a two-character indent, 黑体 section headings, 楷体_GB2312 sub-headings, and tables 二–四 with their merged
// headers from TABLE_LAYOUTS in 宋体. Fonts are given by the names Word and WPS list them under, for East Asian
// text (w:eastAsia) and Latin digits alike, so neither substitutes a Western font for the figures.

/** Raise when the Word output changes, so that cached copies (ETags) are not reused. */
export const DOCX_EXPORT_VERSION = 1;

const FONT = {
  body: "仿宋_GB2312",
  heading: "黑体",
  subheading: "楷体_GB2312",
  title: "宋体",
  table: "宋体",
} as const;
/** Sizes in half-points: 二号 22pt, 三号 16pt, 小五 9pt. */
const SIZE = { title: 44, body: 32, table: 18 } as const;
const LINE_EXACT = { line: 560, lineRule: LineRuleType.EXACT } as const;
const INDENT_TWO_CHARS = 640;

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

function text(value: string, face: string, size: number, bold = false) {
  return new TextRun({ text: value, font: font(face), size, bold });
}

const bodyParagraph = (value: string) =>
  new Paragraph({
    children: [text(value, FONT.body, SIZE.body)],
    indent: { firstLine: INDENT_TWO_CHARS },
    spacing: LINE_EXACT,
  });

const heading = (value: string, face: string) =>
  new Paragraph({
    children: [text(value, face, SIZE.body)],
    indent: { firstLine: INDENT_TWO_CHARS },
    spacing: LINE_EXACT,
    keepNext: true,
  });

/** Grid widths in twips for the 156 mm text width of the page. */
const COLUMN_WIDTHS: Record<TableKey, number[]> = {
  t2: [2845, 2000, 2000, 2000],
  t3: [600, 1000, 2345, 700, 700, 700, 700, 700, 700, 700],
  t4: Array.from({ length: 15 }, () => 590),
};

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

function tableCell(cell: LayoutCell, report: Report): TableCell {
  const isRowLabel =
    cell.kind === "header" && (cell.scope === "row" || cell.scope === "rowgroup") && cell.colSpan === 1;
  const content = cell.kind === "value" ? printedCell(report, cell.ref) : cell.text;
  return new TableCell({
    columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
    rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: [
      new Paragraph({
        alignment: isRowLabel ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [text(content, FONT.table, SIZE.table)],
      }),
    ],
  });
}

function officialTable(layout: TableLayout, report: Report): Table {
  const rows = layout.groups.flatMap((group) =>
    group.rows.map(
      (row) =>
        new TableRow({
          tableHeader: group.kind === "head",
          cantSplit: true,
          children: row.cells.map((c) => tableCell(c, report)),
        }),
    ),
  );
  return new Table({
    rows,
    columnWidths: COLUMN_WIDTHS[layout.table],
    width: { size: COLUMN_WIDTHS[layout.table].reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}

function sectionBlocks(report: Report, key: SectionKey): (Paragraph | Table)[] {
  // An imported report keeps its author's headings, sub-items and tables (see sectionHeading).
  const title = sectionHeading(report, key);
  const blocks: (Paragraph | Table)[] = title === null ? [] : [heading(title, FONT.heading)];
  if (key === "overview") {
    blocks.push(...report.sections.overview.paragraphs.map(bodyParagraph));
    for (const item of printedItems(report)) {
      blocks.push(heading(item.title, FONT.subheading), ...item.paragraphs.map(bodyParagraph));
    }
    return blocks;
  }
  blocks.push(...report.sections[key].paragraphs.map(bodyParagraph));
  const table = TABLE_KEYS.find((t) => TABLE_LAYOUTS[t].section === key);
  if (table && printsTable(report, table))
    blocks.push(officialTable(TABLE_LAYOUTS[table], report), new Paragraph({ children: [] }));
  return blocks;
}

function signature(meta: Report["meta"]): Paragraph[] {
  const right = (value: string) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: INDENT_TWO_CHARS },
      spacing: LINE_EXACT,
      children: [text(value, FONT.body, SIZE.body)],
    });
  return [
    new Paragraph({ children: [], spacing: LINE_EXACT }),
    ...(meta.signatureName ? [right(meta.signatureName)] : []),
    ...(meta.signatureDate ? [right(formatChineseDate(meta.signatureDate))] : []),
  ];
}

/** The .docx bytes of a report; `title` is used when the document carries none. */
export async function renderReportDocx(report: Report, fallbackTitle: string): Promise<Buffer> {
  const title = report.meta.title || fallbackTitle;
  const doc = new Document({
    creator: report.meta.bodyName || "年报",
    title,
    description: "政府信息公开工作年度报告",
    styles: { default: { document: { run: { font: font(FONT.body), size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [text(title, FONT.title, SIZE.title, true)],
          }),
          ...report.meta.preamble.map(bodyParagraph),
          ...SECTIONS.flatMap((s) => sectionBlocks(report, s.key)),
          ...signature(report.meta),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
