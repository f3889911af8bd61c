// The importers' common input: the document as lines, each a list of cells. Plain text splits `|` and tab
// rows into cells; HTML (and Word, through HTML) turns each <tr> into one row line and each block element
// into a one-cell line. Text copied from a PDF viewer separates columns by spaces (see spacedRowCells).
// Everything after this point — front matter, sections, tables — is one code path.
import { matchOverviewItem, matchSectionHeading } from "./headings";
import { labelKey } from "./labels";

export interface SourceLine {
  /** Trimmed cell texts: a prose line has one, a table row several (blank cells kept as ""). */
  cells: string[];
  /** The line as printed (trimmed); what a paragraph keeps verbatim. */
  text: string;
  /** Cells came from `|`/tab separators or from a <tr>. */
  isRow: boolean;
  /**
   * A row split at spaces (a PDF-viewer copy): each cell's centre in display columns (a CJK character is two),
   * so values can be put under their column header when blank cells left no trace in the copy.
   */
  centers?: number[];
}

const EDGE_SPACE = /^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g;
const PIPE = /[|｜]/;
const PIPE_OR_TAB = /[|｜\t]/;
/** A tab after printed text: a row copied from Word or a spreadsheet (leading tabs are only indentation). */
const TAB_ROW = /\S[^\S\t]*\t/;

export const trimText = (text: string) => text.replace(EDGE_SPACE, "");

export function proseLine(text: string): SourceLine {
  const trimmed = trimText(text);
  return { cells: [trimmed], text: trimmed, isRow: false };
}

export function rowLine(cells: string[]): SourceLine {
  const trimmed = cells.map(trimText);
  return { cells: trimmed, text: trimmed.join(" | "), isRow: true };
}

/**
 * Cells of a copied table row. `|` rows end with a separator that closes the last cell ("规章 | 0 | 0 | 0 |");
 * tab rows do not, so their trailing tabs are blank cells (a printed zero), kept.
 */
function splitRow(raw: string): string[] {
  const content = raw.replace(/^[\s\u00a0\u3000]+/, "").replace(/[ \r\u00a0\u3000]+$/, "");
  if (!PIPE.test(content)) return content.split("\t").map(trimText);
  const cells = content.trimEnd().split(PIPE_OR_TAB).map(trimText);
  if (PIPE.test(content.trimEnd().slice(-1))) cells.pop();
  return cells;
}

const WORD_BREAK = /[\s\u00a0\u3000]+/;
/** A printed value a PDF copy puts after a row label: a count, a decimal fee, or a zero placeholder. */
const VALUE_WORD = /^(?:\d[\d,]*(?:\.\d+)?|[/\\]|-{1,2}|—{1,2}|–|−|无)$/;
const SENTENCE = /[。；;：:！？]/;
const isHeadingLike = (text: string) =>
  matchSectionHeading(text) !== null ||
  matchOverviewItem(text) !== null ||
  /政府信息公开(?:工作)?年度报告$/.test(labelKey(text)) ||
  /\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(text);

/** Punctuation of page tools and metadata (「【字体：大 中 小】」), which are never table header words. */
const NOT_HEADER_WORD = /[【】[\]：:。，,；;>＞»|]/;

/**
 * A table row copied from a PDF viewer: words separated by spaces, the row's values at the end
 * (「一、本年新收政府信息公开申请数量  12  3  0  0  1  0  16」), or a row of short header words
 * (「结果 结果 其他 尚未 总计」). Split into cells; null when the line is prose.
 */
export function spacedRowCells(printed: string): string[] | null {
  // A layout copy keeps wide gaps between columns: three or more cells apart are a row whatever they hold.
  const columns = printed.split(/[ \u00a0\u3000]{2,}|\t/).filter((w) => w !== "");
  if (columns.length >= 3 && !printed.includes("。")) return columns;
  // Two columns (「（六）其他处理  1.申请人…」, 「行政复议      行政诉讼」), unless the line is a heading or title.
  if (columns.length === 2 && !SENTENCE.test(printed) && !isHeadingLike(printed)) return columns;
  const words = printed.split(WORD_BREAK).filter((w) => w !== "");
  if (words.length < 2) return null;
  let values = 0;
  while (values < words.length && VALUE_WORD.test(words[words.length - 1 - values]!)) values++;
  const head = words.slice(0, words.length - values);
  const headText = head.join("");
  if (values >= 2 && !headText.includes("。")) return words;
  if (
    values === 1 &&
    head.length > 0 &&
    headText.length <= 24 &&
    !SENTENCE.test(headText) &&
    !/[，,]/.test(headText)
  )
    return words;
  if (values === 0 && words.length === 2 && labelKey(words[0]!) === "信息内容") return words;
  const headerWords =
    values === 0 && words.length >= 3 && words.every((w) => w.length <= 8 && !NOT_HEADER_WORD.test(w));
  return headerWords ? words : null;
}

const displayWidth = (text: string) =>
  [...text].reduce((w, ch) => w + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000]/.test(ch) ? 2 : 1), 0);

/** The display-column centre of each cell in the raw line, found left to right. */
function cellCenters(raw: string, cells: readonly string[]): number[] {
  let cursor = 0;
  return cells.map((cell) => {
    const at = raw.indexOf(cell, cursor);
    const start = displayWidth(raw.slice(0, Math.max(at, 0)));
    cursor = Math.max(at, cursor) + cell.length;
    return start + displayWidth(cell) / 2;
  });
}

/** Plain text (as copied from a web page) to lines; blank lines and separator-only lines carry nothing. */
export function textToLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    const printed = trimText(raw);
    if (printed === "") continue;
    if (!PIPE.test(printed) && !TAB_ROW.test(raw)) {
      const spaced = spacedRowCells(printed);
      lines.push(
        spaced
          ? { cells: spaced, text: printed, isRow: true, centers: cellCenters(raw, spaced) }
          : { cells: [printed], text: printed, isRow: false },
      );
      continue;
    }
    const cells = splitRow(raw);
    // A line of bare separators ("|", "||||") is layout left over from a copied table, not a cell.
    if (cells.every((c) => c === "")) continue;
    lines.push({ cells, text: printed, isRow: true });
  }
  return lines;
}
