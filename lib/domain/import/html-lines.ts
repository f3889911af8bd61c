// HTML → source lines: block elements and <br> end lines, a data table's rows become row lines (spans expanded,
// see html-grid), layout tables (tables holding tables) are treated as plain blocks. Scripts, styles and hidden
// elements carry no report text.
import { DomUtils, parseDocument } from "htmlparser2";
import type { AnyNode, Element, Text } from "domhandler";
import { expandTableGrid, originTexts, type SpanCell } from "./html-grid";
import { proseLine, rowLine, type SourceLine } from "./source-lines";

const BLOCKS = new Set(
  (
    "address article aside blockquote body center div dl fieldset figcaption figure footer form h1 h2 h3 h4 " +
    "h5 h6 header hgroup hr html li main nav ol p pre section summary table tbody thead tfoot tr td th ul caption"
  ).split(" "),
);
const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "svg",
  "head",
  "object",
  "select",
  "button",
]);
const CJK = "[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]";
// A line break in the markup between two CJK characters is source formatting, not a space a reader sees.
const WRAPPED = new RegExp(`(${CJK})[ \\t]*[\\r\\n]\\s*(?=${CJK})`, "gu");

export const normalizeSpace = (text: string) => text.replace(WRAPPED, "$1").replace(/[ \t\r\n\f]+/g, " ");

function isHidden(el: Element): boolean {
  const style = (el.attribs.style ?? "").replace(/\s/g, "").toLowerCase();
  return "hidden" in el.attribs || style.includes("display:none") || style.includes("visibility:hidden");
}

export const isElement = (n: AnyNode): n is Element =>
  n.type === "tag" || n.type === "script" || n.type === "style";
const isText = (n: AnyNode): n is Text => n.type === "text";

const isSkipped = (el: Element) => SKIPPED.has(el.name) || isHidden(el);
const elements = (nodes: readonly AnyNode[]) => nodes.filter((n): n is Element => isElement(n));

/** A cell's or caption's text: its paragraphs and line breaks run together (「结果<br>纠正」 → 「结果纠正」). */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (node.type === "root") return node.children.map(textOf).join("");
  if (!isElement(node) || isSkipped(node)) return "";
  return node.children.map(textOf).join("");
}

const cellText = (el: Element) =>
  normalizeSpace(textOf(el))
    .trim()
    .replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");

function tableRows(table: Element): Element[] {
  const sections = elements(table.children).filter((el) => ["thead", "tbody", "tfoot"].includes(el.name));
  return [table, ...sections].flatMap((parent) => elements(parent.children).filter((el) => el.name === "tr"));
}

/** A table of data rather than page layout: no nested table, and more than one cell. */
function isDataTable(table: Element): boolean {
  if (DomUtils.findOne((el) => el.name === "table", table.children, true)) return false;
  const rows = tableRows(table);
  return rows.length > 1 || elements(rows[0]?.children ?? []).length > 1;
}

const span = (value: string | undefined) => (value === undefined ? 1 : Number.parseInt(value, 10) || 1);

export class LineCollector {
  readonly lines: SourceLine[] = [];
  /** Table captions left out of the text (the renderer's own captions would read as a stray heading). */
  readonly captions: string[] = [];
  private buffer = "";

  constructor(private readonly isKnownCaption: (text: string) => boolean) {}

  flush(): void {
    const text = normalizeSpace(this.buffer).trim();
    if (text !== "") this.lines.push(proseLine(text));
    this.buffer = "";
  }

  walk(node: AnyNode): void {
    if (isText(node)) {
      this.buffer += node.data;
      return;
    }
    if (!isElement(node) || isSkipped(node)) return;
    if (node.name === "br") return this.flush();
    if (node.name === "table" && isDataTable(node)) return this.table(node);
    const block = BLOCKS.has(node.name);
    if (block) this.flush();
    for (const child of node.children) this.walk(child);
    if (block) this.flush();
    // dt/dd pairs on one line must stay apart: 「索引号：」「…」「发布机构：」 parse as separate pairs.
    else if (node.name === "dt" || node.name === "dd") this.buffer += " ";
  }

  private table(table: Element): void {
    this.flush();
    const caption = elements(table.children).find((el) => el.name === "caption");
    if (caption) {
      const text = cellText(caption);
      if (this.isKnownCaption(text)) this.captions.push(text);
      else if (text) this.lines.push(proseLine(text));
    }
    const rows: SpanCell[][] = tableRows(table).map((tr) =>
      elements(tr.children)
        .filter((el) => el.name === "td" || el.name === "th")
        .map((cell) => ({
          text: cellText(cell),
          colSpan: span(cell.attribs.colspan),
          rowSpan: span(cell.attribs.rowspan),
        })),
    );
    for (const cells of originTexts(expandTableGrid(rows))) {
      if (cells.some((c) => c !== "")) this.lines.push(rowLine(cells));
    }
  }
}

export function parseHtml(html: string) {
  return parseDocument(html, { decodeEntities: true });
}
