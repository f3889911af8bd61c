// The editor's side of warning explanations (the stored form and the submit gate are in explanations.ts): whether
// a warning is explained for the values it flags now, was explained for other values (asked again, with the old
// text offered), or not at all; and writing or clearing the author's explanation of one warning.
import { explanationKey, findExplanation, type Explanation } from "./explanations";
import type { Finding } from "./findings";
import type { Tables } from "./report-schema";

export type ExplanationStatus = "explained" | "stale" | "missing";

export interface WarningExplanation {
  status: ExplanationStatus;
  /** The explanation that counts now, or for "stale" the one written for earlier values. */
  explanation?: Explanation;
}

const sameCells = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((c, i) => c === b[i]);

/** Explanations of the same warning (rule and cells), whatever values they were written for. */
function ofSameWarning(
  explanations: readonly Explanation[],
  finding: Finding,
  tables: Tables,
): Explanation[] {
  const key = explanationKey(finding, tables);
  return explanations.filter(
    (e) =>
      e.ruleId === key.ruleId &&
      sameCells(e.cells, key.cells) &&
      (key.cells.length > 0 || sameCells(e.values.map(String), key.values.map(String))),
  );
}

export function explanationStatus(
  finding: Finding,
  explanations: readonly Explanation[],
  tables: Tables,
): WarningExplanation {
  const current = findExplanation(finding, explanations, tables);
  if (current) return { status: "explained", explanation: current };
  const earlier = ofSameWarning(explanations, finding, tables).at(-1);
  return earlier ? { status: "stale", explanation: earlier } : { status: "missing" };
}

/**
 * The explanations with this warning's explanation set to `text` for the values it flags now (an empty text
 * removes it). Explanations of the same warning for other values are replaced: only one is kept per warning.
 */
export function setExplanation(
  explanations: readonly Explanation[],
  finding: Finding,
  tables: Tables,
  text: string,
  author: { by: string; at: string },
): Explanation[] {
  const stale = new Set(ofSameWarning(explanations, finding, tables));
  const kept = explanations.filter((e) => !stale.has(e));
  if (text.trim() === "") return kept;
  return [...kept, { ...explanationKey(finding, tables), text: text.trim(), ...author }];
}

/** Warnings that still need an explanation before submission. */
export function countUnexplained(
  findings: readonly Finding[],
  explanations: readonly Explanation[],
  tables: Tables,
): number {
  return findings.filter((f) => f.severity === "warning" && !findExplanation(f, explanations, tables)).length;
}
