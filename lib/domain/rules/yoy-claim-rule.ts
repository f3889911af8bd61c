// X-YOY-CLAIM: a year-on-year claim attached to the number of applications received
// (「共收到申请36件，同比上升16.13%」, 「比2023年增加了5件」) agrees with last year's report.
// Only comparisons that directly follow a received-count in the same sentence are read.
import { findPercentages, type Percentage } from "../chinese-numbers";
import type { Report } from "../report-schema";
import { sumOrNull } from "../totals";
import type { RuleContext, RuleHit } from "./context";
import { countOf, NUM } from "./text-claims";
import { agreesWithPercentage, percentageOf } from "./text-arithmetic-rules";
import { findReceivedCounts } from "./text-application-rules";
import { t3Count } from "./table-cells";
import { listParagraphs, sentenceAt, spanOf, type Paragraph } from "./text-scan";

const BASE = String.raw`同比|(?:较|比|与)(?:上年|去年|上一年|(\d{4})年)(?:度)?(?:同期)?(?:相比)?`;
const CHANGE = String.raw`(上升|增长|增加|提高|下降|减少|降低|持平)了?`;
/** One comparison, anchored right after the count (or after the previous comparison). */
const COMPARISON = new RegExp(`^[,(\\s]{0,2}(?:${BASE})[^,。;!?\\d]{0,3}?${CHANGE}(${NUM})?(%|件|个百分点)?`);

interface Comparison {
  year: number | null;
  direction: 1 | -1 | 0;
  amount: number | null;
  percent: Percentage | null;
  unit: string | null;
  end: number;
}

function readComparison(text: string, offset: number): Comparison | null {
  const m = COMPARISON.exec(text.slice(offset));
  if (!m) return null;
  const [whole, year, change = "", number, unit] = m;
  const direction = change === "持平" ? 0 : /上升|增长|增加|提高/.test(change) ? 1 : -1;
  const percent = unit === "%" ? (findPercentages(`${number ?? ""}%`)[0] ?? null) : null;
  return {
    year: year ? Number(year) : null,
    direction,
    amount: unit === "件" ? countOf(number) : null,
    percent,
    unit: unit ?? null,
    end: offset + whole.length,
  };
}

/** Whether the claim holds against one reading of last year's figure; unknowable counts as holding. */
function holds(c: Comparison, current: number, previous: number): boolean {
  const change = current - previous;
  if (c.direction === 0) return change === 0;
  if (Math.sign(change) !== c.direction) return false;
  if (c.amount !== null) return Math.abs(change) === c.amount;
  if (c.percent) return previous === 0 || agreesWithPercentage(Math.abs(change), previous, c.percent);
  return true;
}

function describeExpected(c: Comparison, current: number, previous: number): string {
  const change = current - previous;
  if (c.percent && previous > 0) {
    return `${change >= 0 ? "增长" : "下降"}${percentageOf(Math.abs(change), previous, c.percent.decimals)}%`;
  }
  return change === 0 ? "持平" : `${change > 0 ? "增加" : "减少"}${Math.abs(change)}件`;
}

function comparisonsAfter(normal: string, offset: number, sentenceEnd: number): Comparison[] {
  const found: Comparison[] = [];
  let at = offset;
  for (
    let c = readComparison(normal.slice(0, sentenceEnd), at);
    c;
    c = readComparison(normal.slice(0, sentenceEnd), at)
  ) {
    found.push(c);
    at = c.end;
  }
  return found;
}

function yoyHits(p: Paragraph, lastYear: number, previousFigures: number[]): RuleHit[] {
  return findReceivedCounts(p).flatMap((count) => {
    const sentenceEnd = sentenceAt(p.normal, count.start).end;
    return comparisonsAfter(p.normal, count.end, sentenceEnd).flatMap((c) => {
      if (c.unit === "个百分点" || (c.year !== null && c.year !== lastYear)) return [];
      if (previousFigures.some((prev) => holds(c, count.value, prev))) return [];
      const [previous = 0] = previousFigures;
      const textSpan = spanOf(p, count.start, c.end);
      return [
        {
          message:
            `正文“${textSpan.quote}”与${lastYear}年报告不符：上年“一、本年新收政府信息公开申请数量”总计为${previous}件，` +
            `按此应为${describeExpected(c, count.value, previous)}`,
          textSpan,
          expected: describeExpected(c, count.value, previous),
          actual: textSpan.quote,
        },
      ];
    });
  });
}

/** X-YOY-CLAIM: year-on-year claims about applications agree with last year's 一 (or 一 + 二). */
export function checkYoyClaims(report: Report, context: RuleContext): RuleHit[] {
  const previous = context.previous;
  if (!previous) return [];
  const received = t3Count(previous.tables, "newReceived", "total");
  const handled = sumOrNull([received, t3Count(previous.tables, "carriedOver", "total")]);
  const previousFigures = [received, handled].filter((v): v is number => v !== null);
  if (previousFigures.length === 0) return [];
  const paragraphs = listParagraphs(report, { items: ["onRequest"], sections: ["requests"] });
  return paragraphs.flatMap((p) => yoyHits(p, report.meta.year - 1, previousFigures));
}
