import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BODY_KINDS, type BodyKind } from "../orgs/body-kind";
import { gangcheng2024Report } from "@/tests/builders/gangcheng-2024-fixture";
import { generateBodies, generateReportSeries, generateReports, type GeneratorBody } from "./report";
import { parseReport, type Report } from "../report-schema";
import { confirmationOf, findCarriedSentences } from "../carried-over";
import { checkReport } from "../rules/check-report";

const NAMES: Record<BodyKind, string> = {
  街道: "柳北区人民政府锦绣街道办事处",
  乡镇: "柳城县沙埔镇人民政府",
  区县部门: "柳州市柳北区教育局",
  市级部门: "柳州市市场监督管理局",
  区县政府: "柳州市柳北区人民政府",
  市政府: "柳州市人民政府",
  开发区: "柳州高新技术产业开发区管理委员会",
};

const bodyOf = (kind: BodyKind, hasRuleMakingPower = false): GeneratorBody => ({
  name: NAMES[kind],
  shortName: NAMES[kind].replace(/^柳州市/, ""),
  kind,
  hasRuleMakingPower,
});

/**
 * Every finding of every report of the series, each checked against the year before as at submission — after the
 * editor has confirmed the sentences that repeat a figure of last year's (the demo seed confirms them the same way;
 * TXT-CARRIED-OVER's own behaviour is tested in carried-over.test.ts).
 */
function findingsOf(series: Report[], body: GeneratorBody) {
  return series.flatMap((report, i) =>
    checkReport(report, {
      previous: series[i - 1] ?? null,
      explanations: findCarriedSentences(report, series[i - 1] ?? null).map((s) =>
        confirmationOf(s, "生成器", "2026-01-01T00:00:00.000Z"),
      ),
      stage: "submit",
      profile: { kind: body.kind, hasRuleMakingPower: body.hasRuleMakingPower ?? false },
      publishedAt: report.meta.signatureDate,
    }).map((f) => `${report.meta.year} ${f.ruleId}: ${f.message}`),
  );
}

const years = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe("generateReportSeries", () => {
  it("gives reports that pass every rule, cross-year rules included, for any seed and kind of body", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(...BODY_KINDS),
        fc.boolean(),
        fc.integer({ min: 2021, max: 2030 }),
        fc.integer({ min: 1, max: 6 }),
        (seed, kind, power, from, count) => {
          const body = bodyOf(kind, kind === "市政府" && power);
          const series = generateReportSeries({ seed, body, years: years(from, count) });
          expect(series.map((r) => parseReport(r).meta.year)).toEqual(years(from, count));
          expect(findingsOf(series, body)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("is deterministic in the seed and differs between seeds", () => {
    const body = bodyOf("街道");
    const a = generateReportSeries({ seed: 7, body, years: [2021, 2022] });
    expect(generateReportSeries({ seed: 7, body, years: [2021, 2022] })).toEqual(a);
    expect(generateReportSeries({ seed: 8, body, years: [2021, 2022] })).not.toEqual(a);
  });

  it("chains across years: 上年结转 is last year's 结转下年度, 现行有效件数 carries on", () => {
    const series = generateReportSeries({ seed: 3, body: bodyOf("区县部门"), years: years(2021, 5) });
    for (let i = 1; i < series.length; i++) {
      const [last, now] = [series[i - 1]!.tables, series[i]!.tables];
      expect(now.t3.carriedOver).toEqual(last.t3.carriedForward);
      const docs = now.t2.normativeDocs;
      expect(docs.inForce).toBe(last.t2.normativeDocs.inForce! + docs.issued! - docs.repealed!);
    }
  });

  it("fills a 街道's tables with plausible non-zero figures over five years", () => {
    const series = generateReportSeries({ seed: 1, body: bodyOf("街道"), years: years(2021, 5) });
    const applications = series.map((r) => r.tables.t3.newReceived?.total ?? 0);
    expect(applications.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(Math.max(...applications)).toBeLessThan(30);
    for (const report of series) {
      expect(report.tables.t2.rules).toEqual({ issued: 0, repealed: 0, inForce: 0 });
      expect(report.sections.overview.items[0]!.paragraphs[0]).toMatch(/主动公开政府信息\d{2,}条/);
    }
  });

  it("builds the years around an anchor report so that its neighbours chain to it", () => {
    const anchor = gangcheng2024Report();
    const body: GeneratorBody = { name: anchor.meta.bodyName, shortName: "钢城街道", kind: "街道" };
    for (const seed of [1, 2, 3, 4, 5]) {
      const series = generateReportSeries({ seed, body, years: years(2021, 5), anchor });
      expect(series[3]).toBe(anchor);
      const findings = findingsOf(series, body).filter((f) => !f.startsWith("2024 "));
      expect(findings).toEqual([]);
      // 2024 itself, checked against the generated 2023: no cross-year finding.
      const cross = checkReport(anchor, { previous: series[2]!, profile: { kind: "街道" } });
      expect(cross.filter((f) => f.ruleId.startsWith("X-"))).toEqual([]);
    }
  });

  it("states no figure of last year's as this year's, without any confirmation (the benchmark's data: 0 findings)", () => {
    const findings: string[] = [];
    for (const { body, reports: series } of generateReports({
      seed: 1,
      bodies: generateBodies(120),
      years: years(2021, 5),
    }))
      series.forEach((report, i) =>
        findings.push(
          ...checkReport(report, {
            previous: series[i - 1] ?? null,
            explanations: [],
            stage: "submit",
            profile: { kind: body.kind, hasRuleMakingPower: body.hasRuleMakingPower ?? false },
            publishedAt: report.meta.signatureDate,
          }).map((f) => `${body.name} ${report.meta.year} ${f.ruleId}: ${f.message}`),
        ),
      );
    expect(findings).toEqual([]);
  });

  it("generates 1,000 bodies × 5 years quickly through the bulk path", () => {
    const started = performance.now();
    let reports = 0;
    for (const { reports: series } of generateReports({
      seed: 1,
      bodies: generateBodies(1000),
      years: years(2021, 5),
    }))
      reports += series.length;
    const ms = performance.now() - started;
    expect(reports).toBe(5000);
    expect(ms).toBeLessThan(10_000);
  });
});
