// The editor's 检查结果 and the review screen's 校验结果 as static HTML, with and without findings, pinned in
// files: the two screens share one FindingsPanel and must keep their markup.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EditorFindingsPanel as EditorFindings } from "@/components/editor/findings-panel";
import { ReviewFindingsPanel as ReviewFindings } from "@/components/workflow/findings-panel";
import type { Finding } from "@/lib/domain/findings";
import { gangcheng2024Report } from "@/tests/builders/gangcheng-2024-fixture";

const snapshot = (name: string) => `./__snapshots__/${name}.html`;
const noop = () => {};
const findings: Finding[] = [
  {
    ruleId: "T3-R1",
    severity: "warning",
    message: "警告一",
    cells: [{ table: "t3", row: "newReceived", col: "natural" }],
  },
  {
    ruleId: "T3-R2",
    severity: "error",
    message: "错误一",
    cells: [{ table: "t3", row: "newReceived", col: "total" }],
  },
  { ruleId: "META-TITLE", severity: "error", message: "错误二", field: "title" },
];

function editorHtml(list: Finding[]) {
  return renderToStaticMarkup(
    <EditorFindings
      findings={list}
      explanations={[]}
      tables={gangcheng2024Report().tables}
      stage="draft"
      readOnly={false}
      onStageChange={noop}
      onLocate={noop}
      onExplain={noop}
    />,
  );
}

describe("the findings panels' markup", () => {
  it("the editor's 检查结果 is unchanged, with findings and without", async () => {
    await expect(editorHtml(findings)).toMatchFileSnapshot(snapshot("editor-findings"));
    await expect(editorHtml([])).toMatchFileSnapshot(snapshot("editor-findings-none"));
  });

  it("the review's 校验结果 is unchanged, with findings and without", async () => {
    const explained = findings.map((f, i) => ({
      ...f,
      explanation: i === 0 ? { text: "本年度新设窗口", at: "2025-01-10T02:00:00.000Z" } : null,
    }));
    const missing = [{ ...findings[0]!, explanation: null }];
    await expect(renderToStaticMarkup(<ReviewFindings findings={explained} />)).toMatchFileSnapshot(
      snapshot("review-findings"),
    );
    await expect(renderToStaticMarkup(<ReviewFindings findings={missing} />)).toMatchFileSnapshot(
      snapshot("review-findings-missing"),
    );
    await expect(renderToStaticMarkup(<ReviewFindings findings={[]} />)).toMatchFileSnapshot(
      snapshot("review-findings-none"),
    );
  });
});
