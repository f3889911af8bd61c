// Where a reviewer's remark points: the whole report, a section, a sub-item of section 一, or one table cell.
// Stored as a short string in ReportRemark.anchor: "report", "section:problems", "item:active",
// "cell:t3:newReceived:natural".
import {
  OVERVIEW_ITEMS,
  SECTIONS,
  cellId,
  describeCell,
  findCellDef,
  type CellRef,
  type OverviewItemKey,
  type SectionKey,
} from "./format";

export type RemarkAnchor =
  | { kind: "report" }
  | { kind: "section"; section: SectionKey }
  | { kind: "item"; item: OverviewItemKey }
  | { kind: "cell"; ref: CellRef };

export const REPORT_ANCHOR = "report";

export function parseAnchor(raw: string): RemarkAnchor | null {
  if (raw === REPORT_ANCHOR) return { kind: "report" };
  const [kind, ...rest] = raw.split(":");
  if (kind === "section" && rest.length === 1) {
    const section = SECTIONS.find((s) => s.key === rest[0]);
    return section ? { kind: "section", section: section.key } : null;
  }
  if (kind === "item" && rest.length === 1) {
    const item = OVERVIEW_ITEMS.find((i) => i.key === rest[0]);
    return item ? { kind: "item", item: item.key } : null;
  }
  if (kind === "cell" && rest.length === 3) {
    const def = findCellDef({ table: rest[0] as CellRef["table"], row: rest[1]!, col: rest[2]! });
    return def ? { kind: "cell", ref: { table: def.table, row: def.row, col: def.col } } : null;
  }
  return null;
}

export function anchorOf(anchor: RemarkAnchor): string {
  switch (anchor.kind) {
    case "report":
      return REPORT_ANCHOR;
    case "section":
      return `section:${anchor.section}`;
    case "item":
      return `item:${anchor.item}`;
    case "cell":
      return `cell:${anchor.ref.table}:${anchor.ref.row}:${anchor.ref.col}`;
  }
}

export const cellAnchor = (ref: CellRef) => anchorOf({ kind: "cell", ref });

/** The id of the cell a stored anchor points at ("t3:newReceived:natural"); null for any other or invalid anchor. */
export function anchoredCellId(raw: string): string | null {
  const anchor = parseAnchor(raw);
  return anchor?.kind === "cell" ? cellId(anchor.ref) : null;
}

/** The place in words, e.g. 表三“一、本年新收政府信息公开申请数量”行“自然人”列. */
export function describeAnchor(anchor: RemarkAnchor): string {
  switch (anchor.kind) {
    case "report":
      return "整篇报告";
    case "section":
      return SECTIONS.find((s) => s.key === anchor.section)!.title;
    case "item":
      return `一、总体情况${OVERVIEW_ITEMS.find((i) => i.key === anchor.item)!.title}`;
    case "cell":
      return describeCell(anchor.ref);
  }
}

/** Every anchor a remark form may offer besides cells, in reading order. */
export function listTextAnchors(): { anchor: string; label: string }[] {
  const all: RemarkAnchor[] = [
    { kind: "report" },
    { kind: "section", section: "overview" },
    ...OVERVIEW_ITEMS.map((i): RemarkAnchor => ({ kind: "item", item: i.key })),
    ...SECTIONS.filter((s) => s.key !== "overview").map((s): RemarkAnchor => ({
      kind: "section",
      section: s.key,
    })),
  ];
  return all.map((a) => ({ anchor: anchorOf(a), label: describeAnchor(a) }));
}
