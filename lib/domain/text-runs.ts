// The report's prose addressed by place: the preamble ("meta"), section 一's intro and each of its sub-items,
// sections 二–六. The editor, the year shift, the conflict merge and the findings panel share these addresses,
// which are the same as a finding's TextSpan (section, item).
import { OVERVIEW_ITEMS, SECTIONS, type OverviewItemKey, type SectionKey } from "./format";
import type { Report } from "./report-schema";

export interface TextPlace {
  section: SectionKey | "meta";
  item?: OverviewItemKey;
}

export const samePlace = (a: TextPlace, b: TextPlace) => a.section === b.section && a.item === b.item;

/** Stable: "meta", "overview", "overview.active", "problems". */
export const placeKey = (p: TextPlace) => (p.item ? `${p.section}.${p.item}` : p.section);

/** 「导语」, 「一、总体情况」, 「一、总体情况（一）主动公开」. */
export function placeLabel(p: TextPlace): string {
  if (p.section === "meta") return "导语";
  const section = SECTIONS.find((s) => s.key === p.section)!.title;
  const item = p.item ? OVERVIEW_ITEMS.find((i) => i.key === p.item)?.title : "";
  return `${section}${item ?? ""}`;
}

const OTHER_SECTIONS = ["proactive", "requests", "appeals", "problems", "other"] as const;

/** Every place in reading order. */
export const TEXT_PLACES: readonly TextPlace[] = [
  { section: "meta" },
  { section: "overview" },
  ...OVERVIEW_ITEMS.map((i) => ({ section: "overview" as const, item: i.key })),
  ...OTHER_SECTIONS.map((key) => ({ section: key })),
];

export function getRun(report: Report, place: TextPlace): string[] {
  if (place.section === "meta") return report.meta.preamble;
  if (place.item) return report.sections.overview.items.find((i) => i.key === place.item)?.paragraphs ?? [];
  return report.sections[place.section].paragraphs;
}

export function setRun(report: Report, place: TextPlace, paragraphs: string[]): Report {
  if (place.section === "meta") return { ...report, meta: { ...report.meta, preamble: paragraphs } };
  const { sections } = report;
  if (place.item) {
    const items = sections.overview.items.map((i) => (i.key === place.item ? { ...i, paragraphs } : i));
    return { ...report, sections: { ...sections, overview: { ...sections.overview, items } } };
  }
  const section = place.section === "overview" ? { ...sections.overview, paragraphs } : { paragraphs };
  return { ...report, sections: { ...sections, [place.section]: section } };
}

/** Every run of paragraphs with its place. */
export function listTextRuns(report: Report): { place: TextPlace; paragraphs: string[] }[] {
  return TEXT_PLACES.map((place) => ({ place, paragraphs: getRun(report, place) }));
}

/** Every paragraph of the report passed through `change` (the title is not a paragraph). */
export function mapParagraphs(report: Report, change: (text: string) => string): Report {
  return TEXT_PLACES.reduce((r, place) => setRun(r, place, getRun(r, place).map(change)), report);
}

/** A textarea's text as stored paragraphs: one per non-empty line, indentation and blank lines dropped. */
export function paragraphsFromText(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** Where a span of a paragraph (as stored) stands in the textarea's text, for selecting it. */
export function spanInText(
  text: string,
  paragraph: number,
  start: number,
  end: number,
): { start: number; end: number } | null {
  let offset = 0;
  let index = 0;
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed !== "") {
      if (index === paragraph) {
        const at = offset + line.indexOf(trimmed);
        return { start: at + start, end: at + Math.min(end, trimmed.length) };
      }
      index++;
    }
    offset += line.length + 1;
  }
  return null;
}
