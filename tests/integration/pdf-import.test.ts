// The editor's PDF import on the server: the same findings as the CLI, the same refusals, the permission to
// create the body's report, a size limit. (Reading only: nothing is stored until the author confirms.)
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { importText } from "@/lib/domain/import/text";
import { checkReport } from "@/lib/domain/rules/check-report";
import { MAX_PDF_BYTES, readUploadedPdf } from "@/lib/server/documents/pdf-import";
import { setupTestDb } from "../setup/test-db";
import { buildWorkflowWorld } from "./workflow-world";

const t = setupTestDb();
let w: Awaited<ReturnType<typeof buildWorkflowWorld>>;
beforeAll(async () => {
  w = await buildWorkflowWorld(t.db);
});

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/reports/${name}`));
const upload = (name: string, bytes = fixture(name)) => ({
  orgId: w.orgs.gangcheng.id,
  year: 2021,
  fileName: name,
  bytes,
});

describe("readUploadedPdf", { timeout: 90_000 }, () => {
  it("reads a PDF report for the body's 填报员 with the tables the source has and no error", async () => {
    const result = await readUploadedPdf(w.actors.editor, upload("jiangbei-office-2021.pdf"), t.db);
    const source = importText(readFileSync("tests/fixtures/reports/jiangbei-office-2021-tabs.txt", "utf8"));
    expect(result.report.tables).toEqual(source.report.tables);
    expect(
      checkReport(result.report, { importFindings: result.findings }).filter((f) => f.severity === "error"),
    ).toEqual([]);
  });

  it("gives the changed PDF the same error findings as the CLI's reading", async () => {
    const result = await readUploadedPdf(w.actors.editor, upload("jiangbei-office-2021-changed.pdf"), t.db);
    const errors = checkReport(result.report, { importFindings: result.findings }).filter(
      (f) => f.severity === "error",
    );
    expect(errors.map((f) => f.ruleId)).toEqual(["T3-BALANCE"]);
  });

  it("refuses a scan with the importer's message", async () => {
    await expect(
      readUploadedPdf(w.actors.editor, upload("jiangbei-office-2021-scan.pdf"), t.db),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "此PDF没有文字层（扫描件），无法检查。",
    });
  });

  it("refuses a file over the size limit and someone who may not create the body's report", async () => {
    const big = new Uint8Array(MAX_PDF_BYTES + 1);
    big.set(new TextEncoder().encode("%PDF-1.7\n"));
    await expect(readUploadedPdf(w.actors.editor, upload("big.pdf", big), t.db)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(
      readUploadedPdf(w.actors.reviewer, upload("jiangbei-office-2021.pdf"), t.db),
    ).rejects.toMatchObject({ code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) });
  });
});
