// HTML of a published report page → a report. The article body is the smallest element holding the section
// headings (found as heading-like blocks, never as names inside prose, and often plain <p> without <h*>); outside it only the page's metadata and the title are kept (breadcrumbs, menus and footers are site
// chrome). The body goes through the same line model and placement as plain text.
import type { AnyNode, Document, Element } from "domhandler";
import { DomUtils } from "htmlparser2";
import { TABLE_KEYS, TABLE_LAYOUTS } from "../table-layout";
import { importLines, type ImportOptions } from "./assemble";
import { isTitle, lineText, parseMetadataLine } from "./front-matter";
import type { ImportResult } from "./import-log";
import { labelKey } from "./labels";
import { matchSectionHeading } from "./headings";
import { LineCollector, isElement, normalizeSpace, parseHtml, textOf } from "./html-lines";
import type { SourceLine } from "./source-lines";

const CAPTIONS = new Set(TABLE_KEYS.map((t) => labelKey(TABLE_LAYOUTS[t].caption)));

/**
 * Elements printed as a section heading: their whole text is 「一、总体情况」 or the like. Names of the
 * sections inside running prose (a preamble listing all six parts) are not headings.
 */
function headingElements(doc: Document): Map<Element, string> {
  const found = new Map<Element, string>();
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    const text = normalizeSpace(textOf(el)).trim();
    if (text.length > 60) continue;
    const heading = matchSectionHeading(text);
    if (heading) found.set(el, heading.key);
  }
  return found;
}

function sectionScore(node: Document | Element, headings: Map<Element, string>): number {
  const keys = new Set<string>();
  const own = headings.get(node as Element);
  if (own) keys.add(own);
  for (const el of DomUtils.findAll((e) => headings.has(e), node.children)) keys.add(headings.get(el)!);
  return keys.size;
}

/** The deepest element that still holds as many section headings as the whole page; null if it holds < 2. */
export function findArticleRoot(doc: Document): Element | null {
  const headings = headingElements(doc);
  const best = sectionScore(doc, headings);
  if (best < 2) return null;
  let node: Document | Element = doc;
  for (;;) {
    const child: Element | undefined = node.children.find(
      (c): c is Element => isElement(c) && sectionScore(c, headings) === best,
    );
    // A heading element itself is never the article: the article holds it.
    if (!child || headings.has(child)) return node === doc ? null : (node as Element);
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
