// The header grids of the three statistical tables (docs/format.md §3–5) as data, not markup. One description feeds
// the reader's tables, the editor grid, the HTML and text renderers and the Word exporter, so their multi-level
// headers cannot drift apart. Each row lists only the cells that start in it (a cell spanning down is not
// repeated), which is exactly what <tr> markup, a Word table row and the flattened `|` text rows need.
import {
  SECTIONS,
  T2_BLOCKS,
  T2_CONTENT_LABEL,
  T3_APPLICANT_HEADING,
  T3_COLUMNS,
  T3_CORNER_NOTE,
  T3_LEGAL_PERSON_HEADING,
  T3_RESULT_GROUPS,
  T3_RESULTS_HEADING,
  T3_ROWS,
  T4_GROUPS,
  T4_LITIGATION_HEADING,
  T4_OUTCOMES,
  T4_ROW_KEY,
  TABLE_TITLES,
  findCellDef,
  type CellRef,
  type SectionKey,
  type TableKey,
} from "./format";

export type HeaderScope = "col" | "colgroup" | "row" | "rowgroup";

interface Span {
  colSpan: number;
  rowSpan: number;
}

export interface LayoutHeaderCell extends Span {
  kind: "header";
  /** Unique within its table and stable; a page showing several tables prefixes it (see render/html-table). */
  id: string;
  text: string;
  scope: HeaderScope;
}

/** Table 三's corner: the printed 勾稽 note. It labels no value, so it is not a header. */
export interface LayoutNoteCell extends Span {
  kind: "note";
  id: string;
  text: string;
}

export interface LayoutValueCell extends Span {
  kind: "value";
  ref: CellRef;
  /** Ids of every header cell labelling this value, outermost first (for `<td headers>`). */
  headers: string[];
  isDecimal: boolean;
  computed: boolean;
}

export type LayoutCell = LayoutHeaderCell | LayoutNoteCell | LayoutValueCell;

export interface LayoutRow {
  cells: LayoutCell[];
}

/** "head" rows label columns (`<thead>`); each "body" group is one `<tbody>` (table 二 has one per block). */
export interface LayoutRowGroup {
  kind: "head" | "body";
  rows: LayoutRow[];
}

export interface TableLayout {
  table: TableKey;
  section: SectionKey;
  /** 「表二　主动公开政府信息情况」: the table's name for `<caption>` and exports. */
  caption: string;
  columnCount: number;
  groups: LayoutRowGroup[];
}

function header(id: string, text: string, scope: HeaderScope, span: Partial<Span> = {}): LayoutHeaderCell {
  return { kind: "header", id, text, scope, colSpan: span.colSpan ?? 1, rowSpan: span.rowSpan ?? 1 };
}

function value(ref: CellRef, headers: string[], colSpan = 1): LayoutValueCell {
  const def = findCellDef(ref);
  if (!def) throw new Error(`table-layout: ${ref.table}:${ref.row}:${ref.col} is not a cell of the format`);
  const { isDecimal, computed } = def;
  return { kind: "value", ref, headers, colSpan, rowSpan: 1, isDecimal, computed };
}

const SECTION_OF: Record<TableKey, SectionKey> = { t2: "proactive", t3: "requests", t4: "appeals" };

function tableLayout(table: TableKey, columnCount: number, groups: LayoutRowGroup[]): TableLayout {
  const section = SECTION_OF[table];
  const title = SECTIONS.find((s) => s.key === section)!.title.replace(/^[一二三四五六]、/, "");
  return { table, section, caption: `${TABLE_TITLES[table]}　${title}`, columnCount, groups };
}

// Table 二: four blocks of 4 columns; a block with fewer value columns lets its last column span the rest.
const T2_WIDTH = 4;

function table2Layout(): TableLayout {
  const groups = T2_BLOCKS.map((block): LayoutRowGroup => {
    const blockId = `t2-${block.key}`;
    const colIds = block.columns.map((c) => `${blockId}-${c.key}`);
    const spanOf = (i: number) => (i === block.columns.length - 1 ? T2_WIDTH - block.columns.length : 1);
    const headingRow = { cells: [header(blockId, block.heading, "rowgroup", { colSpan: T2_WIDTH })] };
    const columnRow = {
      cells: [
        header(`${blockId}-content`, T2_CONTENT_LABEL, "col"),
        ...block.columns.map((c, i) => header(colIds[i]!, c.label, "col", { colSpan: spanOf(i) })),
      ],
    };
    const valueRows = block.rows.map((r) => ({
      cells: [
        header(`t2-${r.key}`, r.label, "row"),
        ...block.columns.map((c, i) =>
          value({ table: "t2", row: r.key, col: c.key }, [blockId, colIds[i]!, `t2-${r.key}`], spanOf(i)),
        ),
      ],
    }));
    return { kind: "body", rows: [headingRow, columnRow, ...valueRows] };
  });
  return tableLayout("t2", T2_WIDTH, groups);
}

// Table 三: 3 label columns + 7 value columns; the corner note spans the 3 × 3 top-left block.
const T3_LABEL_COLUMNS = 3;

function table3ColumnHeaders(): { head: LayoutRowGroup; idsOf: Map<string, string[]> } {
  const ids = { applicant: "t3-applicant", legalPerson: "t3-legalPerson" };
  const colId = (key: string) => `t3-c-${key}`;
  const orgs = T3_COLUMNS.filter((c) => c.legalPerson);
  const head: LayoutRowGroup = {
    kind: "head",
    rows: [
      {
        cells: [
          { kind: "note", id: "t3-note", text: T3_CORNER_NOTE, colSpan: T3_LABEL_COLUMNS, rowSpan: 3 },
          header(ids.applicant, T3_APPLICANT_HEADING, "colgroup", { colSpan: T3_COLUMNS.length }),
        ],
      },
      {
        cells: [
          header(colId("natural"), "自然人", "col", { rowSpan: 2 }),
          header(ids.legalPerson, T3_LEGAL_PERSON_HEADING, "colgroup", { colSpan: orgs.length }),
          header(colId("total"), "总计", "col", { rowSpan: 2 }),
        ],
      },
      { cells: orgs.map((c) => header(colId(c.key), c.label, "col")) },
    ],
  };
  const idsOf = new Map(
    T3_COLUMNS.map((c) => [
      c.key as string,
      c.legalPerson ? [ids.applicant, ids.legalPerson, colId(c.key)] : [ids.applicant, colId(c.key)],
    ]),
  );
  return { head, idsOf };
}

type T3Row = (typeof T3_ROWS)[number];
const RESULT_ROW_COUNT = T3_ROWS.filter((r) => "group" in r).length;

/** The row headers that start in this row (三、本年度办理结果, a group, the row's label), and all its labels. */
function t3RowHeaders(row: T3Row, previous: T3Row | undefined): { cells: LayoutCell[]; ids: string[] } {
  const cells: LayoutCell[] = [];
  const ids: string[] = [];
  const group = "group" in row ? row.group : undefined;
  if (group) {
    if (!previous || !("group" in previous)) {
      cells.push(header("t3-results", T3_RESULTS_HEADING, "rowgroup", { rowSpan: RESULT_ROW_COUNT }));
    }
    ids.push("t3-results");
  }
  if (row.level === "item" && group) {
    const label = T3_RESULT_GROUPS.find((g) => g.key === group)!.label;
    if (!previous || !("group" in previous) || previous.group !== group) {
      const rowSpan = T3_ROWS.filter((r) => r.level === "item" && r.group === group).length;
      cells.push(header(`t3-g-${group}`, label, "rowgroup", { rowSpan }));
    }
    ids.push(`t3-g-${group}`);
  }
  const colSpan = row.level === "top" ? 3 : row.level === "group" ? 2 : 1;
  cells.push(header(`t3-r-${row.key}`, row.label, "row", { colSpan }));
  ids.push(`t3-r-${row.key}`);
  return { cells, ids };
}

function table3Layout(): TableLayout {
  const { head, idsOf } = table3ColumnHeaders();
  const rows = T3_ROWS.map((row, i): LayoutRow => {
    const labels = t3RowHeaders(row, T3_ROWS[i - 1]);
    const values = T3_COLUMNS.map((col) =>
      value({ table: "t3", row: row.key, col: col.key }, [...labels.ids, ...idsOf.get(col.key)!]),
    );
    return { cells: [...labels.cells, ...values] };
  });
  return tableLayout("t3", T3_LABEL_COLUMNS + T3_COLUMNS.length, [head, { kind: "body", rows }]);
}

// Table 四: 行政复议's five labels span two header rows; 行政诉讼 spans its two sub-groups.
function table4Layout(): TableLayout {
  const groupId = (key: string) => `t4-${key}`;
  const outcomeId = (group: string, outcome: string) => `t4-${group}.${outcome}`;
  const [review, ...litigation] = T4_GROUPS;
  const outcomeCells = (group: string, rowSpan: number) =>
    T4_OUTCOMES.map((o) => header(outcomeId(group, o.key), o.label, "col", { rowSpan }));
  const width = T4_OUTCOMES.length;
  const head: LayoutRowGroup = {
    kind: "head",
    rows: [
      {
        cells: [
          header(groupId(review.key), review.label, "colgroup", { colSpan: width }),
          header("t4-litigation", T4_LITIGATION_HEADING, "colgroup", { colSpan: width * litigation.length }),
        ],
      },
      {
        cells: [
          ...outcomeCells(review.key, 2),
          ...litigation.map((g) => header(groupId(g.key), g.label, "colgroup", { colSpan: width })),
        ],
      },
      { cells: litigation.flatMap((g) => outcomeCells(g.key, 1)) },
    ],
  };
  const valueRow: LayoutRow = {
    cells: T4_GROUPS.flatMap((g) =>
      T4_OUTCOMES.map((o) => {
        const groupHeaders = g.parent ? ["t4-litigation", groupId(g.key)] : [groupId(g.key)];
        const ref = { table: "t4" as const, row: T4_ROW_KEY, col: `${g.key}.${o.key}` };
        return value(ref, [...groupHeaders, outcomeId(g.key, o.key)]);
      }),
    ),
  };
  return tableLayout("t4", width * T4_GROUPS.length, [head, { kind: "body", rows: [valueRow] }]);
}

export const TABLE_LAYOUTS: Readonly<Record<TableKey, TableLayout>> = {
  t2: table2Layout(),
  t3: table3Layout(),
  t4: table4Layout(),
};

export const TABLE_KEYS: readonly TableKey[] = ["t2", "t3", "t4"];

/** The rows of a table in reading order, across its row groups. */
export function layoutRows(layout: TableLayout): LayoutRow[] {
  return layout.groups.flatMap((g) => g.rows);
}

/** The official table printed in a section (二 to 四 carry tables 二 to 四), or undefined. */
export function layoutOfSection(section: SectionKey): TableLayout | undefined {
  return TABLE_KEYS.map((t) => TABLE_LAYOUTS[t]).find((layout) => layout.section === section);
}
