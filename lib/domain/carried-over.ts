// 「照搬上年」: sentences of this year's prose that are still last year's — word for word (once the years are moved
// on), or keeping a figure last year's report stated in the same words (「主动公开政府信息83条」 again). The editor
// highlights them until they are edited or confirmed one by one; TXT-CARRIED-OVER reports the unconfirmed ones that
// still carry last year's figures. A confirmation is stored as an explanation of rule TXT-CARRIED-OVER whose one
// value is the sentence's key (see docs/decisions/0017), so it is saved, version-checked, merged and stamped like
// any explanation, and lapses as soon as the sentence is edited.
import { listCells } from "./cells";
import { toHalfWidth } from "./chinese-numbers";
import type { Explanation } from "./explanations";
import type { TextSpan } from "./findings";
import { onRequestNarrative } from "./narrative";
import { defaultPreamble } from "./prefill";
import type { Report } from "./report-schema";
import { listParagraphs, splitSentences, type Paragraph } from "./rules/text-scan";
import { placeKey, type TextPlace } from "./text-runs";
import { shiftYears, type Span } from "./year-shift";

export const CARRIED_RULE_ID = "TXT-CARRIED-OVER";
/** What a confirmation says, as the explanation the reviewer reads. */
export const CARRIED_CONFIRMATION_TEXT = "已核实，沿用上年表述无误";

export interface CarriedSentence {
  place: TextPlace;
  /** Index into the place's paragraphs. */
  paragraph: number;
  /** The sentence's offsets in its paragraph, and the sentence as written there. */
  start: number;
  end: number;
  text: string;
  /** Word for word last year's (years moved on or not). */
  isVerbatim: boolean;
  /** Offsets in the paragraph of the figures last year's report stated the same way. */
  figures: Span[];
  /** What a confirmation records and a TXT-CARRIED-OVER finding says: 「沿用上年表述，请核实：“…”」. */
  key: string;
}

/** A figure: digits with a counting unit (not years, dates, article numbers, phone numbers or citations). */
const FIGURE =
  /(?<![\d.〔[(-])(\d+(?:\.\d+)?)\s*(人次|万元|件|条|篇|个|次|项|名|人|场|期|份|元|%|家|户|本|册|批|起|余)(?![\d年月日号])/g;
const CLAUSE_BREAK = /[,，;；:：。!！?？、\n]/;
const CONTEXT_CHARS = 4;
const MIN_SENTENCE_CHARS = 8;

const normalise = (text: string) =>
  toHalfWidth(text)
    .replace(/\s+/g, "")
    .replace(/[。;!?]+$/, "");

export const carriedKey = (sentence: string) => `沿用上年表述，请核实：“${sentence}”`;

/** The few characters of the clause before a figure, the figure and its unit: how last year said it. */
function figureContext(normal: string, index: number, figure: string): string {
  const before = normal.slice(Math.max(0, index - CONTEXT_CHARS * 3), index).replace(/\s+/g, "");
  const clause = before.split(CLAUSE_BREAK).pop() ?? "";
  return `${clause.slice(-CONTEXT_CHARS)}|${figure.replace(/\s+/g, "")}`;
}

interface Sentence {
  paragraph: Paragraph;
  start: number;
  end: number;
  text: string;
  normal: string;
}

function sentencesOf(paragraphs: readonly Paragraph[]): Sentence[] {
  return paragraphs.flatMap((p) =>
    splitSentences(p.normal).flatMap((s) => {
      const lead = s.text.length - s.text.trimStart().length;
      const start = s.start + lead;
      const end = s.start + s.text.trimEnd().length;
      if (end <= start) return [];
      return [{ paragraph: p, start, end, text: p.text.slice(start, end), normal: normalise(s.text) }];
    }),
  );
}

const prose = (report: Report) => listParagraphs(report).filter((p) => p.index >= 0);

/** Sentences of the standard preamble for this body: the same every year by design, never "carried". */
function standardSentences(report: Report): Set<string> {
  const { meta } = report;
  const contact = meta.contact ?? { office: "", address: "", phone: "", postcode: "" };
  const preamble = defaultPreamble({ name: meta.bodyName, contact, portalUrl: "" }, meta.year);
  return new Set(
    preamble.flatMap((p) => splitSentences(toHalfWidth(p)).map((s) => normalise(s.text))).filter(Boolean),
  );
}

const cellNumber = (value: unknown): number | null => {
  const n = typeof value === "number" ? value : Number(value);
  return value !== null && value !== "" && Number.isFinite(n) ? n : null;
};

/**
 * The numbers in this year's tables, zero, and the figures the standard 依申请公开 sentences compute from them
 * (法人或其他组织 as a sum of columns, 不予公开 as a sum of rows, the change since last year).
 */
function tableFigures(report: Report, previous: Report): Set<number> {
  const held = new Set<number>([0]);
  for (const cell of listCells(report.tables)) {
    const n = cellNumber(cell.value);
    if (n !== null) held.add(n);
  }
  const narrative = onRequestNarrative(report, previous);
  if (narrative.ok)
    for (const p of narrative.paragraphs) for (const m of p.matchAll(FIGURE)) held.add(Number(m[1]));
  return held;
}

/**
 * How much each cell changed since last year (「比上年增加2件」 quotes one): a fact of the two years' tables, so a
 * change that happens to equal last year's change is not copied prose.
 */
function tableChanges(current: Report, previous: Report): Set<number> {
  const last = listCells(previous.tables);
  const changes = new Set<number>();
  listCells(current.tables).forEach((cell, i) => {
    const now = cellNumber(cell.value);
    const then = cellNumber(last[i]?.value);
    if (now !== null && then !== null) changes.add(Math.abs(now - then));
  });
  return changes;
}

/** A clause quoting a change since last year: 「比上年增加」「较上年减少」「同比增长」. */
const CHANGE_WORDS = /(?:比|较)上年|同比/;

/** Every sentence of `current` still last year's, in reading order. */
export function findCarriedSentences(current: Report, previous: Report | null): CarriedSentence[] {
  if (!previous || previous.meta.year >= current.meta.year) return [];
  const from = previous.meta.year;
  const to = current.meta.year;
  const lastYear = new Set<string>();
  const lastFigures = new Set<string>();
  for (const s of sentencesOf(prose(previous))) {
    lastYear.add(s.normal);
    lastYear.add(normalise(shiftYears(s.text, from, to).text));
    for (const m of s.paragraph.normal.slice(s.start, s.end).matchAll(FIGURE)) {
      lastFigures.add(figureContext(s.paragraph.normal, s.start + m.index, m[0]));
    }
  }
  const standard = standardSentences(current);
  const held = tableFigures(current, previous);
  const changes = tableChanges(current, previous);
  return sentencesOf(prose(current)).flatMap((s): CarriedSentence[] => {
    if (s.normal.length < MIN_SENTENCE_CHARS || standard.has(s.normal)) return [];
    const isVerbatim = lastYear.has(s.normal);
    const figures: Span[] = [];
    for (const m of s.paragraph.normal.slice(s.start, s.end).matchAll(FIGURE)) {
      const at = s.start + m.index;
      // A figure this year's tables also hold (or a zero) is the text-vs-table rules' business, not a sign of
      // copying: 「上年结转0件」 or 「自然人4件」 may well repeat. Whole sentences copied word for word still count.
      // Likewise a change since last year that the two years' tables vouch for.
      const context = figureContext(s.paragraph.normal, at, m[0]);
      const sameAsLastYear = lastFigures.has(context);
      const vouched =
        held.has(Number(m[1])) ||
        (CHANGE_WORDS.test(s.paragraph.normal.slice(s.start, at)) && changes.has(Number(m[1])));
      if (isVerbatim || (sameAsLastYear && !vouched)) {
        figures.push({ start: at, end: at + m[0].length });
      }
    }
    if (!isVerbatim && figures.length === 0) return [];
    // A sentence repeated word for word whose every figure this year's tables confirm (「结转下年度继续办理0件。」)
    // states this year's facts; copied prose without figures, or with a figure no table holds, is still flagged.
    const stated = [...s.paragraph.normal.slice(s.start, s.end).matchAll(FIGURE)].map((m) => Number(m[1]));
    if (isVerbatim && stated.length > 0 && stated.every((n) => held.has(n))) return [];
    const { section, item } = s.paragraph;
    return [
      {
        place: item ? { section, item } : { section },
        paragraph: s.paragraph.index,
        start: s.start,
        end: s.end,
        text: s.text,
        isVerbatim,
        figures,
        key: carriedKey(s.text),
      },
    ];
  });
}

/** The confirmation of a carried sentence, as an explanation of TXT-CARRIED-OVER (the server stamps by/at). */
export function confirmationOf(sentence: CarriedSentence, by: string, at: string): Explanation {
  return {
    ruleId: CARRIED_RULE_ID,
    cells: [],
    values: [sentence.key],
    text: CARRIED_CONFIRMATION_TEXT,
    by,
    at,
  };
}

export function findConfirmation(
  sentence: CarriedSentence,
  explanations: readonly Explanation[],
): Explanation | undefined {
  return explanations.find(
    (e) =>
      e.ruleId === CARRIED_RULE_ID &&
      e.cells.length === 0 &&
      e.values.length === 1 &&
      e.values[0] === sentence.key,
  );
}

export const isConfirmed = (sentence: CarriedSentence, explanations: readonly Explanation[]) =>
  findConfirmation(sentence, explanations) !== undefined;

/** Where a finding about the sentence points. */
export function carriedSpan(sentence: CarriedSentence): TextSpan {
  return {
    ...sentence.place,
    paragraph: sentence.paragraph,
    start: sentence.start,
    end: sentence.end,
    quote: sentence.text,
  };
}

export const carriedPlaceKey = (sentence: CarriedSentence) => placeKey(sentence.place);
