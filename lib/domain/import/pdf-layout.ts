// A PDF's text layer as the importers' lines. A PDF has no paragraphs or tables, only glyph runs at positions
// and the strokes of table borders; this module rebuilds both from positions (top-down page coordinates):
// - tables from their ruling lines: the grid of horizontal and vertical rules, cells merged where a rule is
//   missing (rowspan/colspan), each text run placed in the cell around it, wrapped labels joined, empty cells
//   kept as blank cells so every number stays under its header; a table continued on the next page drops the
//   repeated header rows and goes on;
// - prose from lines: lines joined into paragraphs (a new one at an indent, after a short line, at a heading);
// - running headers, footers and page numbers (in the page margins, repeated or numeric) dropped.
// The output is the same SourceLine form the text and HTML importers produce, so one importer and one set of
// rules run on it.
import { labelKey } from "./labels";
import { proseLine, rowLine, type SourceLine } from "./source-lines";

export interface PdfTextItem {
  text: string;
  /** Left end of the baseline, top-down page coordinates (points). */
  x: number;
  y: number;
  width: number;
  /** Font size (points). */
  size: number;
}

/** The bounding box of one painted rule (a thin filled rectangle or a stroked line), top-down coordinates. */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
  rules: PdfRule[];
}

// --- characters -------------------------------------------------------------------------------------------

/** CJK Radicals Supplement forms that PDF generators map glyphs to instead of the ideograph. */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  "⺁": "厂",
  "⺇": "几",
  "⺌": "小",
  "⺍": "小",
  "⺎": "兀",
  "⺏": "尢",
  "⺐": "尢",
  "⺑": "尢",
  "⺒": "巳",
  "⺓": "幺",
  "⺔": "彑",
  "⺖": "忄",
  "⺗": "心",
  "⺘": "扌",
  "⺙": "攵",
  "⺛": "旡",
  "⺝": "月",
  "⺟": "母",
  "⺠": "民",
  "⺡": "氵",
  "⺢": "氺",
  "⺣": "灬",
  "⺤": "爫",
  "⺦": "丬",
  "⺧": "牛",
  "⺨": "犭",
  "⺩": "王",
  "⺪": "疋",
  "⺫": "目",
  "⺬": "示",
  "⺭": "礻",
  "⺮": "竹",
  "⺯": "糸",
  "⺰": "纟",
  "⺲": "罒",
  "⺳": "网",
  "⺴": "网",
  "⺵": "网",
  "⺶": "羊",
  "⺷": "羊",
  "⺸": "羊",
  "⺹": "老",
  "⺺": "肀",
  "⺻": "聿",
  "⺼": "肉",
  "⺽": "臼",
  "⺾": "艹",
  "⺿": "艹",
  "⻀": "艹",
  "⻁": "虎",
  "⻂": "衤",
  "⻃": "西",
  "⻄": "西",
  "⻅": "见",
  "⻆": "角",
  "⻇": "角",
  "⻈": "讠",
  "⻉": "贝",
  "⻋": "车",
  "⻌": "辶",
  "⻍": "辶",
  "⻏": "阝",
  "⻐": "钅",
  "⻑": "長",
  "⻒": "镸",
  "⻓": "长",
  "⻔": "门",
  "⻕": "阝",
  "⻗": "雨",
  "⻘": "青",
  "⻙": "韦",
  "⻚": "页",
  "⻛": "风",
  "⻜": "飞",
  "⻝": "食",
  "⻟": "食",
  "⻠": "饣",
  "⻢": "马",
  "⻣": "骨",
  "⻤": "鬼",
  "⻥": "鱼",
  "⻦": "鸟",
  "⻧": "卤",
  "⻨": "麦",
  "⻩": "黄",
  "⻪": "黾",
  "⻫": "齐",
  "⻬": "齐",
  "⻭": "齿",
  "⻯": "龙",
  "⻰": "龙",
  "⻳": "龟",
};

/** Kangxi radicals (U+2F00–U+2FD5) and radical-supplement forms back to the ideographs they stand for. */
export function fixRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2ef3\u2f00-\u2fd5]/g, (ch) =>
    ch >= "\u2f00" ? ch.normalize("NFKC") : (RADICAL_SUPPLEMENT[ch] ?? ch),
  );
}

// --- tables from rules -------------------------------------------------------------------------------------

const TOL = 2;
const THIN = 3;

interface HRule {
  y: number;
  x0: number;
  x1: number;
}
interface VRule {
  x: number;
  y0: number;
  y1: number;
}

interface Cell {
  row: number;
  col: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  items: PdfTextItem[];
}

interface Table {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  cells: Cell[];
}

/** Collinear pieces that meet or overlap as one rule (borders are often painted one cell edge at a time). */
function joinCollinear<T>(
  rules: T[],
  at: (r: T) => number,
  from: (r: T) => number,
  to: (r: T) => number,
  make: (at: number, from: number, to: number) => T,
): T[] {
  const byPosition = [...rules].sort((a, b) => at(a) - at(b));
  const lines: T[][] = [];
  for (const r of byPosition) {
    const line = lines[lines.length - 1];
    if (line && at(r) - at(line[0]!) <= TOL) line.push(r);
    else lines.push([r]);
  }
  const out: T[] = [];
  for (const line of lines) {
    const position = at(line[0]!);
    let current: [number, number] | null = null;
    for (const r of line.sort((a, b) => from(a) - from(b))) {
      if (current && from(r) <= current[1] + TOL) current[1] = Math.max(current[1], to(r));
      else {
        if (current) out.push(make(position, current[0], current[1]));
        current = [from(r), to(r)];
      }
    }
    if (current) out.push(make(position, current[0], current[1]));
  }
  return out;
}

function splitRules(rules: readonly PdfRule[]): { h: HRule[]; v: VRule[] } {
  const h: HRule[] = [];
  const v: VRule[] = [];
  for (const r of rules) {
    const w = r.x1 - r.x0;
    const ht = r.y1 - r.y0;
    if (ht <= THIN && w > THIN) h.push({ y: (r.y0 + r.y1) / 2, x0: r.x0, x1: r.x1 });
    else if (w <= THIN && ht > THIN) v.push({ x: (r.x0 + r.x1) / 2, y0: r.y0, y1: r.y1 });
  }
  return {
    h: joinCollinear(
      h,
      (r) => r.y,
      (r) => r.x0,
      (r) => r.x1,
      (y, x0, x1) => ({ y, x0, x1 }),
    ),
    v: joinCollinear(
      v,
      (r) => r.x,
      (r) => r.y0,
      (r) => r.y1,
      (x, y0, y1) => ({ x, y0, y1 }),
    ),
  };
}

/** Distinct positions, values within TOL of each other counted once. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1]! > TOL) out.push(v);
  return out;
}

const touches = (h: HRule, v: VRule) =>
  v.x >= h.x0 - TOL && v.x <= h.x1 + TOL && h.y >= v.y0 - TOL && h.y <= v.y1 + TOL;

/** Groups of rules that touch each other: one group per table on the page. */
function ruleGroups(h: HRule[], v: VRule[]): { h: HRule[]; v: VRule[] }[] {
  const parent = [...h, ...v].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  h.forEach((hr, i) =>
    v.forEach((vr, j) => {
      if (touches(hr, vr)) parent[find(i)] = find(h.length + j);
    }),
  );
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  const groupOf = (i: number) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, { h: [], v: [] });
    return groups.get(root)!;
  };
  h.forEach((r, i) => groupOf(i).h.push(r));
  v.forEach((r, j) => groupOf(h.length + j).v.push(r));
  return [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
}

function buildTable(group: { h: HRule[]; v: VRule[] }): Table | null {
  const xs = cluster(group.v.map((r) => r.x));
  const ys = cluster(group.h.map((r) => r.y));
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const hasV = (x: number, y: number) =>
    group.v.some((r) => Math.abs(r.x - x) <= TOL && r.y0 - TOL <= y && y <= r.y1 + TOL);
  const hasH = (y: number, x: number) =>
    group.h.some((r) => Math.abs(r.y - y) <= TOL && r.x0 - TOL <= x && x <= r.x1 + TOL);
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < rows; i++) {
    const ym = (ys[i]! + ys[i + 1]!) / 2;
    for (let j = 0; j < cols; j++) {
      const xm = (xs[j]! + xs[j + 1]!) / 2;
      if (j + 1 < cols && !hasV(xs[j + 1]!, ym)) parent[find(i * cols + j + 1)] = find(i * cols + j);
      if (i + 1 < rows && !hasH(ys[i + 1]!, xm)) parent[find((i + 1) * cols + j)] = find(i * cols + j);
    }
  }
  const merged = new Map<number, Cell>();
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const root = find(i * cols + j);
      const cell = merged.get(root);
      if (!cell) {
        merged.set(root, {
          row: i,
          col: j,
          x0: xs[j]!,
          y0: ys[i]!,
          x1: xs[j + 1]!,
          y1: ys[i + 1]!,
          items: [],
        });
      } else {
        cell.x1 = Math.max(cell.x1, xs[j + 1]!);
        cell.y1 = Math.max(cell.y1, ys[i + 1]!);
      }
    }
  }
  return { x0: xs[0]!, y0: ys[0]!, x1: xs[cols]!, y1: ys[rows]!, cells: [...merged.values()] };
}

/** Where the eye sees a glyph run: its horizontal middle, a little above the baseline. */
const centre = (item: PdfTextItem) => ({ x: item.x + item.width / 2, y: item.y - item.size * 0.35 });

/**
 * A run printed across cell borders (some writers set a whole row as one run) cut at the borders, assuming
 * evenly wide characters; a run inside one cell comes back whole.
 */
function splitAtBorders(tables: readonly Table[], item: PdfTextItem): PdfTextItem[] {
  const { y } = centre(item);
  const chars = [...item.text];
  if (chars.length < 2) return [item];
  const row = tables
    .flatMap((t) => t.cells)
    .filter((c) => y >= c.y0 && y <= c.y1 && c.x0 < item.x + item.width && c.x1 > item.x);
  if (row.length < 2) return [item];
  const step = item.width / chars.length;
  const cellAt = (i: number) =>
    row.find((c) => item.x + (i + 0.5) * step >= c.x0 && item.x + (i + 0.5) * step <= c.x1);
  const pieces: PdfTextItem[] = [];
  for (let start = 0; start < chars.length;) {
    const cell = cellAt(start);
    let end = start + 1;
    while (end < chars.length && cellAt(end) === cell) end++;
    const text = chars.slice(start, end).join("");
    pieces.push({ ...item, text, x: item.x + start * step, width: (end - start) * step });
    start = end;
  }
  return pieces.filter((p) => p.text.trim() !== "");
}

function placeInTable(tables: readonly Table[], item: PdfTextItem): boolean {
  const { x, y } = centre(item);
  for (const table of tables) {
    if (x < table.x0 || x > table.x1 || y < table.y0 || y > table.y1) continue;
    const cell = table.cells.find((c) => x >= c.x0 && x <= c.x1 && y >= c.y0 && y <= c.y1);
    if (cell) {
      cell.items.push(item);
      return true;
    }
  }
  return false;
}

// --- lines of text -----------------------------------------------------------------------------------------

interface TextLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Has a gap wider than a character and a half: columns, not running text. */
  wide: boolean;
}

const ASCII_WORD = /[A-Za-z0-9]$/;

/** Glyph runs grouped by baseline, left to right; a visible gap between runs becomes one space. */
function toLines(items: readonly PdfTextItem[]): TextLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (first && Math.abs(item.y - first.y) <= Math.max(first.size, item.size) * 0.4) line.push(item);
    else lines.push([item]);
  }
  return lines.map((runs) => {
    runs.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    let wide = false;
    for (const run of runs) {
      const gap = run.x - end;
      // A wide gap separates columns of a table drawn without rules: kept as a run of spaces, as a PDF
      // viewer's copy shows it, so the text importer can still split the columns.
      if (text && gap > run.size * 1.5) {
        text = `${text.trimEnd()}   `;
        wide = true;
      } else if (text && gap > run.size * 0.3 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += " ";
      text += run.text;
      end = Math.max(end, run.x + run.width);
    }
    const size = Math.max(...runs.map((r) => r.size));
    return { text: text.trim(), x0: runs[0]!.x, x1: end, y: runs[0]!.y, size, wide };
  });
}

/** A cell's text: its lines joined without a break (a wrapped Chinese label is one label). */
function cellText(cell: Cell): string {
  const lines = toLines(cell.items).map((l) => l.text);
  return lines.reduce(
    (acc, line) => (acc && ASCII_WORD.test(acc) && /^[A-Za-z]/.test(line) ? `${acc} ${line}` : acc + line),
    "",
  );
}

/** Table rows top to bottom; a spanning cell is printed in the first row it covers (as a copied table is). */
function tableRows(table: Table): string[][] {
  const rows = new Map<number, Cell[]>();
  for (const cell of table.cells) rows.set(cell.row, [...(rows.get(cell.row) ?? []), cell]);
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, cells]) => cells.sort((a, b) => a.col - b.col).map(cellText))
    .filter((cells) => cells.some((c) => c !== ""));
}

// --- the document -------------------------------------------------------------------------------------------

type Block = { kind: "prose"; y: number; line: TextLine } | { kind: "table"; y: number; rows: string[][] };

const MARGIN_ZONE = 0.09;
const PAGE_NUMBER = /^[-—–－_·\s]*(?:第\s*)?#+\s*(?:页)?(?:\s*[/／共]\s*#+\s*页?)?[-—–－_·\s]*$/;
const marginKey = (text: string) => labelKey(text).replace(/\d+/g, "#");

function pageBlocks(page: PdfPage): Block[] {
  const { h, v } = splitRules(page.rules);
  const tables = ruleGroups(h, v)
    .map(buildTable)
    .filter((t): t is Table => t !== null);
  const loose: PdfTextItem[] = [];
  for (const raw of page.items) {
    const text = fixRadicals(raw.text);
    if (text.trim() === "") continue;
    const item = { ...raw, text };
    for (const piece of splitAtBorders(tables, item)) if (!placeInTable(tables, piece)) loose.push(piece);
  }
  const blocks: Block[] = toLines(loose).map((line) => ({ kind: "prose", y: line.y, line }));
  for (const table of tables) {
    const rows = tableRows(table);
    if (rows.length) blocks.push({ kind: "table", y: table.y0, rows });
  }
  return blocks.sort((a, b) => a.y - b.y);
}

/** Running heads and page numbers: text in the top or bottom margin that is numeric or repeats across pages. */
function dropRunningText(pages: readonly PdfPage[], blocks: Block[][]): Block[][] {
  const inMargin = (page: PdfPage, b: Block) =>
    b.kind === "prose" && (b.y < page.height * MARGIN_ZONE || b.y > page.height * (1 - MARGIN_ZONE));
  const seen = new Map<string, number>();
  blocks.forEach((page, p) => {
    const keys = new Set(
      page.filter((b) => inMargin(pages[p]!, b)).map((b) => marginKey((b as { line: TextLine }).line.text)),
    );
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  });
  return blocks.map((page, p) =>
    page.filter((b) => {
      if (!inMargin(pages[p]!, b) || b.kind !== "prose") return true;
      const key = marginKey(b.line.text);
      return !(PAGE_NUMBER.test(key) || (pages.length > 1 && (seen.get(key) ?? 0) > 1));
    }),
  );
}

const HEADING_START =
  /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+部分)/;

/** Whether `line` goes on the paragraph of `prev` (same page width measures `left`/`right`). */
function continues(prev: TextLine, line: TextLine, left: number, right: number): boolean {
  if (Math.abs(prev.size - line.size) > prev.size * 0.1 || prev.wide || line.wide) return false;
  // A page of short lines only gives no margins to measure against: every line stands alone.
  if (!Number.isFinite(left) || !Number.isFinite(right)) return false;
  // A title printed over two centred lines (larger than the body text) is one title.
  const middle = (left + right) / 2;
  const centred = (l: TextLine) => Math.abs((l.x0 + l.x1) / 2 - middle) < l.size;
  if (centred(prev) && centred(line) && line.x0 > left + line.size && !/[。：:]$/.test(prev.text))
    return true;
  if (line.x0 > left + line.size * 0.9) return false;
  if (prev.x1 < right - prev.size * 1.5) return false;
  return !HEADING_START.test(line.text);
}

const isHeaderRow = (cells: readonly string[]) => cells.every((c) => !/\d/.test(c) || c.length > 12);

/** The report's lines: paragraphs joined, tables as rows, a table continued over a page break kept as one. */
export function pdfPagesToLines(pages: readonly PdfPage[]): SourceLine[] {
  const blocks = dropRunningText(pages, pages.map(pageBlocks));
  const lines: SourceLine[] = [];
  let paragraph: { text: string; last: TextLine } | null = null;
  /** The header rows of the table that ended the previous page, if it did. */
  let carried: Set<string> | null = null;
  const flush = () => {
    if (paragraph) lines.push(proseLine(paragraph.text));
    paragraph = null;
  };
  for (const page of blocks) {
    const prose = page.flatMap((b) => (b.kind === "prose" ? [b.line] : []));
    const body = prose.filter((l) => l.text.length > 4);
    const left = Math.min(...body.map((l) => l.x0));
    const right = Math.max(...body.map((l) => l.x1));
    let pageHeader: Set<string> | null = null;
    page.forEach((block, index) => {
      if (block.kind === "table") {
        flush();
        // A table opening the page after a table that closed the last one is its continuation: the
        // repeated header rows go.
        const continued = index === 0 && carried !== null;
        const header: Set<string> = continued ? carried! : new Set<string>();
        let leading = true;
        for (const cells of block.rows) {
          const key = cells.map(labelKey).join("\t");
          if (leading && isHeaderRow(cells)) {
            if (continued && header.has(key)) continue;
            header.add(key);
          } else leading = false;
          lines.push(rowLine(cells));
        }
        pageHeader = header;
        return;
      }
      pageHeader = null;
      const line = block.line;
      if (paragraph && continues(paragraph.last, line, left, right)) {
        paragraph.text +=
          ASCII_WORD.test(paragraph.text) && /^[A-Za-z]/.test(line.text) ? ` ${line.text}` : line.text;
        paragraph.last = line;
      } else {
        flush();
        paragraph = { text: line.text, last: line };
      }
    });
    carried = pageHeader;
  }
  flush();
  return lines;
}

/** Whether the pages carry any text at all (a scan has none). */
export const hasTextLayer = (pages: readonly PdfPage[]) =>
  pages.some((p) => p.items.some((i) => i.text.trim() !== ""));
