import { describe, expect, it } from "vitest";
import { feeNarrative, onRequestNarrative, withFeeParagraph } from "./narrative";
import { emptyReport, type Report } from "./report-schema";
import { checkReport } from "./rules/check-report";
import { filledReport, t3 } from "@/tests/builders/report-builders";
import { setRun } from "./text-runs";

const APPLICATION_RULES = ["TXT-APPLICATIONS", "X-YOY-CLAIM", "TXT-PART-WHOLE", "TXT-PERCENT", "DOC-YEAR"];
const TEXT_RULES = [...APPLICATION_RULES, "TXT-FEE-SECTION6"];

/** 10 new + 2 carried = 9 results + 3 carried forward, spread over columns and groups. */
function busyReport(year = 2025): Report {
  return filledReport({
    year,
    recompute: true,
    cells: [
      [t3("newReceived", "natural"), 8],
      [t3("newReceived", "commercial"), 2],
      [t3("carriedOver", "natural"), 2],
      [t3("disclosed", "natural"), 5],
      [t3("partial", "commercial"), 1],
      [t3("withheld.thirdParty", "natural"), 1],
      [t3("unable.notHeld", "natural"), 1],
      [t3("otherHandling.unpaidFee", "commercial"), 1],
      [t3("carriedForward", "natural"), 3],
    ],
  });
}

const withOnRequest = (report: Report, paragraphs: string[]) =>
  setRun(report, { section: "overview", item: "onRequest" }, paragraphs);

function textFindings(report: Report, previous: Report | null = null, rules = TEXT_RULES) {
  return checkReport(report, { previous }).filter((f) => rules.includes(f.ruleId));
}

describe("the standard sentences of 一（二） from table 三", () => {
  it("states received, carried over, every result group and carried forward, and the rules agree", () => {
    const report = busyReport();
    const narrative = onRequestNarrative(report);
    expect(narrative.ok).toBe(true);
    if (!narrative.ok) return;
    expect(narrative.paragraphs[0]).toContain("本年度共收到政府信息公开申请10件");
    expect(narrative.paragraphs[0]).toContain("上年结转政府信息公开申请2件");
    expect(narrative.paragraphs[0]).toContain(
      "予以公开5件，部分公开1件，不予公开1件，无法提供1件，不予处理0件，其他处理1件",
    );
    expect(narrative.paragraphs[0]).toContain("结转下年度继续办理3件");
    expect(textFindings(withOnRequest(report, narrative.paragraphs), null, APPLICATION_RULES)).toEqual([]);
  });

  it("compares with last year's received count and X-YOY-CLAIM agrees", () => {
    const previous = filledReport({
      year: 2024,
      recompute: true,
      cells: [
        [t3("newReceived", "natural"), 7],
        [t3("disclosed", "natural"), 7],
      ],
    });
    const report = busyReport();
    const narrative = onRequestNarrative(report, previous);
    if (!narrative.ok) throw new Error(narrative.reason);
    expect(narrative.paragraphs[0]).toContain("比上年增加3件");
    expect(textFindings(withOnRequest(report, narrative.paragraphs), previous, APPLICATION_RULES)).toEqual(
      [],
    );
  });

  it("says nothing was received when the table says so", () => {
    const narrative = onRequestNarrative(filledReport({ year: 2025 }));
    expect(narrative).toEqual({
      ok: true,
      paragraphs: ["2025年度，本机关未收到政府信息公开申请，无上年结转的政府信息公开申请。"],
    });
  });

  it("refuses while table 三 has blanks", () => {
    expect(onRequestNarrative(emptyReport("钢城街道", 2025)).ok).toBe(false);
  });
});

describe("the 信息处理费 paragraph of section 六", () => {
  it("says no fee was charged, which satisfies TXT-FEE-SECTION6", () => {
    const report = filledReport({ year: 2025 });
    expect(feeNarrative(report, { notices: 0, amountYuan: "0" })).toBe(
      "2025年度，本机关未发出信息处理费收费通知，未收取信息处理费。",
    );
  });

  it("reports notices, the amount and the applications dropped for not paying", () => {
    const report = busyReport();
    const sentence = feeNarrative(report, { notices: 2, amountYuan: "150.5" });
    expect(sentence).toBe(
      "2025年度，本机关依据《政府信息公开信息处理费管理办法》发出收费通知2件，收取信息处理费150.5元，因申请人逾期未缴纳费用不再处理的申请1件。",
    );
    const other = withFeeParagraph(report.sections.other.paragraphs, sentence);
    const narrative = onRequestNarrative(report);
    if (!narrative.ok) throw new Error(narrative.reason);
    const written = setRun(withOnRequest(report, narrative.paragraphs), { section: "other" }, other);
    expect(textFindings(written)).toEqual([]);
  });

  it("replaces an earlier fee paragraph instead of adding a second one", () => {
    expect(withFeeParagraph(["旧的信息处理费说明。", "其他事项。"], "新说明。")).toEqual([
      "新说明。",
      "其他事项。",
    ]);
    expect(withFeeParagraph(["其他事项。"], "新说明。")).toEqual(["新说明。", "其他事项。"]);
  });
});
