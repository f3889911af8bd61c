import "server-only";
import type { PdfPage, PdfRule, PdfTextItem } from "@/lib/domain/import/pdf-layout";

// A PDF's text layer and table rules with pdf.js (pdfjs-dist's legacy build: runs on Node 20, pure
// JavaScript, no worker thread, no font or network fetches). Positions come out in top-down page points; what
// they mean is lib/domain/import/pdf-layout's business. Used by the CLI and by the server's PDF upload; the
// browser never loads pdf.js.

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type Matrix = [number, number, number, number, number, number];

let loading: Promise<PdfJs> | null = null;

/** pdf.js with its "worker" running in this thread (set before the first document opens). */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // @ts-expect-error -- the worker module ships without type declarations; only its namespace is used.
    const worker: unknown = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return loading;
}

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

function boxOf(m: Matrix, [x0, y0, x1, y1]: readonly number[]): PdfRule {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [x0!, y0!],
    [x1!, y0!],
    [x0!, y1!],
    [x1!, y1!],
  ] as const) {
    xs.push(m[0] * x + m[2] * y + m[4]);
    ys.push(m[1] * x + m[3] * y + m[5]);
  }
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Point counts after each drawing op of pdf.js's path encoding (moveTo, lineTo, curveTo, quadraticCurveTo). */
const POINTS: Record<number, number> = { 0: 1, 1: 1, 2: 3, 3: 2, 4: 0 };

/** One bounding box per subpath: one path often paints many cell borders at once. */
function subpathBoxes(path: ArrayLike<number>): [number, number, number, number][] {
  const boxes: [number, number, number, number][] = [];
  let box: [number, number, number, number] | null = null;
  for (let i = 0; i < path.length;) {
    const op = path[i++]!;
    const points = POINTS[op];
    if (points === undefined) break;
    if (op === 0) {
      if (box) boxes.push(box);
      box = null;
    }
    for (let k = 0; k < points; k++, i += 2) {
      const x = path[i]!;
      const y = path[i + 1]!;
      box = box
        ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)]
        : [x, y, x, y];
    }
  }
  if (box) boxes.push(box);
  return boxes;
}

/** The painted rules of a page: thin filled rectangles and stroked paths (a stroked box gives its 4 edges). */
function rulesOf(pdfjs: PdfJs, ops: { fnArray: number[]; argsArray: unknown[] }, base: Matrix): PdfRule[] {
  const { OPS } = pdfjs;
  const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke]);
  const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const rules: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm = base;
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? base;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as Matrix | null;
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? base;
    else if (fn === OPS.constructPath && args) {
      const [op, data] = args as [number, [ArrayLike<number> | null] | null];
      const path = data?.[0];
      if (!path || !(FILLS.has(op) || STROKES.has(op))) return;
      for (const box of subpathBoxes(path)) {
        const b = boxOf(ctm, box);
        if (Math.min(b.x1 - b.x0, b.y1 - b.y0) <= 3) rules.push(b);
        else if (STROKES.has(op))
          rules.push({ ...b, y1: b.y0 }, { ...b, y0: b.y1 }, { ...b, x1: b.x0 }, { ...b, x0: b.x1 });
      }
    }
  });
  return rules;
}

/** Thrown for a file pdf.js cannot open (damaged, encrypted with a password). */
export class PdfReadError extends Error {}

export async function readPdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    throw new PdfReadError((err as Error).message);
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const base = viewport.transform as Matrix;
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str === "") continue;
        const m = multiply(base, item.transform as Matrix);
        items.push({ text: item.str, x: m[4], y: m[5], width: item.width, size: Math.hypot(m[2], m[3]) });
      }
      // Rules are only needed where there is text to place in tables.
      const rules = items.length ? rulesOf(pdfjs, await page.getOperatorList(), base) : [];
      pages.push({ width: viewport.width, height: viewport.height, items, rules });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
