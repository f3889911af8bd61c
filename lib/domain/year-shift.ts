// Moving last year's texts on a year, and recognising them afterwards. Only the years next to the report year
// move (last year's 2024 becomes 2025, its plans for 2025 become 2026, its comparison with 2023 becomes 2024);
// the 2019 revision of the 条例 stays put. A paragraph still equal to last year's moved text is flagged in the
// editor until the author has rewritten it: its figures are last year's.
import type { Report } from "./report-schema";
import { listTextRuns, mapParagraphs, samePlace, type TextPlace } from "./text-runs";

export interface Span {
  start: number;
  end: number;
}

const CN_DIGITS = "〇一二三四五六七八九";
const toChinese = (year: number) => [...String(year)].map((d) => CN_DIGITS[Number(d)]).join("");
const fromChinese = (text: string) =>
  Number([...text].map((c) => CN_DIGITS.indexOf(c === "零" ? "〇" : c)).join(""));

const YEAR = /(?<!\d)(\d{4})(?=\s*年)|([〇零一二三四五六七八九]{4})(?=年)/g;

/** The text with the years around `from` moved by `to - from`, and where the moved years now stand. */
export function shiftYears(text: string, from: number, to: number): { text: string; moved: Span[] } {
  const delta = to - from;
  const moved: Span[] = [];
  let out = "";
  let last = 0;
  for (const m of text.matchAll(YEAR)) {
    const year = m[1] ? Number(m[1]) : fromChinese(m[2]!);
    if (Math.abs(year - from) > 1 || delta === 0) continue;
    const replacement = m[1] ? String(year + delta) : toChinese(year + delta);
    out += text.slice(last, m.index);
    moved.push({ start: out.length, end: out.length + replacement.length });
    out += replacement;
    last = m.index + m[0].length;
  }
  return { text: out + text.slice(last), moved };
}

export function shiftYearsInReport(report: Report, from: number, to: number): Report {
  return mapParagraphs(report, (text) => shiftYears(text, from, to).text);
}

export interface CarriedParagraph {
  place: TextPlace;
  paragraph: number;
  /** Where the years moved from last year's text stand in this paragraph. */
  moved: Span[];
}

/** Paragraphs still word for word last year's (years moved): to be checked, their figures are last year's. */
export function findCarriedParagraphs(current: Report, previous: Report): CarriedParagraph[] {
  const from = previous.meta.year;
  const to = current.meta.year;
  const lastRuns = listTextRuns(previous);
  return listTextRuns(current).flatMap(({ place, paragraphs }) => {
    const last = lastRuns.find((r) => samePlace(r.place, place))?.paragraphs ?? [];
    const shifted = last.map((p) => shiftYears(p, from, to));
    return paragraphs.flatMap((text, paragraph) => {
      const match = text.trim() !== "" ? shifted.find((s) => s.text === text) : undefined;
      return match ? [{ place, paragraph, moved: match.moved }] : [];
    });
  });
}
