// The report document: metadata, six sections of plain paragraphs, three tables. Stored as JSON in
// Report.content / ReportEdition.content and validated with this schema on every read and write.
import { z } from "zod";
import {
  OVERVIEW_ITEMS,
  OVERVIEW_ITEM_KEYS,
  SECTION_KEYS,
  T2_BLOCKS,
  T3_COLUMNS,
  T3_ROWS,
  T4_COLUMNS,
  T4_ROW_KEY,
  type OverviewItemKey,
  type SectionKey,
} from "./format";

export const REPORT_SCHEMA_VERSION = 1;

/** A count cell: an integer ≥ 0, or null when not yet filled in (blank never silently becomes 0). */
export const countCellSchema = z.number().int("须为整数").min(0, "不能为负数").max(1e9).nullable();
/** The fee (万元): an exact decimal string such as "5125.11", or null. Never a binary float. */
export const decimalCellSchema = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,4})?$/, "须为不小于0的数字，最多四位小数")
  .nullable();

export type CountCell = z.infer<typeof countCellSchema>;
export type DecimalCell = z.infer<typeof decimalCellSchema>;

const objectOf = <K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>);

const t2RowSchema = (cols: readonly string[], cell: z.ZodType) => objectOf(cols, cell);
export const table2Schema = z.strictObject(
  Object.fromEntries(
    T2_BLOCKS.flatMap((b) =>
      b.rows.map((r) => [
        r.key,
        t2RowSchema(
          b.columns.map((c) => c.key),
          r.key === "fees" ? decimalCellSchema : countCellSchema,
        ),
      ]),
    ),
  ),
) as unknown as z.ZodType<Table2>;

export interface Table2 {
  rules: { issued: CountCell; repealed: CountCell; inForce: CountCell };
  normativeDocs: { issued: CountCell; repealed: CountCell; inForce: CountCell };
  licensing: { decisions: CountCell };
  punishment: { decisions: CountCell };
  enforcement: { decisions: CountCell };
  fees: { amount: DecimalCell };
}

const t3Row = objectOf(
  T3_COLUMNS.map((c) => c.key),
  countCellSchema,
);
export const table3Schema = objectOf(
  T3_ROWS.map((r) => r.key),
  t3Row,
);
export type Table3 = z.infer<typeof table3Schema>;
export type Table3Row = z.infer<typeof t3Row>;

export const table4Schema = z.strictObject({
  [T4_ROW_KEY]: objectOf(
    T4_COLUMNS.map((c) => c.key),
    countCellSchema,
  ),
});
export type Table4 = z.infer<typeof table4Schema>;

const paragraphsSchema = z.array(z.string().max(20_000)).max(500);

export const overviewItemSchema = z.strictObject({
  key: z.enum(OVERVIEW_ITEM_KEYS),
  /** The heading as the format words it, e.g. 「（一）主动公开」. */
  title: z.string().max(200),
  paragraphs: paragraphsSchema,
});
export type OverviewItem = z.infer<typeof overviewItemSchema>;

export const sectionSchema = z.strictObject({ paragraphs: paragraphsSchema });

const text = (max: number) => z.string().max(max, `不能超过${max}个字`);

export const contactSchema = z.strictObject({
  office: text(120),
  address: text(200),
  phone: text(60),
  postcode: text(12),
});

const isoDate = z.iso.date("请填写有效的日期，如2026-01-15").nullable();

export const reportMetaSchema = z.strictObject({
  /** 机关全称 as printed in the report, e.g. 柳北区人民政府钢城街道办事处. */
  bodyName: text(120),
  year: z.number().int().min(2008).max(2100),
  title: text(200),
  /** Preamble paragraphs before 一、总体情况 (legal basis, statistics period, download, contact). */
  preamble: paragraphsSchema,
  contact: contactSchema.nullable(),
  /** 落款: the body's name at the end, and its date (the 成文日期). */
  signatureName: text(120),
  signatureDate: isoDate,
  /** Web-page metadata when imported: 索引号, 发布机构, 成文日期, 发布日期. */
  indexNumber: z.string().max(80).nullable(),
  publisher: z.string().max(120).nullable(),
  writtenDate: isoDate,
  publishedDate: isoDate,
});
export type ReportMeta = z.infer<typeof reportMetaSchema>;

/**
 * The editor's metadata form: these fields of reportMetaSchema, the very schema the draft save validates (the
 * form checks on the client what the server action would refuse). What a submission requires beyond it (a title,
 * the contact, the 落款 and its date) is for the rules DOC-TITLE, DOC-CONTACT and DOC-SIGNATURE to say.
 */
export const metaFieldsSchema = reportMetaSchema.pick({
  title: true,
  bodyName: true,
  contact: true,
  signatureName: true,
  signatureDate: true,
});
export type MetaFields = z.infer<typeof metaFieldsSchema>;

const TABLE_KEY_ENUM = z.enum(["t2", "t3", "t4"]);

/**
 * How an imported source printed its outline, so the report renders as its author wrote it (their headings,
 * only the sub-items and tables they printed) and re-checks the same. Absent for documents written in the
 * editor, which render in the format's canonical layout.
 */
export const sourceLayoutSchema = z.strictObject({
  /** Section headings as printed; a section absent here had no heading in the source. */
  headings: z.partialRecord(z.enum(SECTION_KEYS), z.string().max(200)),
  /** Section 一's sub-items the source printed, in its order (the importer adds the others blank). */
  items: z.array(z.enum(OVERVIEW_ITEM_KEYS)).max(10),
  /** Tables the source printed and that were read, wholly or in part. */
  tables: z.array(TABLE_KEY_ENUM).max(3),
  /** Tables the source printed of which no cell could be read (IMPORT-TABLE-UNREAD): never checked. */
  unreadTables: z.array(TABLE_KEY_ENUM).max(3),
  /** Cells printed as a zero placeholder (「/」「—」「无」), by cell id ("t3:disclosed:natural"): read as 0, printed back as they were. */
  placeholders: z.record(z.string().max(80), z.string().max(8)).optional(),
});
export type SourceLayout = z.infer<typeof sourceLayoutSchema>;

export const reportSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  meta: reportMetaSchema,
  sections: z.strictObject({
    overview: z.strictObject({ paragraphs: paragraphsSchema, items: z.array(overviewItemSchema).max(10) }),
    proactive: sectionSchema,
    requests: sectionSchema,
    appeals: sectionSchema,
    problems: sectionSchema,
    other: sectionSchema,
  }),
  tables: z.strictObject({ t2: table2Schema, t3: table3Schema, t4: table4Schema }),
  layout: sourceLayoutSchema.optional(),
});
export type Report = z.infer<typeof reportSchema>;
export type Sections = Report["sections"];
export type Tables = Report["tables"];
export type { SectionKey, OverviewItemKey };

function blankRow<K extends string>(keys: readonly K[]): Record<K, null> {
  return Object.fromEntries(keys.map((k) => [k, null])) as Record<K, null>;
}

export function emptyTables(): Tables {
  const t2 = Object.fromEntries(
    T2_BLOCKS.flatMap((b) => b.rows.map((r) => [r.key, blankRow(b.columns.map((c) => c.key))])),
  ) as unknown as Table2;
  const t3 = Object.fromEntries(
    T3_ROWS.map((r) => [r.key, blankRow(T3_COLUMNS.map((c) => c.key))]),
  ) as Table3;
  const t4 = { [T4_ROW_KEY]: blankRow(T4_COLUMNS.map((c) => c.key)) } as Table4;
  return { t2, t3, t4 };
}

/** A blank report from the format's template: section 一's five sub-items ready, all cells blank. */
export function emptyReport(bodyName: string, year: number): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    meta: {
      bodyName,
      year,
      title: bodyName ? `${bodyName}${year}年政府信息公开工作年度报告` : "",
      preamble: [],
      contact: null,
      signatureName: bodyName,
      signatureDate: null,
      indexNumber: null,
      publisher: null,
      writtenDate: null,
      publishedDate: null,
    },
    sections: {
      overview: {
        paragraphs: [],
        items: OVERVIEW_ITEMS.map((i) => ({ key: i.key, title: i.title, paragraphs: [] })),
      },
      proactive: { paragraphs: [] },
      requests: { paragraphs: [] },
      appeals: { paragraphs: [] },
      problems: { paragraphs: [] },
      other: { paragraphs: [] },
    },
    tables: emptyTables(),
  };
}

/** Parse a stored or received document; throws a ZodError naming the exact path on bad input. */
export function parseReport(input: unknown): Report {
  return reportSchema.parse(input);
}

/**
 * The most a report (with its explanations) may weigh as JSON: below the 1 MB that Next accepts as a server
 * action's body (its default bodySizeLimit), so that an oversized draft is refused by the schema with a clear
 * message, in the browser before sending and on the server, instead of failing in transport.
 */
export const MAX_REPORT_JSON_BYTES = 900_000;

export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? "").length;
}

export const REPORT_TOO_LARGE = `年报内容过大（超过 ${MAX_REPORT_JSON_BYTES / 1000} KB），请删减正文后再保存。`;
