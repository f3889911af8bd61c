// A figure stated in the prose and the table figures it may stand for. The text rules are conservative:
// a claim is reported only when it matches none of its readings, and only when some reading is known.
import { CN_NUMERAL_CHARS, NUMBER_SOURCE, parseNumberToken } from "../chinese-numbers";
import type { CellRef } from "../format";
import type { RuleHit } from "./context";
import { spanOf, type Paragraph } from "./text-scan";

/** One reading of a claim: a table figure (null when a cell it needs is blank). */
export interface TableFigure {
  label: string;
  value: number | null;
  cells: CellRef[];
}

export interface TextClaim {
  paragraph: Paragraph;
  start: number;
  end: number;
  value: number;
  figures: TableFigure[];
}

/** Pattern source for one number; see chinese-numbers.ts. */
export const NUM = NUMBER_SOURCE;
/** Filler between a label and its number: no digits or numerals, and no clause or sentence boundary. */
export const GAP = `[^,。;!?:\\n\\d${CN_NUMERAL_CHARS}]`;

export function claimMismatch(claim: TextClaim): RuleHit[] {
  const known = claim.figures.filter((f): f is TableFigure & { value: number } => f.value !== null);
  const [first] = known;
  if (!first || known.some((f) => f.value === claim.value)) return [];
  const textSpan = spanOf(claim.paragraph, claim.start, claim.end);
  const readings = known.map((f) => `${f.label}（${f.value}）`).join("或");
  return [
    {
      message: `正文“${textSpan.quote}”与${readings}不一致`,
      textSpan,
      cells: known.flatMap((f) => f.cells),
      expected: first.value,
      actual: claim.value,
    },
  ];
}

/** Runs a global pattern over each paragraph's normalised text and collects the claims it yields. */
export function scanClaims(
  paragraphs: readonly Paragraph[],
  pattern: RegExp,
  toClaim: (match: RegExpExecArray, paragraph: Paragraph) => TextClaim | null,
): TextClaim[] {
  return paragraphs.flatMap((p) =>
    [...p.normal.matchAll(pattern)].flatMap((m) => {
      const claim = toClaim(m, p);
      return claim ? [claim] : [];
    }),
  );
}

/** The number a capture group holds, or null when it is not a whole count. */
export function countOf(raw: string | undefined): number | null {
  return raw === undefined ? null : parseNumberToken(raw);
}

/** A claim spanning the whole match; null when the number is not a whole count. */
export function claimAt(
  match: RegExpExecArray,
  paragraph: Paragraph,
  value: number | null,
  figures: TableFigure[],
): TextClaim | null {
  if (value === null) return null;
  return { paragraph, start: match.index, end: match.index + match[0].length, value, figures };
}
