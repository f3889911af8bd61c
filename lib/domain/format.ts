// The 2021 national format of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号), as data.
// One definition drives the editor grid, the reader's tables, the importers, the renderers and the exports.
// Keys are stable: they appear in stored documents, CSV/JSON exports and the open-data API. Never rename them.

export const FORMAT_CITATION = "国办公开办函〔2021〕30号";

export const SECTIONS = [
  { key: "overview", numeral: "一", title: "一、总体情况" },
  { key: "proactive", numeral: "二", title: "二、主动公开政府信息情况" },
  { key: "requests", numeral: "三", title: "三、收到和处理政府信息公开申请情况" },
  { key: "appeals", numeral: "四", title: "四、政府信息公开行政复议、行政诉讼情况" },
  { key: "problems", numeral: "五", title: "五、存在的主要问题及改进情况" },
  { key: "other", numeral: "六", title: "六、其他需要报告的事项" },
] as const;
export type SectionKey = (typeof SECTIONS)[number]["key"];
export const SECTION_KEYS = SECTIONS.map((s) => s.key) as [SectionKey, ...SectionKey[]];

/** Section 一's five sub-items, in order. */
export const OVERVIEW_ITEMS = [
  { key: "active", numeral: "一", title: "（一）主动公开" },
  { key: "onRequest", numeral: "二", title: "（二）依申请公开" },
  { key: "management", numeral: "三", title: "（三）政府信息管理" },
  { key: "platform", numeral: "四", title: "（四）政府信息公开平台建设" },
  { key: "supervision", numeral: "五", title: "（五）监督保障" },
] as const;
export type OverviewItemKey = (typeof OVERVIEW_ITEMS)[number]["key"];
export const OVERVIEW_ITEM_KEYS = OVERVIEW_ITEMS.map((i) => i.key) as [OverviewItemKey, ...OverviewItemKey[]];

// ---------------------------------------------------------------------------------------------------------
// Table 二 — 主动公开政府信息情况: four blocks, each with its own header row; 10 value cells.

export const T2_BLOCKS = [
  {
    key: "item1",
    heading: "第二十条第（一）项",
    columns: [
      { key: "issued", label: "本年制发件数" },
      { key: "repealed", label: "本年废止件数" },
      { key: "inForce", label: "现行有效件数" },
    ],
    rows: [
      { key: "rules", label: "规章" },
      { key: "normativeDocs", label: "行政规范性文件" },
    ],
  },
  {
    key: "item5",
    heading: "第二十条第（五）项",
    columns: [{ key: "decisions", label: "本年处理决定数量" }],
    rows: [{ key: "licensing", label: "行政许可" }],
  },
  {
    key: "item6",
    heading: "第二十条第（六）项",
    columns: [{ key: "decisions", label: "本年处理决定数量" }],
    rows: [
      { key: "punishment", label: "行政处罚" },
      { key: "enforcement", label: "行政强制" },
    ],
  },
  {
    key: "item8",
    heading: "第二十条第（八）项",
    columns: [{ key: "amount", label: "本年收费金额（单位：万元）" }],
    rows: [{ key: "fees", label: "行政事业性收费" }],
  },
] as const;
export const T2_CONTENT_LABEL = "信息内容";

export type T2Block = (typeof T2_BLOCKS)[number];
export type T2RowKey = T2Block["rows"][number]["key"];

/** The fee cell is an exact decimal (万元); every other cell of every table is an integer count. */
export const FEE_CELL = { table: "t2", row: "fees", col: "amount" } as const;

// ---------------------------------------------------------------------------------------------------------
// Table 三 — 收到和处理政府信息公开申请情况: 25 rows × 7 columns.

export const T3_CORNER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
export const T3_APPLICANT_HEADING = "申请人情况";
export const T3_LEGAL_PERSON_HEADING = "法人或其他组织";

export const T3_COLUMNS = [
  { key: "natural", label: "自然人", legalPerson: false },
  { key: "commercial", label: "商业企业", legalPerson: true },
  { key: "research", label: "科研机构", legalPerson: true },
  { key: "publicWelfare", label: "社会公益组织", legalPerson: true },
  { key: "legalService", label: "法律服务机构", legalPerson: true },
  { key: "otherOrg", label: "其他", legalPerson: true },
  { key: "total", label: "总计", legalPerson: false },
] as const;
export type T3ColKey = (typeof T3_COLUMNS)[number]["key"];
export const T3_PART_COLUMNS = T3_COLUMNS.filter((c) => c.key !== "total").map((c) => c.key);

export const T3_RESULTS_HEADING = "三、本年度办理结果";

/** Result groups （一）…（七）; groups with items have no subtotal row. */
export const T3_RESULT_GROUPS = [
  { key: "disclosed", label: "（一）予以公开" },
  { key: "partial", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" },
  { key: "withheld", label: "（三）不予公开" },
  { key: "unable", label: "（四）无法提供" },
  { key: "notProcessed", label: "（五）不予处理" },
  { key: "otherHandling", label: "（六）其他处理" },
  { key: "resultTotal", label: "（七）总计" },
] as const;
export type T3GroupKey = (typeof T3_RESULT_GROUPS)[number]["key"];

export interface T3RowDef {
  key: string;
  label: string;
  /** Ordinal used in messages: 一 二 三 四 for top-level rows. */
  level: "top" | "group" | "item";
  group?: T3GroupKey;
  /** A result row: one of the 22 rows whose sum is （七）总计. */
  isResult?: boolean;
}

const item = (group: T3GroupKey, key: string, label: string): T3RowDef => ({
  key: `${group}.${key}`,
  label,
  level: "item",
  group,
  isResult: true,
});

export const T3_ROWS = [
  { key: "newReceived", label: "一、本年新收政府信息公开申请数量", level: "top" },
  { key: "carriedOver", label: "二、上年结转政府信息公开申请数量", level: "top" },
  { key: "disclosed", label: "（一）予以公开", level: "group", group: "disclosed", isResult: true },
  {
    key: "partial",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    level: "group",
    group: "partial",
    isResult: true,
  },
  item("withheld", "stateSecret", "1.属于国家秘密"),
  item("withheld", "prohibited", "2.其他法律行政法规禁止公开"),
  item("withheld", "threeSecurity", "3.危及“三安全一稳定”"),
  item("withheld", "thirdParty", "4.保护第三方合法权益"),
  item("withheld", "internal", "5.属于三类内部事务信息"),
  item("withheld", "process", "6.属于四类过程性信息"),
  item("withheld", "enforcementFile", "7.属于行政执法案卷"),
  item("withheld", "queryMatter", "8.属于行政查询事项"),
  item("unable", "notHeld", "1.本机关不掌握相关政府信息"),
  item("unable", "needsCreation", "2.没有现成信息需要另行制作"),
  item("unable", "unclear", "3.补正后申请内容仍不明确"),
  item("notProcessed", "petition", "1.信访举报投诉类申请"),
  item("notProcessed", "repeated", "2.重复申请"),
  item("notProcessed", "publication", "3.要求提供公开出版物"),
  item("notProcessed", "massive", "4.无正当理由大量反复申请"),
  item("notProcessed", "confirm", "5.要求行政机关确认或重新出具已获取信息"),
  item("otherHandling", "noCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
  item(
    "otherHandling",
    "unpaidFee",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  ),
  item("otherHandling", "other", "3.其他"),
  { key: "resultTotal", label: "（七）总计", level: "group", group: "resultTotal" },
  { key: "carriedForward", label: "四、结转下年度继续办理", level: "top" },
] as const satisfies readonly T3RowDef[];
export type T3RowKey = (typeof T3_ROWS)[number]["key"];
export const T3_RESULT_ROWS = T3_ROWS.filter((r) => "isResult" in r && r.isResult).map((r) => r.key);

// ---------------------------------------------------------------------------------------------------------
// Table 四 — 政府信息公开行政复议、行政诉讼情况: one row, 3 groups × 5 columns.

export const T4_OUTCOMES = [
  { key: "upheld", label: "结果维持" },
  { key: "corrected", label: "结果纠正" },
  { key: "other", label: "其他结果" },
  { key: "pending", label: "尚未审结" },
  { key: "total", label: "总计" },
] as const;
export type T4OutcomeKey = (typeof T4_OUTCOMES)[number]["key"];

export const T4_GROUPS = [
  { key: "review", label: "行政复议", parent: null },
  { key: "direct", label: "未经复议直接起诉", parent: "行政诉讼" },
  { key: "afterReview", label: "复议后起诉", parent: "行政诉讼" },
] as const;
export type T4GroupKey = (typeof T4_GROUPS)[number]["key"];
export const T4_LITIGATION_HEADING = "行政诉讼";

/** Table 四's column keys, e.g. "review.upheld", in the official left-to-right order. */
export const T4_COLUMNS = T4_GROUPS.flatMap((g) =>
  T4_OUTCOMES.map((o) => ({ key: `${g.key}.${o.key}`, group: g.key, outcome: o.key, label: o.label })),
);
export type T4ColKey = `${T4GroupKey}.${T4OutcomeKey}`;
export const T4_ROW_KEY = "cases";

// ---------------------------------------------------------------------------------------------------------
// Cell addressing shared by rules, editor, exports.

export type TableKey = "t2" | "t3" | "t4";
export const TABLE_TITLES: Record<TableKey, string> = {
  t2: "表二",
  t3: "表三",
  t4: "表四",
};

export interface CellRef {
  table: TableKey;
  row: string;
  col: string;
}

export interface CellDef extends CellRef {
  rowLabel: string;
  colLabel: string;
  /** Computed from other cells in the editor (总计 column, （七）总计, table 四's 总计). */
  computed: boolean;
  isDecimal: boolean;
}

/** Every value cell of the format, in reading order: 10 + 175 + 15 = 200. */
export const ALL_CELLS: readonly CellDef[] = [
  ...T2_BLOCKS.flatMap((b) =>
    b.rows.flatMap((r) =>
      b.columns.map((c) => ({
        table: "t2" as const,
        row: r.key,
        col: c.key,
        rowLabel: r.label,
        colLabel: c.label,
        computed: false,
        isDecimal: r.key === FEE_CELL.row,
      })),
    ),
  ),
  ...T3_ROWS.flatMap((r) =>
    T3_COLUMNS.map((c) => ({
      table: "t3" as const,
      row: r.key,
      col: c.key,
      rowLabel: r.label,
      colLabel: c.label,
      computed: c.key === "total" || r.key === "resultTotal",
      isDecimal: false,
    })),
  ),
  ...T4_COLUMNS.map((c) => ({
    table: "t4" as const,
    row: T4_ROW_KEY,
    col: c.key,
    rowLabel: T4_GROUPS.find((g) => g.key === c.group)!.label,
    colLabel: c.label,
    computed: c.outcome === "total",
    isDecimal: false,
  })),
];

export const cellId = (ref: CellRef) => `${ref.table}:${ref.row}:${ref.col}`;

export function findCellDef(ref: CellRef): CellDef | undefined {
  return ALL_CELLS.find((c) => c.table === ref.table && c.row === ref.row && c.col === ref.col);
}

/** How the format names a cell in messages, e.g. 表三“一、本年新收政府信息公开申请数量”行“自然人”列. */
export function describeCell(ref: CellRef): string {
  const def = findCellDef(ref);
  if (!def) return cellId(ref);
  if (ref.table === "t4") {
    return `表四“${def.rowLabel}”的“${def.colLabel}”`;
  }
  return `${TABLE_TITLES[ref.table]}“${def.rowLabel}”行“${def.colLabel}”列`;
}
