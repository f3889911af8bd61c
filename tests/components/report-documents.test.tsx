// The three renderings of a report — the public document, the editor's forms and the review screen — as static
// HTML of the seed report, pinned in files: a refactor of the shared ReportDocument must leave them unchanged.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EditorDocument } from "@/components/editor/editor-document";
import type { CellMark as EditorCellMark } from "@/components/editor/editor-table";
import { ReportDocument } from "@/components/report/report-document";
import { ReviewDocument, type CellMark } from "@/components/workflow/review-document";
import { emptyReport } from "@/lib/domain/report-schema";
import { gangcheng2024Report } from "@/tests/builders/gangcheng-2024-fixture";
import { t3, withCells } from "@/tests/builders/report-builders";

const report = gangcheng2024Report();
const snapshot = (name: string) => `./__snapshots__/${name}.html`;
const noop = () => {};

function editorHtml(readOnly: boolean) {
  const marks = new Map<string, EditorCellMark>([
    ["t3:newReceived:natural", { severity: "error", messages: ["须为整数"] }],
  ]);
  return renderToStaticMarkup(
    <EditorDocument
      content={report}
      previous={report}
      readOnly={readOnly}
      findings={[]}
      carried={[]}
      onConfirm={noop}
      fieldErrors={{}}
      marks={marks}
      portalUrl="https://www.liubei.gov.cn"
      defaultTitle="柳北区人民政府钢城街道办事处2024年政府信息公开工作年度报告"
      onChange={noop}
      onLocate={noop}
      onFocusCell={noop}
    />,
  );
}

describe("the report documents' markup for the seed report", () => {
  it("public document is unchanged", async () => {
    await expect(renderToStaticMarkup(<ReportDocument report={report} />)).toMatchFileSnapshot(
      snapshot("public"),
    );
  });

  it("public document with last year's values is unchanged", async () => {
    const previous = { year: 2023, tables: withCells(report.tables, [[t3("newReceived", "natural"), 4]]) };
    await expect(
      renderToStaticMarkup(<ReportDocument report={report} previous={previous} />),
    ).toMatchFileSnapshot(snapshot("public-previous"));
  });

  it("public document of a blank report is unchanged", async () => {
    await expect(
      renderToStaticMarkup(<ReportDocument report={emptyReport("钢城街道", 2024)} />),
    ).toMatchFileSnapshot(snapshot("public-blank"));
  });

  it("editor document is unchanged, editable and read-only", async () => {
    await expect(editorHtml(false)).toMatchFileSnapshot(snapshot("editor"));
    await expect(editorHtml(true)).toMatchFileSnapshot(snapshot("editor-read-only"));
  });

  it("review document is unchanged, for a reviewer who may remark and for one who may not", async () => {
    const props = {
      report,
      fallbackTitle: "钢城街道2024年政府信息公开工作年度报告",
      cellMarks: { "t3:newReceived:natural": ["error", "remark"] } as Record<string, CellMark[]>,
      openRemarks: { "section:problems": 2 },
    };
    await expect(
      renderToStaticMarkup(<ReviewDocument {...props} remarkHref={(a) => `?anchor=${a}#remark-form`} />),
    ).toMatchFileSnapshot(snapshot("review"));
    await expect(renderToStaticMarkup(<ReviewDocument {...props} />)).toMatchFileSnapshot(
      snapshot("review-read-only"),
    );
    const blank = { ...props, report: emptyReport("钢城街道", 2024) };
    await expect(renderToStaticMarkup(<ReviewDocument {...blank} />)).toMatchFileSnapshot(
      snapshot("review-blank"),
    );
  });
});
