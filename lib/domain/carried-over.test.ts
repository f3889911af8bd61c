import { describe, expect, it } from "vitest";
import { confirmationOf, findCarriedSentences } from "./carried-over";
import { reportFromLastYear } from "./prefill";
import { checkReport } from "./rules/check-report";
import { filledReport, SEED_BODY, SEED_CONTACT, t3 } from "@/tests/builders/report-builders";

const lastYear = filledReport({ year: 2024 });
const body = { name: SEED_BODY, contact: SEED_CONTACT, portalUrl: "" };
const fromLastYear = () => reportFromLastYear(lastYear, body, 2025);
const carried = (findings: ReturnType<typeof checkReport>) =>
  findings.filter((f) => f.ruleId === "TXT-CARRIED-OVER");

describe("findCarriedSentences", () => {
  it("finds last year's sentence whose year was moved on but whose 83条 was not", () => {
    const found = findCarriedSentences(fromLastYear(), lastYear);
    const active = found.find((s) => s.place.item === "active");
    expect(active?.text).toBe(
      "2025年，钢城街道通过柳北区政府门户网站“镇街道信息公开”“柳北动态”栏目主动公开政府信息83条。",
    );
    expect(active?.isVerbatim).toBe(true);
    expect(active!.text.slice(active!.figures[0]!.start, active!.figures[0]!.end)).toBe("83条");
  });

  it("lists verbatim sentences without figures too, but never the standard contact sentence", () => {
    const found = findCarriedSentences(fromLastYear(), lastYear);
    expect(found.some((s) => s.place.item === "management" && s.figures.length === 0)).toBe(true);
    const preamble = found.filter((s) => s.place.section === "meta").map((s) => s.text);
    expect(preamble.some((t) => t.startsWith("本报告根据"))).toBe(true);
    expect(preamble.some((t) => t.startsWith("如对本报告有任何疑问"))).toBe(false);
  });

  it("leaves alone a figure this year's tables hold, or a zero, even in a sentence repeated word for word", () => {
    const say = (year: number, text: string) => filledReport({ year, text: { active: [text] } });
    const last = say(2024, "本年度公开说明会议0场，主动公开政府信息83条，其中惠民政策解读12篇。");
    const same = say(2025, "本年度公开说明会议0场，主动公开政府信息90条，其中惠民政策解读15篇。");
    const active = (r: typeof last) => findCarriedSentences(r, last).filter((s) => s.place.item === "active");
    expect(active(same)).toEqual([]);
    // 12篇 is held by no table of the 2025 report: still flagged when it repeats.
    const kept = say(2025, "本年度公开说明会议0场，主动公开政府信息90条，其中惠民政策解读12篇。");
    const found = active(kept);
    expect(
      found.map((s) =>
        kept.sections.overview.items[0]!.paragraphs[0]!.slice(s.figures[0]!.start, s.figures[0]!.end),
      ),
    ).toEqual(["12篇"]);
  });

  it("leaves alone a change since last year that the two years' tables vouch for, even when last year's was the same", () => {
    const received = (year: number, natural: number, change: number) =>
      filledReport({
        year,
        cells: [[t3("newReceived", "natural"), natural]],
        text: { onRequest: [`本年度共收到政府信息公开申请${natural}件，比上年增加${change}件。`] },
      });
    const onRequest = (r: ReturnType<typeof filledReport>, last: ReturnType<typeof filledReport>) =>
      findCarriedSentences(r, last).filter((s) => s.place.item === "onRequest");
    const last = received(2024, 5, 2);
    // 7 − 5 = 2: this year's change is the tables' own, although last year's sentence also said 增加2件.
    expect(onRequest(received(2025, 7, 2), last)).toEqual([]);
    // 9 − 5 = 4: a 增加2件 no table vouches for is still last year's figure.
    expect(onRequest(received(2025, 9, 2), last).map((s) => s.figures.length)).toEqual([1]);
  });

  it("leaves alone the figures the standard 依申请公开 sentence computes from the tables (sums of columns)", () => {
    const sentence = "申请人为法人或其他组织的9件。";
    const legal = (year: number, commercial: number, research: number) =>
      filledReport({
        year,
        cells: [
          [t3("newReceived", "natural"), 2],
          [t3("newReceived", "commercial"), commercial],
          [t3("newReceived", "research"), research],
        ],
        recompute: true,
        text: { onRequest: [sentence] },
      });
    const onRequest = (r: ReturnType<typeof filledReport>, last: ReturnType<typeof filledReport>) =>
      findCarriedSentences(r, last).filter((s) => s.place.item === "onRequest");
    const last = legal(2024, 4, 5);
    // 9 = 商业企业 3 + 科研机构 6 this year: no single cell holds it, but the tables vouch for it.
    expect(onRequest(legal(2025, 3, 6), last)).toEqual([]);
    // 2 + 6 = 8: the 9 is last year's.
    expect(onRequest(legal(2025, 2, 6), last)).toHaveLength(1);
  });

  it("keeps flagging last year's figure after other words of the sentence were edited", () => {
    const report = filledReport({
      year: 2025,
      text: {
        active: ["2025年，钢城街道通过门户网站和微信公众号主动公开政府信息83条，内容涵盖财政预决算。"],
      },
    });
    const active = findCarriedSentences(report, lastYear).find((s) => s.place.item === "active");
    expect(active?.isVerbatim).toBe(false);
    expect(active?.figures).toHaveLength(1);
  });

  it("forgets the sentence once its figure is this year's", () => {
    const report = filledReport({
      year: 2025,
      text: {
        active: [
          "2025年，钢城街道通过柳北区政府门户网站“镇街道信息公开”“柳北动态”栏目主动公开政府信息91条。",
        ],
      },
    });
    expect(findCarriedSentences(report, lastYear).some((s) => s.place.item === "active")).toBe(false);
  });

  it("does not take years, dates, article numbers or the format's citation for figures", () => {
    const text =
      "根据国办公开办函〔2021〕30号，自2024年1月1日起至12月31日止，依照第十三条办理，电话0772-2512345。";
    const report = filledReport({ year: 2025, text: { other: [text.replace("2024", "2025")] } });
    const previous = filledReport({ year: 2024, text: { other: [text] } });
    const other = findCarriedSentences(report, previous).filter((s) => s.place.section === "other");
    expect(other.map((s) => s.figures.length)).toEqual([0]);
  });

  it("says nothing without last year's report, or with a later one", () => {
    expect(findCarriedSentences(fromLastYear(), null)).toEqual([]);
    expect(findCarriedSentences(lastYear, fromLastYear())).toEqual([]);
  });
});

describe("TXT-CARRIED-OVER", () => {
  it("warns about each unconfirmed sentence carrying last year's figures, not about plain verbatim ones", () => {
    const findings = carried(checkReport(fromLastYear(), { previous: lastYear }));
    expect(findings.map((f) => f.textSpan?.item)).toEqual(["active", "supervision"]);
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
    expect(findings[0]!.message).toMatch(/^沿用上年表述，请核实：“2025年，钢城街道.*83条。”$/);
  });

  it("is silent about a sentence the author confirmed, until the sentence changes", () => {
    const report = fromLastYear();
    const [first] = findCarriedSentences(report, lastYear).filter((s) => s.figures.length > 0);
    const explanations = [confirmationOf(first!, "u1", "2026-01-05T08:00:00.000Z")];
    const findings = carried(checkReport(report, { previous: lastYear, explanations }));
    expect(findings.map((f) => f.textSpan?.item)).toEqual(["supervision"]);
  });
});
