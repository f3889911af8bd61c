// The Word reader (lib/domain/import/docx.ts) against the converter it replaced (mammoth), on .docx files as
// the app itself exports them (renderReportDocx: merged header cells, fixed layout, 落款) for several fixtures:
// the same report, findings and unplaced text. Speed is measured by scripts/bench-cli.ts.
import { readFileSync } from "node:fs";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { importDocx } from "@/lib/domain/import/docx";
import { importHtml } from "@/lib/domain/import/html";
import { importReport } from "@/lib/domain/import/import-report";
import { renderReportDocx } from "./docx-export";

const SOURCES = [
  "prisma/seed-data/gangcheng-2024.txt",
  "tests/fixtures/reports/jiangbei-office-2021-tabs.txt",
  "tests/fixtures/reports/baisha-town-2023.txt",
  "tests/fixtures/reports/hongling-township-2024.html",
];

describe("importDocx on exported Word files", () => {
  it.each(SOURCES)("reads %s's export as mammoth's HTML did", async (path) => {
    const source = await importReport({ docx: new Uint8Array(readFileSync(path)), fileName: path });
    const bytes = new Uint8Array(await renderReportDocx(source.report, "年度报告"));
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const fast = await importDocx(bytes);
    expect(fast).toEqual(importHtml(value));
    expect(fast.report.tables).toEqual(source.report.tables);
  });
});
