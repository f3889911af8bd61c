// The Word export read back by the application's own .docx importer: the official tables survive the round
// trip cell for cell, so the merged headers are where the format puts them.
import { describe, expect, it } from "vitest";
import { listCells } from "@/lib/domain/cells";
import { importDocx } from "@/lib/domain/import/docx";
import { filledReport, t2, t3, t4 } from "@/tests/builders/report-builders";
import { renderReportDocx } from "@/lib/server/documents/docx-export";

describe("renderReportDocx", () => {
  it("round-trips through the .docx importer with every cell intact", async () => {
    const report = filledReport({
      cells: [
        [t3("newReceived", "natural"), 12],
        [t3("disclosed", "commercial"), 3],
        [t3("withheld.process", "natural"), 2],
        [t3("carriedForward", "natural"), 1],
        [t2("fees", "amount"), "5125.11"],
        [t2("normativeDocs", "inForce"), 40],
        [t4("afterReview.pending"), 2],
      ],
      recompute: true,
    });
    const imported = await importDocx(await renderReportDocx(report, ""));
    const values = (tables: typeof report.tables) =>
      listCells(tables).map((c) => `${c.table}:${c.row}:${c.col}=${c.value}`);
    expect(values(imported.report.tables)).toEqual(values(report.tables));
    expect(imported.report.meta.title).toBe(report.meta.title);
    expect(imported.report.sections.problems.paragraphs).toEqual(report.sections.problems.paragraphs);
  });
});
