// Rendering an imported report keeps what its author wrote — their headings, their sub-items, their blanks —
// so that re-checking the rendered copy gives the same verdict as checking the source (issue 11 §9). The
// sources are generated from a real-layout fixture by varying exactly what real copies vary.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFixture } from "@/tests/fixtures/reports/read-fixture";
import type { Finding } from "../findings";
import { importHtml } from "../import/html";
import type { ImportResult } from "../import/import-log";
import { importText } from "../import/text";
import { checkReport } from "../rules/check-report";
import { renderHtml } from "./html";
import { renderText } from "./text";

const SOURCE = readFixture("linjiang-market-2024-web.txt");

const key = (f: Finding) => `${f.ruleId}|${f.severity}|${f.message}`;
const verdict = (result: ImportResult) =>
  checkReport(result.report, { importFindings: result.findings }).map(key).sort();

/** How each sub-item heading of 一 may be printed: as the format words it, run into its text, other words, or not at all. */
const ITEM_FORMS: Record<string, ((text: string) => string)[]> = {
  "（一）主动公开": [(t) => `（一）主动公开\n${t}`, (t) => `（一）主动公开情况。${t}`, (t) => t],
  "（二）依申请公开": [(t) => `（二）依申请公开\n${t}`, (t) => `（二）依申请公开情况：${t}`, () => ""],
  "（三）政府信息管理": [
    (t) => `（三）政府信息管理\n${t}`,
    (t) => `（三）政府信息资源规范化、标准化管理情况。${t}`,
    () => "",
  ],
  "（四）政府信息公开平台建设": [
    (t) => `（四）政府信息公开平台建设\n${t}`,
    (t) => `（四）平台建设情况\n${t}`,
  ],
  "（五）监督保障": [(t) => `（五）监督保障\n${t}`, (t) => `（五）政府信息公开监督保障情况。${t}`, () => ""],
};
const SECTION5 = [
  "五、存在的主要问题及改进情况",
  "五、存在的主要问题及整改措施",
  "五、政府信息公开工作存在的主要问题及改进情况",
];
/** Value lines of table 三 (label then seven figures). */
const T3_VALUE_LINE =
  /^(.*?[^\d |][^|]*?) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$/;

interface Variant {
  items: number[];
  section5: number;
  /** [line index among table-三 value lines, column, blank (true) or +1 (false)] */
  edits: [number, number, boolean][];
  /** Print zeros of table 三 as 「/」 (published copies do). */
  slashes: boolean;
  headingless: boolean;
}

function source(v: Variant): string {
  let text = SOURCE;
  Object.keys(ITEM_FORMS).forEach((heading, i) => {
    const m = new RegExp(`${heading}\\n([^\\n]*)\\n`).exec(text)!;
    const form = ITEM_FORMS[heading]![v.items[i]! % ITEM_FORMS[heading]!.length]!;
    const printed = form(m[1]!);
    text = text.replace(m[0], printed === "" ? "" : `${printed}\n`);
  });
  text = text.replace(SECTION5[0]!, SECTION5[v.section5]!);
  // Table 二 printed without its section heading (it happens when a page is copied).
  if (v.headingless) text = text.replace("二、主动公开政府信息情况\n", "");
  const lines = text.split("\n");
  const valueLines = lines.map((l, i) => (T3_VALUE_LINE.test(l) ? i : -1)).filter((i) => i >= 0);
  const parsed = new Map(valueLines.map((at) => [at, T3_VALUE_LINE.exec(lines[at]!)!.slice(1, 9)]));
  for (const [which, col, blank] of v.edits) {
    const row = parsed.get(valueLines[which % valueLines.length]!)!;
    row[col + 1] = blank ? "" : String(Number(row[col + 1]) + 1);
  }
  if (v.slashes)
    for (const row of parsed.values()) row.forEach((x, i) => i > 0 && x === "0" && (row[i] = "/"));
  // Printed as the web copy prints a row: 「label | 1 | | 3 |」, a blank cell an empty one.
  for (const [at, [label, ...values]] of parsed) {
    lines[at] = `${label} |${values.map((x) => (x === "" ? " |" : ` ${x} |`)).join("")}`;
  }
  return lines.join("\n");
}

const variant: fc.Arbitrary<Variant> = fc.record({
  items: fc.array(fc.nat(2), { minLength: 5, maxLength: 5 }),
  section5: fc.nat(2),
  edits: fc.array(fc.tuple(fc.nat(24), fc.nat(6), fc.boolean()), { maxLength: 4 }),
  headingless: fc.boolean(),
  slashes: fc.boolean(),
});

describe("a rendered imported report re-checks as its source", () => {
  it("text: check(import(renderText(import(s)))) = check(import(s))", () => {
    fc.assert(
      fc.property(variant, (v) => {
        const imported = importText(source(v));
        const again = importText(renderText(imported.report));
        expect(verdict(again)).toEqual(verdict(imported));
        expect(again.report.layout).toEqual(imported.report.layout);
      }),
      { numRuns: 60 },
    );
  });

  it("HTML: check(import(renderHtml(import(s)))) = check(import(s))", () => {
    fc.assert(
      fc.property(variant, (v) => {
        const imported = importText(source(v));
        expect(verdict(importHtml(renderHtml(imported.report)))).toEqual(verdict(imported));
      }),
      { numRuns: 30 },
    );
  });

  it("keeps the author's headings and adds no standard sub-heading", () => {
    const imported = importText(
      source({ items: [1, 2, 1, 1, 1], section5: 1, edits: [], headingless: false, slashes: true }),
    );
    const rendered = renderText(imported.report);
    expect(rendered).toContain("（一）主动公开情况\n");
    expect(rendered).toContain("五、存在的主要问题及整改措施\n一是部分栏目");
    expect(rendered).not.toContain("（二）依申请公开");
    expect(rendered).not.toContain("（三）政府信息管理");
    expect(rendered).toContain("1.属于国家秘密 | / | / | / | / | / | / | / |");
    expect(verdict(importText(rendered))).toEqual(verdict(imported));
    expect(verdict(imported).filter((k) => k.startsWith("DOC-SECTIONS|error"))).toEqual([
      "DOC-SECTIONS|error|“一、总体情况”缺少小标题“（二）依申请公开”。",
    ]);
  });

  it("keeps blank cells blank", () => {
    const imported = importText(
      source({
        items: [0, 0, 0, 0, 0],
        section5: 0,
        edits: [[0, 6, true]],
        headingless: false,
        slashes: false,
      }),
    );
    expect(imported.report.tables.t3.newReceived!.total).toBeNull();
    const again = importText(renderText(imported.report));
    expect(again.report.tables.t3.newReceived!.total).toBeNull();
  });
});
