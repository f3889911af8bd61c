import { describe, expect, it } from "vitest";
import { emptyReport } from "./report-schema";
import { getRun, paragraphsFromText, placeLabel, setRun, spanInText, TEXT_PLACES } from "./text-runs";

describe("the report's prose by place", () => {
  it("reads and writes every place, sub-items of section 一 included", () => {
    let report = emptyReport("钢城街道", 2025);
    TEXT_PLACES.forEach((place, i) => (report = setRun(report, place, [`第${i}段`])));
    expect(TEXT_PLACES.map((place) => getRun(report, place)[0])).toEqual(
      TEXT_PLACES.map((_, i) => `第${i}段`),
    );
    expect(report.sections.overview.items[1]!.paragraphs).toEqual(["第3段"]);
    expect(placeLabel({ section: "overview", item: "onRequest" })).toBe("一、总体情况（二）依申请公开");
  });

  it("turns a textarea into paragraphs: one per line, indentation and blank lines dropped", () => {
    expect(paragraphsFromText("　　第一段。\n\n  第二段。  \n")).toEqual(["第一段。", "第二段。"]);
  });

  it("finds a stored paragraph's span in the textarea, past blank lines and indentation", () => {
    const text = "第一段。\n\n　　2023年我镇收到申请0件。";
    const at = spanInText(text, 1, 0, 5);
    expect(at && text.slice(at.start, at.end)).toBe("2023年");
    expect(spanInText(text, 5, 0, 1)).toBeNull();
  });
});
