// What changed between two versions of a report: tables cell by cell, prose paragraph by paragraph. Serves the
// review screen (previous submission, last year's report, the published edition) and the public correction notice.
import { listCells, type CellValue } from "./cells";
import { OVERVIEW_ITEMS, SECTIONS, describeCell, type CellRef } from "./format";
import type { Report } from "./report-schema";

export interface CellChange {
  ref: CellRef;
  before: CellValue;
  after: CellValue;
}

export type ParagraphChange =
  | { kind: "same"; text: string }
  | { kind: "added"; after: string }
  | { kind: "removed"; before: string }
  | { kind: "changed"; before: string; after: string };

/** A run of prose: a section, a sub-item of section 一, the preamble. */
export interface TextPart {
  /** Stable: "meta.preamble", "section:problems", "item:active". */
  key: string;
  label: string;
  changes: ParagraphChange[];
}

export interface FieldChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

export interface ReportDiff {
  fields: FieldChange[];
  texts: TextPart[];
  cells: CellChange[];
}

const sameValue = (a: CellValue, b: CellValue) =>
  a === null ? b === null : b !== null && String(a) === String(b);

/** Every cell whose value differs (a blank and a 0 differ). */
export function diffTables(before: Report["tables"], after: Report["tables"]): CellChange[] {
  const afterCells = listCells(after);
  return listCells(before).flatMap((cell, i) => {
    const next = afterCells[i]!.value;
    if (sameValue(cell.value, next)) return [];
    return [{ ref: { table: cell.table, row: cell.row, col: cell.col }, before: cell.value, after: next }];
  });
}

/** Longest common subsequence of equal paragraphs, as a table of suffix lengths. */
function lcsTable(a: readonly string[], b: readonly string[]): number[][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] =
        a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  return table;
}

/** Paragraphs aligned on unchanged ones; a removal directly followed by an addition reads as a change. */
export function diffParagraphs(before: readonly string[], after: readonly string[]): ParagraphChange[] {
  const table = lcsTable(before, after);
  const raw: ParagraphChange[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      raw.push({ kind: "same", text: before[i++]! });
      j++;
    } else if (i < before.length && (j === after.length || table[i + 1]![j]! >= table[i]![j + 1]!)) {
      raw.push({ kind: "removed", before: before[i++]! });
    } else {
      raw.push({ kind: "added", after: after[j++]! });
    }
  }
  return pairChanges(raw);
}

function pairChanges(raw: ParagraphChange[]): ParagraphChange[] {
  const out: ParagraphChange[] = [];
  for (let k = 0; k < raw.length; k++) {
    const removed = raw[k]!;
    const added = raw[k + 1];
    if (removed.kind === "removed" && added?.kind === "added") {
      out.push({ kind: "changed", before: removed.before, after: added.after });
      k++;
    } else out.push(removed);
  }
  return out;
}

function textRuns(report: Report): { key: string; label: string; paragraphs: string[] }[] {
  const { meta, sections } = report;
  const runs = [{ key: "meta.preamble", label: "导语", paragraphs: meta.preamble }];
  for (const s of SECTIONS) {
    runs.push({ key: `section:${s.key}`, label: s.title, paragraphs: sections[s.key].paragraphs });
    if (s.key !== "overview") continue;
    for (const def of OVERVIEW_ITEMS) {
      const item = sections.overview.items.find((i) => i.key === def.key);
      runs.push({
        key: `item:${def.key}`,
        label: `${s.title}${def.title}`,
        paragraphs: item?.paragraphs ?? [],
      });
    }
  }
  return runs;
}

function metaFields(report: Report): { key: string; label: string; value: string }[] {
  const { meta } = report;
  const contact = meta.contact ? Object.values(meta.contact).filter(Boolean).join("，") : "";
  return [
    { key: "meta.title", label: "标题", value: meta.title },
    { key: "meta.contact", label: "联系方式", value: contact },
    { key: "meta.signatureName", label: "落款", value: meta.signatureName },
    { key: "meta.signatureDate", label: "落款日期", value: meta.signatureDate ?? "" },
  ];
}

export function diffReports(before: Report, after: Report): ReportDiff {
  const afterFields = metaFields(after);
  const fields = metaFields(before).flatMap((f, i) => {
    const next = afterFields[i]!.value;
    return f.value === next ? [] : [{ key: f.key, label: f.label, before: f.value, after: next }];
  });
  const afterRuns = textRuns(after);
  const texts = textRuns(before).map((run, i) => ({
    key: run.key,
    label: run.label,
    changes: diffParagraphs(run.paragraphs, afterRuns[i]!.paragraphs),
  }));
  return { fields, texts, cells: diffTables(before.tables, after.tables) };
}

export const isTextPartChanged = (part: TextPart) => part.changes.some((c) => c.kind !== "same");

export function hasChanges(diff: ReportDiff): boolean {
  return diff.fields.length > 0 || diff.cells.length > 0 || diff.texts.some(isTextPartChanged);
}

const shown = (value: CellValue | string) => (value === null || value === "" ? "（空白）" : String(value));

/** One Chinese line per changed field, paragraph or cell: the public's field-level view of a correction. */
export function describeChanges(diff: ReportDiff): string[] {
  const fields = diff.fields.map((f) => `${f.label}：由“${shown(f.before)}”改为“${shown(f.after)}”`);
  const texts = diff.texts.flatMap((part) => {
    const counts = { added: 0, removed: 0, changed: 0 };
    for (const c of part.changes) if (c.kind !== "same") counts[c.kind]++;
    const words = [
      counts.changed ? `修改${counts.changed}段` : "",
      counts.added ? `新增${counts.added}段` : "",
      counts.removed ? `删除${counts.removed}段` : "",
    ].filter(Boolean);
    return words.length ? [`${part.label}：${words.join("，")}`] : [];
  });
  const cells = diff.cells.map((c) => `${describeCell(c.ref)}：由${shown(c.before)}改为${shown(c.after)}`);
  return [...fields, ...texts, ...cells];
}
