import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeChanges,
  diffParagraphs,
  diffReports,
  diffTables,
  hasChanges,
  type ParagraphChange,
} from "./diff";
import { filledReport, t2, t3, withCells } from "@/tests/builders/report-builders";

describe("diffParagraphs", () => {
  it.each<[string, string[], string[], ParagraphChange[]]>([
    [
      "nothing changed",
      ["a", "b"],
      ["a", "b"],
      [
        { kind: "same", text: "a" },
        { kind: "same", text: "b" },
      ],
    ],
    [
      "a paragraph added at the end",
      ["a"],
      ["a", "b"],
      [
        { kind: "same", text: "a" },
        { kind: "added", after: "b" },
      ],
    ],
    [
      "a paragraph removed at the start",
      ["a", "b"],
      ["b"],
      [
        { kind: "removed", before: "a" },
        { kind: "same", text: "b" },
      ],
    ],
    [
      "a paragraph rewritten in the middle",
      ["a", "b", "c"],
      ["a", "B", "c"],
      [
        { kind: "same", text: "a" },
        { kind: "changed", before: "b", after: "B" },
        { kind: "same", text: "c" },
      ],
    ],
    ["everything new", [], ["x"], [{ kind: "added", after: "x" }]],
    ["everything gone", ["x"], [], [{ kind: "removed", before: "x" }]],
  ])("%s", (_name, before, after, expected) => {
    expect(diffParagraphs(before, after)).toEqual(expected);
  });

  it("always rebuilds both sides from the changes (property)", () => {
    const paragraphs = fc.array(fc.constantFrom("甲", "乙", "丙", "丁"), { maxLength: 8 });
    fc.assert(
      fc.property(paragraphs, paragraphs, (before, after) => {
        const changes = diffParagraphs(before, after);
        const left = changes.flatMap((c) => (c.kind === "same" ? [c.text] : "before" in c ? [c.before] : []));
        const right = changes.flatMap((c) => (c.kind === "same" ? [c.text] : "after" in c ? [c.after] : []));
        expect(left).toEqual(before);
        expect(right).toEqual(after);
      }),
    );
  });
});

describe("diffTables", () => {
  it("lists exactly the cells whose values differ, telling a blank from a 0", () => {
    const before = filledReport().tables;
    const after = withCells(before, [
      [t3("newReceived", "natural"), 5],
      [t2("fees", "amount"), "1.5"],
      [t3("carriedOver", "natural"), null],
    ]);
    expect(diffTables(before, after)).toEqual([
      { ref: t2("fees", "amount"), before: "0", after: "1.5" },
      { ref: t3("newReceived", "natural"), before: 0, after: 5 },
      { ref: t3("carriedOver", "natural"), before: 0, after: null },
    ]);
  });

  it("treats the same fee written as the same string as unchanged", () => {
    const tables = filledReport().tables;
    expect(diffTables(tables, structuredClone(tables))).toEqual([]);
  });
});

describe("diffReports and describeChanges", () => {
  it("finds no change between a report and its copy", () => {
    const report = filledReport();
    expect(hasChanges(diffReports(report, structuredClone(report)))).toBe(false);
  });

  it("names changed fields, paragraphs by section and cells the way the format does", () => {
    const before = filledReport();
    const after = filledReport({
      meta: { title: "新标题" },
      text: {
        onRequest: ["改写后的依申请公开段落。"],
        other: ["我街道暂无其他需要报告的事项。", "补充一段。"],
      },
      cells: [[t3("newReceived", "natural"), 3]],
    });
    const lines = describeChanges(diffReports(before, after));
    expect(lines).toContain(`标题：由“${before.meta.title}”改为“新标题”`);
    expect(lines).toContain("一、总体情况（二）依申请公开：修改1段");
    expect(lines).toContain("六、其他需要报告的事项：新增1段");
    expect(lines).toContain("表三“一、本年新收政府信息公开申请数量”行“自然人”列：由0改为3");
  });
});
