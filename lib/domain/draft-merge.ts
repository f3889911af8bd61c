// Resolving a refused save: the author's draft, the newer version someone else saved, and the version both
// started from, compared field by field (metadata, each run of prose, each cell, each explanation). Where only
// one side changed a field, that side is suggested; where both did, the author chooses. Pure and total: the
// merge starts from the newer version and takes the author's value wherever the author chose their own.
import { getCell, setCell, type CellValue } from "./cells";
import type { Explanation } from "./explanations";
import { ALL_CELLS, describeCell, cellId } from "./format";
import type { Report } from "./report-schema";
import { getRun, placeKey, placeLabel, setRun, TEXT_PLACES } from "./text-runs";
import { computeTotals } from "./totals";

export interface DraftDoc {
  content: Report;
  explanations: Explanation[];
}

export type Side = "mine" | "theirs";

export interface MergeField {
  key: string;
  label: string;
  kind: "meta" | "text" | "cell" | "explanation";
  mine: string;
  theirs: string;
  /** Both sides changed it since the common version (or the common version is unknown). */
  isConflict: boolean;
  suggestion: Side;
}

interface Accessor {
  key: string;
  label: string;
  kind: MergeField["kind"];
  get(doc: DraftDoc): string;
  set(doc: DraftDoc, from: DraftDoc): DraftDoc;
}

type MetaKey = "bodyName" | "title" | "signatureName" | "signatureDate";
const META_FIELDS: [MetaKey, string][] = [
  ["bodyName", "机关全称"],
  ["title", "标题"],
  ["signatureName", "落款"],
  ["signatureDate", "落款日期"],
];
const CONTACT_FIELDS = [
  ["office", "联系机构"],
  ["address", "联系地址"],
  ["phone", "联系电话"],
  ["postcode", "邮政编码"],
] as const;

const withContent = (doc: DraftDoc, content: Report): DraftDoc => ({ ...doc, content });
const cellText = (v: CellValue) => (v === null ? "" : String(v));

function metaAccessors(): Accessor[] {
  const plain = META_FIELDS.map(([name, label]): Accessor => ({
    key: `meta.${name}`,
    label,
    kind: "meta",
    get: (d) => d.content.meta[name] ?? "",
    set: (d, from) =>
      withContent(d, { ...d.content, meta: { ...d.content.meta, [name]: from.content.meta[name] } }),
  }));
  const contact = CONTACT_FIELDS.map(([name, label]): Accessor => ({
    key: `meta.contact.${name}`,
    label,
    kind: "meta",
    get: (d) => d.content.meta.contact?.[name] ?? "",
    set: (d, from) => {
      const base = d.content.meta.contact ?? { office: "", address: "", phone: "", postcode: "" };
      const contact = { ...base, [name]: from.content.meta.contact?.[name] ?? "" };
      return withContent(d, { ...d.content, meta: { ...d.content.meta, contact } });
    },
  }));
  return [...plain, ...contact];
}

function textAccessors(): Accessor[] {
  return TEXT_PLACES.map((place) => ({
    key: `text.${placeKey(place)}`,
    label: placeLabel(place),
    kind: "text",
    get: (d) => getRun(d.content, place).join("\n"),
    set: (d, from) => withContent(d, setRun(d.content, place, getRun(from.content, place))),
  }));
}

function cellAccessors(): Accessor[] {
  return ALL_CELLS.filter((c) => !c.computed).map((def) => ({
    key: `cell.${cellId(def)}`,
    label: describeCell(def),
    kind: "cell",
    get: (d) => cellText(getCell(d.content.tables, def)),
    set: (d, from) =>
      withContent(d, {
        ...d.content,
        tables: setCell(d.content.tables, def, getCell(from.content.tables, def)),
      }),
  }));
}

const explanationId = (e: Explanation) =>
  `${e.ruleId}|${e.cells.join(",")}|${e.values.map(String).join(",")}`;

function explanationAccessors(docs: DraftDoc[]): Accessor[] {
  const ids = [...new Set(docs.flatMap((d) => d.explanations.map(explanationId)))];
  const find = (d: DraftDoc, id: string) => d.explanations.find((e) => explanationId(e) === id);
  return ids.map((id) => {
    const sample = docs.map((d) => find(d, id)).find(Boolean)!;
    const where = sample.cells.length > 0 ? `（${sample.cells.length}个单元格）` : "";
    return {
      key: `explanation.${id}`,
      label: `${sample.ruleId}警告的说明${where}`,
      kind: "explanation",
      get: (d) => find(d, id)?.text ?? "",
      set: (d, from) => {
        const taken = find(from, id);
        const rest = d.explanations.filter((e) => explanationId(e) !== id);
        return { ...d, explanations: taken ? [...rest, taken] : rest };
      },
    };
  });
}

function accessorsFor(docs: DraftDoc[]): Accessor[] {
  return [...metaAccessors(), ...textAccessors(), ...cellAccessors(), ...explanationAccessors(docs)];
}

/** Every field on which the author's draft and the newer version differ, with a suggested side. */
export function planMerge(base: DraftDoc | null, mine: DraftDoc, theirs: DraftDoc): MergeField[] {
  return accessorsFor([mine, theirs]).flatMap((a) => {
    const [m, t] = [a.get(mine), a.get(theirs)];
    if (m === t) return [];
    const b = base ? a.get(base) : null;
    const iChanged = b === null || m !== b;
    const theyChanged = b === null || t !== b;
    const suggestion: Side = iChanged ? "mine" : "theirs";
    return [
      {
        key: a.key,
        label: a.label,
        kind: a.kind,
        mine: m,
        theirs: t,
        isConflict: iChanged && theyChanged,
        suggestion,
      },
    ];
  });
}

/** The newer version with the author's value taken for every field chosen "mine"; totals recomputed. */
export function applyMerge(mine: DraftDoc, theirs: DraftDoc, choices: Record<string, Side>): DraftDoc {
  const merged = accessorsFor([mine, theirs])
    .filter((a) => choices[a.key] === "mine")
    .reduce((doc, a) => a.set(doc, mine), theirs);
  return withContent(merged, { ...merged.content, tables: computeTotals(merged.content.tables) });
}

/** The suggested side of every field. */
export function suggestedChoices(fields: readonly MergeField[]): Record<string, Side> {
  return Object.fromEntries(fields.map((f) => [f.key, f.suggestion]));
}
