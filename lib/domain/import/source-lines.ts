// The importers' common input: the document as lines, each a list of cells. Plain text splits `|` and tab
// rows into cells; HTML (and Word, through HTML) turns each <tr> into one row line and each block element
// into a one-cell line. Everything after this point — front matter, sections, tables — is one code path.

export interface SourceLine {
  /** Trimmed cell texts: a prose line has one, a table row several (blank cells kept as ""). */
  cells: string[];
  /** The line as printed (trimmed); what a paragraph keeps verbatim. */
  text: string;
  /** Cells came from `|`/tab separators or from a <tr>. */
  isRow: boolean;
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

/** Plain text (as copied from a web page) to lines; blank lines and separator-only lines carry nothing. */
export function textToLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    const printed = trimText(raw);
    if (printed === "") continue;
    if (!PIPE.test(printed) && !TAB_ROW.test(raw)) {
      lines.push({ cells: [printed], text: printed, isRow: false });
      continue;
    }
    const cells = splitRow(raw);
    // A line of bare separators ("|", "||||") is layout left over from a copied table, not a cell.
    if (cells.every((c) => c === "")) continue;
    lines.push({ cells, text: printed, isRow: true });
  }
  return lines;
}
