// Arithmetic inside the prose: a 「其中」 breakdown never exceeds its total, and a printed share (占 X%)
// agrees with the counts it describes to the printed precision. Exact integer arithmetic throughout.
import { findPercentages, findQuantities, type Percentage, type Quantity } from "../chinese-numbers";
import { formatFixed } from "../decimal";
import type { Report } from "../report-schema";
import { sumOrNull } from "../totals";
import type { RuleHit } from "./context";
import { t3Count } from "./table-cells";
import { listParagraphs, sentenceAt, spanOf, splitSentences, type Paragraph } from "./text-scan";

/** Items of information are counted in 条, 篇, 件 or 则 interchangeably; other units only match themselves. */
function unitClass(unit: string): string {
  return ["条", "篇", "件", "则"].includes(unit) ? "items" : unit;
}

function allProse(report: Report): Paragraph[] {
  return listParagraphs(report, {
    sections: ["overview", "proactive", "requests", "appeals", "problems", "other"],
    items: ["active", "onRequest", "management", "platform", "supervision"],
  });
}

/** The text 「其中」 breaks down: the rest of its sentence before it, or the previous sentence if it opens one. */
function headBefore(normal: string, at: number): { text: string; start: number } {
  const sentence = sentenceAt(normal, at);
  if (normal.slice(sentence.start, at).replace(/[\s,]/g, "") !== "") {
    return { text: normal.slice(sentence.start, at), start: sentence.start };
  }
  const previous = splitSentences(normal.slice(0, sentence.start)).pop();
  return previous ? { text: previous.text, start: previous.start } : { text: "", start: at };
}

function shift(q: Quantity, offset: number): Quantity {
  return { ...q, start: q.start + offset, end: q.end + offset };
}

function partWholeHits(p: Paragraph, at: number): RuleHit[] {
  const head = headBefore(p.normal, at);
  const wholes = findQuantities(head.text).map((q) => shift(q, head.start));
  const sentenceEnd = sentenceAt(p.normal, at).end;
  const nextBreakdown = p.normal.indexOf("其中", at + 2);
  const tailEnd = nextBreakdown >= 0 ? Math.min(nextBreakdown, sentenceEnd) : sentenceEnd;
  const parts = findQuantities(p.normal.slice(at + 2, tailEnd)).map((q) => shift(q, at + 2));
  return parts.flatMap((part) => {
    // The total must be unambiguous: exactly one exact count of the same kind before 「其中」.
    const sameKind = wholes.filter((w) => unitClass(w.unit) === unitClass(part.unit));
    const [whole] = sameKind;
    if (sameKind.length !== 1 || !whole || whole.approximate || part.value <= whole.value) return [];
    return [
      {
        message: `正文“其中”所列分项（${part.raw}）超过其总数（${whole.raw}）`,
        textSpan: spanOf(p, whole.start, part.end),
        expected: `不超过${whole.value}`,
        actual: part.value,
      },
    ];
  });
}

/** TXT-PART-WHOLE: no item of a 「其中」 breakdown exceeds the total it breaks down. */
export function checkPartWhole(report: Report): RuleHit[] {
  return allProse(report).flatMap((p) =>
    [...p.normal.matchAll(/其中/g)].flatMap((m) => partWholeHits(p, m.index)),
  );
}

/**
 * 「X件，占比Y%」「X件（占总数的Y%）」「占全部申请的Y%」: a share of a total the paragraph or table 三 gives.
 * A share of a named other total (占全年执法案件的35%, 占全区的5%) is not checkable.
 */
const SHARE_LINK =
  /^[,(\s]*占(?:(?:比|比例|比重)|(?:全部|总|本年|全年|收到的?)?(?:申请|信息|公开信息)?(?:总数|总量|总件数|件数|数量)?的?(?:比例|比重)?)(?:为|达|约)?$/;

/** Whether part/whole × 100 equals the printed percentage within one unit of its last printed digit. */
export function agreesWithPercentage(part: number, whole: number, printed: Percentage): boolean {
  const scale = 10n ** BigInt(printed.decimals);
  const diff = BigInt(part) * 100n * scale - printed.scaled * BigInt(whole);
  return (diff < 0n ? -diff : diff) < BigInt(whole);
}

/** part/whole as a percentage rounded half-up to the printed precision, e.g. "1.3". */
export function percentageOf(part: number, whole: number, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const doubled = BigInt(part) * 200n * scale + BigInt(whole);
  return formatFixed(doubled / (2n * BigInt(whole)), decimals);
}

/** Possible totals: earlier counts of the same kind in the paragraph, nearest first, then table 三's totals. */
function wholeCandidates(report: Report, p: Paragraph, part: Quantity): number[] {
  const t3 = (row: string) => t3Count(report.tables, row, "total");
  const inText = findQuantities(p.normal.slice(0, part.start))
    .filter((q) => unitClass(q.unit) === unitClass(part.unit) && !q.approximate && q.value >= part.value)
    .map((q) => q.value)
    .reverse();
  const fromTable =
    part.unit === "件"
      ? [t3("newReceived"), sumOrNull([t3("newReceived"), t3("carriedOver")]), t3("resultTotal")]
      : [];
  return [...inText, ...fromTable].filter((v): v is number => v !== null && v > 0 && v >= part.value);
}

function percentHits(report: Report, p: Paragraph, printed: Percentage): RuleHit[] {
  const part = findQuantities(p.normal.slice(0, printed.start))
    .filter((q) => !q.approximate)
    .pop();
  if (!part) return [];
  const link = p.normal.slice(part.end, printed.start);
  if (!SHARE_LINK.test(link)) return [];
  const wholes = wholeCandidates(report, p, part);
  const [nearest] = wholes;
  if (nearest === undefined || wholes.some((w) => agreesWithPercentage(part.value, w, printed))) return [];
  const expected = percentageOf(part.value, nearest, printed.decimals);
  const textSpan = spanOf(p, part.start, printed.end);
  return [
    {
      message: `正文“${textSpan.quote}”中的百分比（${printed.value}%）与所述数量不符：按${part.value}÷${nearest}计算应为${expected}%`,
      textSpan,
      expected: `${expected}%`,
      actual: `${printed.value}%`,
    },
  ];
}

/** TXT-PERCENT: a printed share agrees with its part and some plausible total to the printed precision. */
export function checkPercentages(report: Report): RuleHit[] {
  return allProse(report).flatMap((p) =>
    findPercentages(p.normal).flatMap((pct) => percentHits(report, p, pct)),
  );
}
