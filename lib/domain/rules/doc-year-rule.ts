// DOC-YEAR: the report year is the same in the title, the preamble, the statistics period and the prose.
// Prose names other years legitimately (plans for next year, comparisons with last year, the follow-up of
// last year's report), so only sentences that plainly state a fact of the year under a wrong year are read.
import { parseChineseNumeral } from "../chinese-numbers";
import type { TextSpan } from "../findings";
import type { Report } from "../report-schema";
import type { RuleHit } from "./context";
import { listParagraphs, spanOf, splitSentences, type Paragraph } from "./text-scan";

const TITLE_YEAR = /(\d{4}|[〇零一二三四五六七八九]{4})年/g;
const PERIOD = /(\d{4})年0?1月0?1日起?\s*(?:至|到|-|—|~)\s*(?:(\d{4})年)?12月31日/g;
const REPORT_NAME = /(\d{4})年度?政府信息公开工作(?:年度)?报告/g;

function yearHit(span: TextSpan, year: number, found: number, what: string): RuleHit {
  return {
    message: `${what}“${span.quote}”中的年份（${found}年）与报告年度（${year}年）不一致`,
    textSpan: span,
    expected: year,
    actual: found,
  };
}

/** Every year matched by a pattern's capture groups that differs from the report year. */
function wrongYears(
  paragraphs: readonly Paragraph[],
  pattern: RegExp,
  year: number,
  what: string,
): RuleHit[] {
  return paragraphs.flatMap((p) =>
    [...p.normal.matchAll(pattern)].flatMap((m) => {
      const years = m
        .slice(1)
        .flatMap((g) => (g ? [/^\d+$/.test(g) ? Number(g) : parseChineseNumeral(g)] : []));
      const wrong = years.find((y) => y !== null && y !== year);
      // A title is quoted whole; elsewhere the matched phrase is enough.
      const [start, end] = p.index === -1 ? [0, p.text.length] : [m.index, m.index + m[0].length];
      return wrong ? [yearHit(spanOf(p, start, end), year, wrong, what)] : [];
    }),
  );
}

/** Plans, comparisons, spans of years and references to earlier reports: other years belong there. */
const OTHER_YEAR_IS_EXPECTED =
  /将|计划|拟|力争|争取|下一步|今后|明年|同比|相比|比上年|较上年|[比较与]\d{4}|增加|减少|上升|下降|增长|持平|分别|以来|至今|截至|截止|[自从]\d{4}|\d{4}年起|期间|之前|以前|结转|上年|去年|年报|年度报告|报告中/;
const FACT_VERB = /收到|受理|主动公开|公开|办理|发布|制发|印发|答复/;
const FACT_CONTENT = /\d+\s*(?:件|条|篇|个|次|项)|未收到|未发生|未制发|未办理/;

/** 「2022年我镇收到依申请公开申请事项0件」 in a 2023 report: a wrong year opening a statement of fact. */
function staleFactHits(paragraphs: readonly Paragraph[], year: number): RuleHit[] {
  return paragraphs.flatMap((p) =>
    splitSentences(p.normal).flatMap((sentence) => {
      const text = sentence.text;
      if (text.includes(`${year}年`) || OTHER_YEAR_IS_EXPECTED.test(text) || !FACT_CONTENT.test(text))
        return [];
      // 「2023年12月印发的…」 is a date and 「2023年底」 a point in time, not a statement about a year.
      const stated = /(\d{4})年度?(?!\d{1,2}月|底|末)/.exec(text);
      const verb = FACT_VERB.exec(text);
      if (!stated || !verb || verb.index < stated.index || Number(stated[1]) === year) return [];
      const end = sentence.start + text.replace(/[。!?;\n]+$/, "").length;
      return [yearHit(spanOf(p, sentence.start, end), year, Number(stated[1]), "正文")];
    }),
  );
}

export function checkReportYear(report: Report): RuleHit[] {
  const year = report.meta.year;
  const meta = listParagraphs(report, { meta: true });
  const title = meta.filter((p) => p.index === -1);
  const preamble = meta.filter((p) => p.index >= 0);
  const prose = listParagraphs(report, {
    sections: ["overview", "proactive", "requests", "appeals", "problems", "other"],
    items: ["active", "onRequest", "management", "platform", "supervision"],
  });
  const intro = prose.filter((p) => p.section === "overview" && !p.item);
  return [
    ...wrongYears(title, TITLE_YEAR, year, "标题"),
    ...wrongYears([...preamble, ...prose], PERIOD, year, "统计期限"),
    ...wrongYears([...preamble, ...intro], REPORT_NAME, year, "导语"),
    ...staleFactHits(prose, year),
  ];
}
