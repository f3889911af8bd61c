// What a rule sees besides the report: the caller's context, resolved once (kind inferred from the name
// when not given, deadline defaulted, last year's report kept only when it really is last year's).
import {
  inferBodyKind,
  orgKindOf,
  inferRuleMakingPower,
  ruleMakingPowerOfKind,
  type BodyKind,
  type RuleMakingPower,
} from "../orgs/body-kind";
import { defaultDeadline } from "../calendar/deadline";
import type { Explanation } from "../explanations";
import type { Finding, Severity } from "../findings";
import type { Report } from "../report-schema";

export type CheckStage = "draft" | "submit";

export interface BodyProfile {
  kind?: BodyKind | null;
  hasRuleMakingPower?: RuleMakingPower | null;
  /** ISO date; defaults to 1月31日 of the next year (3月31日 for a government's own report). */
  deadline?: string | null;
}

export interface CheckContext {
  /** Last year's report of the same body; cross-year rules are not assessable without it. */
  previous?: Report | null;
  profile?: BodyProfile;
  /** ISO date or date-time of publication; falls back to meta.publishedDate. */
  publishedAt?: string | null;
  /** "submit" also reports blank cells and empty required text; the editor checks a "draft". */
  stage?: CheckStage;
  /**
   * Findings an importer recorded about the source as printed (literal headings, stale table labels,
   * "/" read as 0) that the stored document cannot show; merged into the result without duplicates.
   */
  importFindings?: readonly Finding[] | null;
  /** The author's explanations; TXT-CARRIED-OVER leaves out the sentences they confirmed. */
  explanations?: readonly Explanation[] | null;
}

export interface RuleContext {
  previous: Report | null;
  kind: BodyKind | null;
  hasRuleMakingPower: RuleMakingPower;
  deadline: string;
  publishedAt: string | null;
  stage: CheckStage;
  explanations: readonly Explanation[];
}

/** A rule's raw result; checkReport stamps the rule id and the rule's default severity. */
export type RuleHit = Omit<Finding, "ruleId" | "severity"> & { severity?: Severity };

export interface Rule {
  id: string;
  severity: Severity;
  /** Chinese, shown in findings panels and exports. */
  title: string;
  check: (report: Report, context: RuleContext) => RuleHit[];
}

export function resolveContext(report: Report, context: CheckContext): RuleContext {
  const profile = context.profile ?? {};
  const kind = profile.kind ?? inferBodyKind(report.meta.bodyName);
  return {
    previous: lastYearsReport(report, context.previous ?? null),
    kind,
    hasRuleMakingPower: resolvePower(report.meta.bodyName, profile),
    deadline: profile.deadline ?? defaultDeadline(orgKindOf(kind), report.meta.year),
    publishedAt: context.publishedAt ?? report.meta.publishedDate ?? null,
    stage: context.stage ?? "draft",
    explanations: context.explanations ?? [],
  };
}

function resolvePower(bodyName: string, profile: BodyProfile): RuleMakingPower {
  if (profile.hasRuleMakingPower !== undefined && profile.hasRuleMakingPower !== null) {
    return profile.hasRuleMakingPower;
  }
  if (profile.kind) return ruleMakingPowerOfKind(profile.kind);
  return inferRuleMakingPower(bodyName);
}

/** Comparing with a report of another year would flag correct figures, so such a report is ignored. */
function lastYearsReport(report: Report, previous: Report | null): Report | null {
  return previous && previous.meta.year === report.meta.year - 1 ? previous : null;
}
