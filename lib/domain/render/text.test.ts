import { describe, expect, it } from "vitest";
import { readSeed } from "@/tests/fixtures/reports/read-fixture";
import { emptyReport } from "../report-schema";
import { TABLE_LAYOUTS } from "../table-layout";
import { importText } from "../import/text";
import { renderTableText, renderText } from "./text";

/** Compares printed forms the way a reader does: full- and half-width alike, spaces inside labels ignored. */
const normalise = (text: string) =>
  text
    .split("\n")
    .map((l) => l.normalize("NFKC").replace(/\s+/g, ""))
    .filter(Boolean);

describe("renderText", () => {
  const seed = readSeed();
  const report = importText(seed).report;

  it("prints the seed's report in the seed's own layout, line for line", () => {
    expect(normalise(renderText(report))).toEqual(normalise(seed));
  });

  it("prints table rows exactly in the seed's `|` style, padding all but the table's last row", () => {
    const rows = renderTableText(TABLE_LAYOUTS.t2, report.tables);
    expect(rows.slice(0, 3)).toEqual([
      "第二十条第（一）项 | |||",
      "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
      "规章 | 0 | 0 | 0 |",
    ]);
    expect(rows.at(-1)).toBe("行政事业性收费 | 0 |");
    const t4 = renderTableText(TABLE_LAYOUTS.t4, report.tables);
    expect(t4[0]).toBe("行政复议 | 行政诉讼 | |||||||||||||");
    expect(t4.at(-1)).toBe(Array(15).fill("0 |").join(" "));
  });

  it("prints blanks as empty cells (never 0) and the fee exactly as stored", () => {
    const draft = emptyReport("某镇人民政府", 2025);
    draft.tables.t2.fees.amount = "5125.10";
    draft.tables.t2.licensing.decisions = 12;
    const rows = renderTableText(TABLE_LAYOUTS.t2, draft.tables);
    expect(rows).toContain("行政许可 | 12 | ||");
    expect(rows).toContain("规章 | |||");
    expect(rows.at(-1)).toBe("行政事业性收费 | 5125.10 |");
  });

  it("prints metadata and title above the preamble, and the 落款 with a Chinese date last", () => {
    const draft = emptyReport("某镇人民政府", 2025);
    Object.assign(draft.meta, {
      indexNumber: "1145/2026-001",
      publisher: "某镇人民政府",
      writtenDate: "2026-01-09",
      preamble: ["本报告依据条例编制。"],
      signatureDate: "2026-01-09",
    });
    const lines = renderText(draft).trimEnd().split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "索引号：1145/2026-001",
      "发布机构：某镇人民政府",
      "成文日期：2026-01-09",
      "某镇人民政府2025年政府信息公开工作年度报告",
      "本报告依据条例编制。",
    ]);
    expect(lines.slice(-2)).toEqual(["某镇人民政府", "2026年1月9日"]);
  });
});
