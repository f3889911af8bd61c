// The author's explanations of warnings (Report.explanations) and the submit gate built from them. An explanation
// belongs to a rule and the cells it flagged, and counts only while those cells keep the values it was written
// for; a finding that names no cells is keyed by its message instead (which quotes the figures it is about).
import { z } from "zod";
import { getCell, type CellValue } from "./cells";
import { cellId, type CellRef } from "./format";
import type { Finding } from "./findings";
import type { Report, Tables } from "./report-schema";
import type { SubmitGate } from "./workflow/checks";

const cellValueSchema = z.union([z.number(), z.string(), z.null()]);

export const explanationSchema = z.object({
  ruleId: z.string().min(1).max(60),
  /** Cell ids ("t3:newReceived:natural") of the finding, in the finding's order. */
  cells: z.array(z.string().max(120)).max(300),
  /** The values of those cells when explained; for a finding without cells, its message. */
  values: z.array(cellValueSchema).max(300),
  text: z.string().trim().min(1, "请填写说明").max(2000, "说明不能超过 2000 个字符"),
  /** User id of the author. */
  by: z.string().max(60),
  /** ISO date-time. */
  at: z.string().max(40),
});
export type Explanation = z.infer<typeof explanationSchema>;

/** Stored explanations; anything malformed is dropped rather than trusted. */
export function parseExplanations(raw: unknown): Explanation[] {
  const parsed = z.array(z.unknown()).safeParse(raw);
  if (!parsed.success) return [];
  return parsed.data.flatMap((item) => {
    const one = explanationSchema.safeParse(item);
    return one.success ? [one.data] : [];
  });
}

/** What an explanation of this finding must record to count now. */
export function explanationKey(
  finding: Finding,
  tables: Tables,
): Pick<Explanation, "ruleId" | "cells" | "values"> {
  const cells: CellRef[] = finding.cells ?? [];
  return {
    ruleId: finding.ruleId,
    cells: cells.map(cellId),
    values: cells.length > 0 ? cells.map((ref): CellValue => getCell(tables, ref)) : [finding.message],
  };
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((v, i) => String(v) === String(b[i]) && (v === null) === (b[i] === null));

/** The explanation that still covers this finding, if any. */
export function findExplanation(
  finding: Finding,
  explanations: readonly Explanation[],
  tables: Tables,
): Explanation | undefined {
  const key = explanationKey(finding, tables);
  return explanations.find(
    (e) => e.ruleId === key.ruleId && sameList(e.cells, key.cells) && sameList(e.values, key.values),
  );
}

/** The parts of the report that must have text: section 一's five sub-items, sections 五 and 六. */
export function listEmptySections(report: Report): string[] {
  const hasText = (paragraphs: readonly string[]) => paragraphs.some((p) => p.trim() !== "");
  const items = report.sections.overview.items
    .filter((i) => !hasText(i.paragraphs))
    .map((i) => `一、总体情况${i.title}`);
  const others = [
    hasText(report.sections.problems.paragraphs) ? "" : "五、存在的主要问题及改进情况",
    hasText(report.sections.other.paragraphs) ? "" : "六、其他需要报告的事项",
  ];
  return [...items, ...others.filter(Boolean)];
}

/** The counts the workflow's submit gate judges (see `checkGate`). */
export function submitGate(
  report: Report,
  findings: readonly Finding[],
  explanations: readonly Explanation[],
): SubmitGate {
  const warnings = findings.filter((f) => f.severity === "warning");
  return {
    errorCount: findings.filter((f) => f.severity === "error").length,
    unexplainedWarnings: warnings.filter((f) => !findExplanation(f, explanations, report.tables)).length,
    emptySections: listEmptySections(report).length,
  };
}
