// Rules about the document as a whole: structure, citations of the format, stale labels, template
// leftovers, the publication deadline. What a stored document cannot show (the headings as literally
// printed, table labels of an imported copy) comes from the importer via CheckContext.importFindings.
import { toHalfWidth } from "../chinese-numbers";
import { getCell } from "../cells";
import { ALL_CELLS, FORMAT_CITATION, OVERVIEW_ITEMS, SECTIONS, TABLE_TITLES, type TableKey } from "../format";
import { TABLE_LAYOUTS } from "../table-layout";
import type { Report } from "../report-schema";
import type { RuleContext, RuleHit } from "./context";
import { findSpans, listParagraphs } from "./text-scan";

const normaliseTitle = (title: string) => toHalfWidth(title).replace(/\s/g, "");

function itemTitleHits(report: Report, context: RuleContext): RuleHit[] {
  return report.sections.overview.items.flatMap((item): RuleHit[] => {
    const official = OVERVIEW_ITEMS.find((i) => i.key === item.key);
    const title = normaliseTitle(item.title);
    if (!official || (title === "" && context.stage !== "submit")) return [];
    const numbering = `(${official.numeral})`;
    if (!title.startsWith(numbering)) {
      return [
        {
          message: `第一部分子项“${item.title || official.title}”应以“（${official.numeral}）”编号，标题为“${official.title}”`,
        },
      ];
    }
    return [];
  });
}

function itemStructureHits(report: Report, context: RuleContext): RuleHit[] {
  const keys = report.sections.overview.items.map((i) => i.key);
  const hits: RuleHit[] = [];
  const missing = OVERVIEW_ITEMS.filter((i) => !keys.includes(i.key));
  // A page cut off before 一（五） is an unfinished draft, not an error, until it is submitted.
  if (missing.length > 0 && context.stage === "submit") {
    hits.push({ message: `第一部分“总体情况”缺少子项${missing.map((i) => `“${i.title}”`).join("、")}` });
  }
  const expectedOrder = OVERVIEW_ITEMS.map((i) => i.key).filter((k) => keys.includes(k));
  if (new Set(keys).size !== keys.length || keys.some((k, i) => k !== expectedOrder[i])) {
    const order = OVERVIEW_ITEMS.map((i) => i.title).join("、");
    hits.push({ message: `第一部分“总体情况”的子项应各出现一次，顺序为${order}` });
  }
  return hits;
}

/**
 * DOC-SECTIONS, as far as a stored document can show it: the six sections and the three tables are fixed
 * by the schema, so what remains is section 一's five sub-items, in order, numbered （一）…（五）.
 */
export function checkSections(report: Report, context: RuleContext): RuleHit[] {
  return [...itemStructureHits(report, context), ...itemTitleHits(report, context)];
}

/**
 * DOC-HEADING-WORDING: a heading under the right number in other words than the format's — a section heading
 * as the source printed it (Report.layout), or a sub-item title of 一. Its text and checks stay in place.
 */
export function checkHeadingWording(report: Report): RuleHit[] {
  const sections = SECTIONS.flatMap((section): RuleHit[] => {
    const printed = report.layout?.headings[section.key];
    if (!printed || bareTitle(printed) === bareTitle(section.title)) return [];
    return [
      {
        message: `标题“${printed}”与格式不一致，应为“${section.title}”（该部分的内容和检查不受影响）`,
        expected: section.title,
        actual: printed,
      },
    ];
  });
  const items = report.sections.overview.items.flatMap((item): RuleHit[] => {
    const official = OVERVIEW_ITEMS.find((i) => i.key === item.key);
    const title = normaliseTitle(item.title);
    const numbering = `(${official?.numeral ?? ""})`;
    if (!official || !title.startsWith(numbering)) return [];
    const wording = normaliseTitle(official.title).slice(numbering.length);
    if (title.includes(wording)) return [];
    return [
      {
        message: `第一部分子项“${item.title}”与格式不一致，应为“${official.title}”`,
        expected: official.title,
        actual: item.title,
      },
    ];
  });
  return [...sections, ...items];
}

const bareTitle = (title: string) => normaliseTitle(title).replace(/[:：。.]$/, "");

/**
 * IMPORT-TABLE-UNREAD: a table the source printed but of which no cell could be read. Its rules cannot run,
 * so the report is not clean: an error, never 「未发现错误」 over a table nobody read.
 */
export function checkTablesRead(report: Report): RuleHit[] {
  // Once cells are filled in (in the editor), the table is no longer unread.
  const untouched = (table: TableKey) =>
    ALL_CELLS.every((c) => c.table !== table || getCell(report.tables, c) === null);
  return (report.layout?.unreadTables ?? []).filter(untouched).map((table) => {
    const section = SECTIONS.find((s) => s.key === TABLE_LAYOUTS[table].section)!;
    return {
      message: `${TABLE_TITLES[table]}（${section.title.replace(/^.、/, "")}）未能读取，未检查：原文中有此表，但没有读出任何单元格。请改用网页、Word或PDF原件导入，或在编辑器中填写后再检查`,
    };
  });
}

/** Labels of the 2019 trial format (国办公开办函〔2019〕60号) that the 2021 format replaced. */
const STALE_LABELS = /本年新制作数量|本年新公开数量|对外公开总数量|第二十条第\(九\)项/g;

/** DOC-STALE-FORMAT in the prose; stale table labels of an imported copy are reported by the importer. */
export function checkStaleFormat(report: Report): RuleHit[] {
  // One finding per stale label: the same label repeated down a flattened table is one problem.
  const seen = new Set<string>();
  const spans = findSpans(listParagraphs(report), STALE_LABELS).filter((span) => {
    if (seen.has(span.quote)) return false;
    seen.add(span.quote);
    return true;
  });
  return spans.map((textSpan) => ({
    message: `正文使用了2019年试行格式的表述“${textSpan.quote}”，应按现行年报格式（${FORMAT_CITATION}）填报`,
    textSpan,
  }));
}

const STALE_CITATIONS = /国办政务公开办函|格式\(试行\)|国办公开办函\s*[〔[【(]\s*2019\s*[〕\]】)]\s*60\s*号/g;

/** DOC-BASIS-CITATION: the format is cited as 国办公开办函〔2021〕30号, not a wrong or stale number. */
export function checkBasisCitation(report: Report): RuleHit[] {
  return findSpans(listParagraphs(report), STALE_CITATIONS).map((textSpan) => ({
    message: `引用的“${textSpan.quote}”有误或已过时，年报格式应引用《中华人民共和国政府信息公开工作年度报告格式》（${FORMAT_CITATION}）`,
    textSpan,
    expected: FORMAT_CITATION,
    actual: textSpan.quote,
  }));
}

/** Template instructions and placeholders (××街道, XX件) left in the text. */
const TEMPLATE_LEFTOVERS =
  /该部分以表格形式报告[。.]?\s*(?:表格如下:?)?|表格如下:?|\((?:文字描述|文字说明|可选|示例|略|此处[^)]{0,20}|根据实际情况[^)]{0,20}|请[^)]{0,30})\)|在?此处(?:报告|填写|说明|描述)|请填写|请在此|填写说明|填报说明|【请[^】]*】|×{2,}|(?<![A-Za-z])X{2,}(?![A-Za-z])/g;

/** DOC-TEMPLATE-LEFTOVER: the template's instructions were not deleted. */
export function checkTemplateLeftover(report: Report): RuleHit[] {
  return findSpans(listParagraphs(report), TEMPLATE_LEFTOVERS).map((textSpan) => ({
    message: `正文残留模板说明或占位文字“${textSpan.quote}”，请删除或替换为实际内容`,
    textSpan,
  }));
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The calendar date in China (UTC+8, no daylight saving) of an ISO date or date-time. A date-time without
 * an offset is taken as China time: its date part is the date.
 */
export function chinaDate(iso: string): string | null {
  const plain = /^(\d{4}-\d{2}-\d{2})(?:$|T[\d:.]+$)/.exec(iso);
  if (plain) return plain[1] ?? null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

const dateZh = (iso: string) => iso.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, "$1年$2月$3日");

/** DOC-DEADLINE: published after the body's deadline; not assessable before publication. */
export function checkDeadline(_report: Report, context: RuleContext): RuleHit[] {
  const published = context.publishedAt ? chinaDate(context.publishedAt) : null;
  if (!published || published <= context.deadline) return [];
  return [
    {
      message: `发布日期（${dateZh(published)}）晚于规定的发布期限（${dateZh(context.deadline)}）`,
      expected: context.deadline,
      actual: published,
    },
  ];
}
