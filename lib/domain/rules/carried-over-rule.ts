// TXT-CARRIED-OVER: a sentence still carrying last year's figures in last year's words, not confirmed by the
// author. Not assessable without last year's report. Detection: ../carried-over.ts.
import { carriedSpan, findCarriedSentences, isConfirmed } from "../carried-over";
import type { Report } from "../report-schema";
import type { RuleContext, RuleHit } from "./context";

export function checkCarriedOver(report: Report, context: RuleContext): RuleHit[] {
  return findCarriedSentences(report, context.previous)
    .filter((s) => s.figures.length > 0 && !isConfirmed(s, context.explanations))
    .map((s) => ({ message: s.key, textSpan: carriedSpan(s) }));
}
