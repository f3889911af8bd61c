// The PDF fixtures (tests/fixtures/reports/make-pdf-fixtures.ts prints them with Chromium from the app's own
// rendering of jiangbei-office-2021-tabs.txt, and converts the app's Word export with LibreOffice): each one's
// verdict, read through pdf.js and the common importer.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importReport, ImportFormatError } from "@/lib/domain/import/import-report";
import { importText } from "@/lib/domain/import/text";
import { checkReport } from "@/lib/domain/rules/check-report";
import { readPdfPages } from "./pdf-text";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/reports/${name}`, import.meta.url)));
const source = importText(
  readFileSync(
    new URL("../../../tests/fixtures/reports/jiangbei-office-2021-tabs.txt", import.meta.url),
    "utf8",
  ),
);

async function check(name: string) {
  const result = await importReport({ docx: fixture(name), fileName: name, readPdf: readPdfPages });
  return { result, findings: checkReport(result.report, { importFindings: result.findings }) };
}

// Generous: the first PDF in a process loads pdf.js and parses CJK fonts (seconds of CPU on a loaded machine).
describe("PDF import", { timeout: 90_000 }, () => {
  it("reads the correct report's every table cell and finds no error", async () => {
    const { result, findings } = await check("jiangbei-office-2021.pdf");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    // All 210 cells of tables 二–四 land where the source has them (labels wrapped over lines, a page break
    // inside table 三 with its header repeated, running header and page numbers around).
    expect(result.report.tables).toEqual(source.report.tables);
    expect(result.report.meta.bodyName).toBe("江北区人民政府办公室");
    expect(result.report.meta.signatureDate).toBe("2022-01-20");
    expect(result.unplaced).toEqual([]);
    // Paragraphs joined across line and page breaks. The one difference is the font's own mapping of the
    // glyph 户 to 戶 in Chromium's text layer: the characters are what the PDF says they are.
    const prose = (r: typeof source) => JSON.stringify(r.report.sections).replaceAll("戶", "户");
    expect(prose(result)).toBe(prose(source));
  });

  it("reads the app's Word export converted to PDF by LibreOffice (table 三 over a page break)", async () => {
    const { result, findings } = await check("jiangbei-office-2021-word.pdf");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.report.tables).toEqual(source.report.tables);
    expect(result.report.sections).toEqual(source.report.sections);
    expect(result.report.meta.signatureName).toBe("江北区人民政府办公室");
    expect(result.unplaced).toEqual([]);
  });

  it("catches the one changed table-三 cell with the balance rule of its column", async () => {
    const { findings } = await check("jiangbei-office-2021-changed.pdf");
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.ruleId)).toEqual(["T3-BALANCE"]);
    expect(errors[0]!.message).toBe("表三“自然人”列：第一项加第二项之和（44）应等于第三项加第四项之和（43）");
  });

  it("refuses a scanned PDF (images only) as having no text layer", async () => {
    const err = await check("jiangbei-office-2021-scan.pdf").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFormatError);
    expect((err as ImportFormatError).code).toBe("NO_TEXT_LAYER");
    expect((err as ImportFormatError).message).toContain("此PDF没有文字层（扫描件），无法检查");
  });

  it("refuses a damaged PDF with a message, not a crash", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\nthis is not a PDF body");
    const err = await importReport({ docx: bytes, fileName: "坏.pdf", readPdf: readPdfPages }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ImportFormatError);
    expect((err as ImportFormatError).code).toBe("UNSUPPORTED_FORMAT");
  });
});
