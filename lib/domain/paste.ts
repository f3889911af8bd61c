// Pasting a rectangular block copied from Excel or WPS (tab-separated rows) at a cell of an official table.
// The block is laid over the grid from that cell; the plan lists every change with its old and new value, every
// piece of text that is not a number (not applied), the values that land on computed totals (compared, never
// stored) and what falls outside the table, so the user sees all of it before anything changes.
import { getCell, setCell, type CellValue } from "./cells";
import { parseCellInput } from "./cell-input";
import { cellId, type CellRef } from "./format";
import type { Tables } from "./report-schema";
import { TABLE_GRIDS, type GridCell } from "./table-grid";
import { computeTotals } from "./totals";

export interface PasteChange {
  ref: CellRef;
  before: CellValue;
  after: CellValue;
}

export interface PasteProblem {
  ref: CellRef;
  raw: string;
  message: string;
}

export interface PastedTotal {
  ref: CellRef;
  pasted: CellValue;
  /** The total computed from the cells after the paste. */
  computed: CellValue;
}

export interface PastePlan {
  changes: PasteChange[];
  /** Cells whose pasted value equals what they hold. */
  unchanged: number;
  invalid: PasteProblem[];
  totals: PastedTotal[];
  /** Pasted cells beyond the table's last row or column. */
  outside: number;
  /** Leading label columns (row names copied along with the figures) that were left out. */
  labelColumns: number;
}

/** Tab-separated rows; a trailing line break (Excel always adds one) and quoting of single cells are undone. */
export function parseClipboardBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  return lines.map((line) => line.split("\t").map((cell) => cell.replace(/^"(.*)"$/s, "$1").trim()));
}

/** Whether the text holds more than one cell (a single value is typed, not pasted as a block). */
export function isBlock(text: string): boolean {
  const block = parseClipboardBlock(text);
  return block.length > 1 || (block[0]?.length ?? 0) > 1;
}

const looksLikeLabel = (text: string) => /[\u4e00-\u9fff]{2,}/.test(text) && !/^\s*[\d.,，]+\s*$/.test(text);

/** Columns at the left that hold only row names (「一、本年新收…」), as when the label column was copied too. */
function countLabelColumns(block: string[][]): number {
  let count = 0;
  const width = Math.max(...block.map((r) => r.length));
  while (
    count < width - 1 &&
    block.every((row) => (row[count] ?? "") === "" || looksLikeLabel(row[count]!))
  ) {
    if (block.every((row) => (row[count] ?? "") === "")) break;
    count++;
  }
  return count;
}

/** The cells of the target rows from the start cell on, paired with the pasted texts. */
function targetsOf(start: CellRef, block: string[][]): { targets: [GridCell, string][]; outside: number } {
  const grid = TABLE_GRIDS[start.table];
  const origin = grid.byId.get(cellId(start));
  if (!origin) return { targets: [], outside: block.flat().length };
  const firstRow = grid.rows.findIndex((row) => row.includes(origin));
  const targets: [GridCell, string][] = [];
  let outside = 0;
  block.forEach((texts, i) => {
    const row = (grid.rows[firstRow + i] ?? []).filter((g) => g.col + g.colSpan > origin.col);
    texts.forEach((text, j) => {
      const target = row[j];
      if (target) targets.push([target, text]);
      else outside++;
    });
  });
  return { targets, outside };
}

export function planPaste(tables: Tables, start: CellRef, text: string): PastePlan {
  const raw = parseClipboardBlock(text);
  const labelColumns = countLabelColumns(raw);
  const block = raw.map((row) => row.slice(labelColumns));
  const { targets, outside } = targetsOf(start, block);
  const plan: PastePlan = { changes: [], unchanged: 0, invalid: [], totals: [], outside, labelColumns };
  const pastedTotals: [CellRef, CellValue][] = [];
  let next = tables;
  for (const [target, cellText] of targets) {
    const { ref, isDecimal, computed } = target.cell;
    const parsed = parseCellInput(cellText, isDecimal);
    if (!parsed.ok) {
      plan.invalid.push({ ref, raw: cellText, message: parsed.message });
    } else if (computed) {
      pastedTotals.push([ref, parsed.value]);
    } else if (String(parsed.value) === String(getCell(tables, ref))) {
      plan.unchanged++;
    } else {
      plan.changes.push({ ref, before: getCell(tables, ref), after: parsed.value });
      next = setCell(next, ref, parsed.value);
    }
  }
  const computedTables = computeTotals(next);
  plan.totals = pastedTotals.map(([ref, pasted]) => ({
    ref,
    pasted,
    computed: getCell(computedTables, ref),
  }));
  return plan;
}

/** The tables with the plan's changes applied and the totals computed. */
export function applyPaste(tables: Tables, plan: PastePlan): Tables {
  return computeTotals(plan.changes.reduce((t, c) => setCell(t, c.ref, c.after), tables));
}

/** Pasted totals that disagree with the computed ones: a sign that the block was copied misaligned. */
export function mismatchedTotals(plan: PastePlan): PastedTotal[] {
  return plan.totals.filter((t) => t.pasted !== null && String(t.pasted) !== String(t.computed));
}
