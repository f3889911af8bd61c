// HTML of a published report page → a report. The article body is the smallest element holding the section
// headings; outside it only the page's metadata and the title are kept (breadcrumbs, menus and footers are site
// chrome). The body goes through the same line model and placement as plain text.
import type { AnyNode, Document, Element } from "domhandler";
import { DomUtils } from "htmlparser2";
import { TABLE_KEYS, TABLE_LAYOUTS } from "../table-layout";
import { importLines, type ImportOptions } from "./assemble";
import { isTitle, lineText, parseMetadataLine } from "./front-matter";
import type { ImportResult } from "./import-log";
import { labelKey } from "./labels";
import { LineCollector, isElement, parseHtml, textOf } from "./html-lines";
import type { SourceLine } from "./source-lines";

const SECTION_MARKS = [
  "总体情况",
  "主动公开政府信息情况",
  "收到和处理政府信息公开申请情况",
  "行政复议",
  "存在的主要问题",
  "其他需要报告的事项",
];
const CAPTIONS = new Set(TABLE_KEYS.map((t) => labelKey(TABLE_LAYOUTS[t].caption)));

function sectionScore(node: AnyNode): number {
  const text = labelKey(textOf(node));
  return SECTION_MARKS.filter((mark) => text.includes(mark)).length;
}

/** The deepest element that still holds as many section headings as the whole page; null if it holds < 2. */
export function findArticleRoot(doc: Document): Element | null {
  const best = sectionScore(doc);
  if (best < 2) return null;
  let node: Document | Element = doc;
  for (;;) {
    const child: Element | undefined = node.children.find(
      (c): c is Element => isElement(c) && sectionScore(c) === best,
    );
    if (!child) return node === doc ? null : (node as Element);
    node = child;
  }
}

/** Lines outside the article that belong to the report: page metadata and the title. */
const isReportFrontLine = (line: SourceLine) =>
  parseMetadataLine(lineText(line)) !== null || isTitle(lineText(line));

export function htmlToLines(html: string): { lines: SourceLine[]; captions: string[] } {
  const doc = parseHtml(html);
  const root = findArticleRoot(doc);
  const collector = new LineCollector((text) => CAPTIONS.has(labelKey(text)));
  if (!root) {
    for (const node of doc.children) collector.walk(node);
    collector.flush();
    return { lines: collector.lines, captions: collector.captions };
  }
  let start = 0;
  let end = 0;
  const visit = (node: AnyNode) => {
    if (node === root) {
      collector.flush();
      start = collector.lines.length;
      collector.walk(node);
      collector.flush();
      end = collector.lines.length;
    } else if (isElement(node) && DomUtils.findOne((el) => el === root, node.children, true)) {
      // Walk around the root element so its lines can be told apart from the chrome before and after it.
      node.children.forEach(visit);
    } else collector.walk(node);
  };
  doc.children.forEach(visit);
  collector.flush();
  const above = collector.lines.slice(0, start).filter(isReportFrontLine);
  return { lines: [...above, ...collector.lines.slice(start, end)], captions: collector.captions };
}

export function importHtml(html: string, options?: ImportOptions): ImportResult {
  const { lines, captions } = htmlToLines(html);
  const result = importLines(lines, options);
  result.ignored.push(...captions);
  return result;
}
