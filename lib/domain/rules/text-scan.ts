// Walking the report's prose for the text rules: every paragraph with its address (for TextSpan), a
// half-width copy with identical offsets to match patterns on, and sentence/clause splitting.
import { toHalfWidth } from "../chinese-numbers";
import type { TextSpan } from "../findings";
import type { OverviewItemKey, SectionKey } from "../format";
import type { Report } from "../report-schema";

export interface Paragraph {
  section: SectionKey | "meta";
  item?: OverviewItemKey;
  /** Index into the paragraphs array; for "meta", into meta.preamble, or -1 for the title. */
  index: number;
  text: string;
  /**
   * What patterns match on: toHalfWidth(text) with the spacing around numbers removed (「申请 17 件」 →
   * 「申请17件」) and thousands separators dropped (「1,083」, 「1 083」 → 「1083」). Offsets differ from `text`;
   * spanOf maps them back through `offsets`.
   */
  normal: string;
  /** offsets[i]: index in `text` of normal[i]; offsets[normal.length] = text.length. */
  offsets: number[];
}

const SPACE = /[\s\u00a0]/;
const DIGIT = /\d/;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff]/;
const sticky = (ch: string | undefined) => ch !== undefined && (DIGIT.test(ch) || CJK.test(ch));

/** Index after a run of exactly three digits at `i` (not followed by a fourth), or -1. */
function threeDigitsAt(text: string, i: number): number {
  return /^\d{3}(?!\d)/.test(text.slice(i, i + 4)) ? i + 3 : -1;
}

/**
 * Text as copied from PDF or Word puts spaces between figures and words and groups digits; the text rules
 * read numbers written right before their unit, so both are normalised away (see Paragraph.normal).
 */
export function normaliseNumbers(text: string): { normal: string; offsets: number[] } {
  const half = toHalfWidth(text);
  let normal = "";
  const offsets: number[] = [];
  let i = 0;
  while (i < half.length) {
    const ch = half[i]!;
    if (SPACE.test(ch) || (ch === "," && text[i] === ",")) {
      let end = i;
      while (end < half.length && SPACE.test(half[end]!)) end++;
      if (ch === ",") end = i + 1;
      const before = normal.at(-1);
      const after = half[end];
      const digitBefore = before !== undefined && DIGIT.test(before);
      // 「1,083」「1 083」: a digit group of three after a digit is a thousands group, not a new number.
      const thousands = digitBefore && threeDigitsAt(half, end) > 0;
      const wordSpace =
        ch !== "," && sticky(before) && sticky(after) && (digitBefore || DIGIT.test(after ?? ""));
      if (thousands || (wordSpace && !(digitBefore && DIGIT.test(after ?? "")))) {
        i = end;
        continue;
      }
    }
    normal += ch;
    offsets.push(i);
    i++;
  }
  offsets.push(text.length);
  return { normal, offsets };
}

/** Which prose to read; omitted parts are skipped. Sections here mean their own paragraphs, not sub-items. */
export interface ProseScope {
  meta?: boolean;
  sections?: readonly SectionKey[];
  items?: readonly OverviewItemKey[];
}

const ALL_PROSE: Required<ProseScope> = {
  meta: true,
  sections: ["overview", "proactive", "requests", "appeals", "problems", "other"],
  items: ["active", "onRequest", "management", "platform", "supervision"],
};

function paragraph(
  section: Paragraph["section"],
  index: number,
  text: string,
  item?: OverviewItemKey,
): Paragraph {
  return { section, index, text, ...normaliseNumbers(text), ...(item ? { item } : {}) };
}

/** The paragraphs in reading order: title, preamble, section 一's intro and sub-items, sections 二–六. */
export function listParagraphs(report: Report, scope: ProseScope = ALL_PROSE): Paragraph[] {
  const { meta, sections } = report;
  const wanted = (key: SectionKey) => scope.sections?.includes(key) ?? false;
  const found: Paragraph[] = [];
  if (scope.meta) {
    if (meta.title) found.push(paragraph("meta", -1, meta.title));
    meta.preamble.forEach((text, i) => found.push(paragraph("meta", i, text)));
  }
  if (wanted("overview"))
    sections.overview.paragraphs.forEach((text, i) => found.push(paragraph("overview", i, text)));
  for (const item of sections.overview.items) {
    if (!scope.items?.includes(item.key)) continue;
    item.paragraphs.forEach((text, i) => found.push(paragraph("overview", i, text, item.key)));
  }
  for (const key of ["proactive", "requests", "appeals", "problems", "other"] as const) {
    if (wanted(key)) sections[key].paragraphs.forEach((text, i) => found.push(paragraph(key, i, text)));
  }
  return found;
}

/** A span of `p.normal` as a TextSpan of the paragraph as printed. */
export function spanOf(p: Paragraph, start: number, end: number): TextSpan {
  const from = p.offsets[start] ?? p.text.length;
  const to = end > start ? (p.offsets[end - 1] ?? p.text.length - 1) + 1 : from;
  return {
    section: p.section,
    ...(p.item ? { item: p.item } : {}),
    paragraph: p.index,
    start: from,
    end: to,
    quote: p.text.slice(from, to),
  };
}

export interface Segment {
  text: string;
  start: number;
  end: number;
}

function split(text: string, boundary: RegExp): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (end > start) segments.push({ text: text.slice(start, end), start, end });
    start = end;
  }
  if (start < text.length) segments.push({ text: text.slice(start), start, end: text.length });
  return segments;
}

/** Sentences of a normalised paragraph, each keeping its end mark (。！？；, half-width after toHalfWidth). */
export function splitSentences(normal: string): Segment[] {
  return split(normal, /[。!?;\n]+/g);
}

/** Clauses: sentences further cut at commas and colons (not at 、, which joins a list inside a clause). */
export function splitClauses(normal: string): Segment[] {
  return split(normal, /[。!?;\n,:]+/g).filter((s) => s.text.trim() !== "");
}

/** The sentence of `normal` containing offset `at`. */
export function sentenceAt(normal: string, at: number): Segment {
  return (
    splitSentences(normal).find((s) => at >= s.start && at < s.end) ?? {
      text: normal,
      start: 0,
      end: normal.length,
    }
  );
}

/** Every match of a global pattern in the paragraphs' normalised text, as a TextSpan. */
export function findSpans(paragraphs: readonly Paragraph[], pattern: RegExp): TextSpan[] {
  return paragraphs.flatMap((p) =>
    [...p.normal.matchAll(pattern)].map((m) => spanOf(p, m.index, m.index + m[0].length)),
  );
}

/** The clause text just before `index`, at most `width` characters (the whole clause by default). */
export function clauseBefore(p: Paragraph, index: number, width = 40): string {
  const before = p.normal.slice(Math.max(0, index - width), index);
  return before.split(/[,。;!?:\n]/).pop() ?? "";
}
