// Shared builders for tests of anything that takes a report. filledReport() is a consistent, fully filled,
// all-zero report of 钢城街道 2024 with short texts from the seed; overrides change just what a test needs.
import { cellRow } from "@/lib/domain/cells";
import type { CellRef, OverviewItemKey, SectionKey } from "@/lib/domain/format";
import { emptyReport, type Report, type ReportMeta, type Tables } from "@/lib/domain/report-schema";
import { computeTotals } from "@/lib/domain/totals";

export const SEED_BODY = "柳北区人民政府钢城街道办事处";
export const SEED_YEAR = 2024;

type Where = SectionKey | OverviewItemKey;

/** Short texts taken from the seed report (prisma/seed-data/gangcheng-2024.txt). */
export const SEED_TEXTS: Record<Where, string[]> = {
  overview: ["柳北区钢城街道高度重视政府信息公开工作，就街道2024年度政府信息公开工作报告如下："],
  active: ["2024年，钢城街道通过柳北区政府门户网站“镇街道信息公开”“柳北动态”栏目主动公开政府信息83条。"],
  onRequest: ["钢城街道2024年度未收到和办理政府信息公开的申请。"],
  management: ["我街道坚决贯彻政府信息发布公开“三审三校”制度，完善信息发布与管理机制。"],
  platform: ["充分利用“柳北区政府门户网站”、“钢城抖音号”等平台进行政府信息公开公示。"],
  supervision: ["辖区7个社区均成立便民服务站，由社区书记负责总抓。"],
  proactive: [],
  requests: [],
  appeals: [],
  problems: [
    "仍存在公开形式渠道栏目单一，公开内容欠丰富等问题。2025年我街道将从以下方面做进一步加强：",
    "（一）拓展公开渠道，丰富公开内容。（二）加强业务培训，提升服务效能。",
  ],
  other: ["我街道暂无其他需要报告的事项。"],
};

export const SEED_PREAMBLE = [
  "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。",
  "如对本报告有任何疑问，请与钢城街道党政办公室联系（地址：柳州市柳北区钢城路1号；邮编：545001；电话：0772-2512345）。",
];

/** The contact the seed preamble prints, as the metadata form holds it. */
export const SEED_CONTACT = {
  office: "钢城街道党政办公室",
  address: "柳州市柳北区钢城路1号",
  phone: "0772-2512345",
  postcode: "545001",
};

type Grid = Record<string, Record<string, unknown>>;

/** Every cell of the tables set to 0 (the fee to "0"), totals consistent by construction. */
export function zeroTables(): Tables {
  const tables = emptyReport("", SEED_YEAR).tables;
  const fill = (table: object, value: (row: string) => unknown) =>
    Object.fromEntries(
      Object.entries(table as Grid).map(([row, cells]) => [
        row,
        Object.fromEntries(Object.keys(cells).map((col) => [col, value(row)])),
      ]),
    );
  return {
    t2: fill(tables.t2, (row) => (row === "fees" ? "0" : 0)) as unknown as Tables["t2"],
    t3: fill(tables.t3, () => 0) as Tables["t3"],
    t4: fill(tables.t4, () => 0) as Tables["t4"],
  };
}

/** A copy of the tables with the given cells replaced (values stored as given, even invalid ones). */
export function withCells(tables: Tables, cells: readonly (readonly [CellRef, unknown])[]): Tables {
  const next = structuredClone(tables);
  for (const [ref, value] of cells) {
    const row = cellRow(next, ref);
    if (!row) throw new Error(`No such cell: ${ref.table}:${ref.row}:${ref.col}`);
    row[ref.col] = value;
  }
  return next;
}

export const t2 = (row: string, col: string): CellRef => ({ table: "t2", row, col });
export const t3 = (row: string, col: string): CellRef => ({ table: "t3", row, col });
export const t4 = (col: string): CellRef => ({ table: "t4", row: "cases", col });

export interface ReportOverrides {
  bodyName?: string;
  year?: number;
  meta?: Partial<ReportMeta>;
  /** Paragraphs by section key (overview = section 一's intro) or sub-item key of section 一. */
  text?: Partial<Record<Where, string[]>>;
  /** Cells to set after zero-filling; with `recompute`, totals are computed from the parts afterwards. */
  cells?: readonly (readonly [CellRef, unknown])[];
  recompute?: boolean;
}

/** The report with its prose replaced: keys given in `text` win, the rest come from the seed. */
export function withText(report: Report, text: Partial<Record<Where, string[]>>): Report {
  const texts = { ...SEED_TEXTS, ...text };
  const { sections } = report;
  return {
    ...report,
    sections: {
      overview: {
        paragraphs: texts.overview,
        items: sections.overview.items.map((item) => ({ ...item, paragraphs: texts[item.key] })),
      },
      proactive: { paragraphs: texts.proactive },
      requests: { paragraphs: texts.requests },
      appeals: { paragraphs: texts.appeals },
      problems: { paragraphs: texts.problems },
      other: { paragraphs: texts.other },
    },
  };
}

/** Moves the seed's years (2024, and 2025 for plans) so that a 2023 report does not speak of 2024. */
function shiftYears(text: string, year: number): string {
  return text.replace(/202[45]/g, (y) => String(y === "2024" ? year : year + 1));
}

/**
 * The seed's figures for 2024 (83条, 7个社区), other figures for other years: consecutive years' reports do not
 * repeat last year's numbers (which TXT-CARRIED-OVER would rightly report).
 */
function yearFigures(text: string, year: number): string {
  const step = (((year - SEED_YEAR) % 5) + 5) % 5;
  return text.replace("信息83条", `信息${83 + step}条`).replace("辖区7个社区", `辖区${7 + step}个社区`);
}

/** A consistent, fully filled, all-zero report (钢城街道 2024 by default) with the seed's short texts. */
export function filledReport(overrides: ReportOverrides = {}): Report {
  const year = overrides.year ?? SEED_YEAR;
  const base = emptyReport(overrides.bodyName ?? SEED_BODY, year);
  const seedTexts = Object.fromEntries(
    Object.entries(SEED_TEXTS).map(([key, paragraphs]) => [
      key,
      paragraphs.map((p) => yearFigures(shiftYears(p, year), year)),
    ]),
  );
  const meta: ReportMeta = {
    ...base.meta,
    preamble: SEED_PREAMBLE.map((p) => shiftYears(p, year)),
    contact: { ...SEED_CONTACT },
    signatureDate: `${year + 1}-01-15`,
    ...overrides.meta,
  };
  const tables = withCells(zeroTables(), overrides.cells ?? []);
  return withText(
    { ...base, meta, tables: overrides.recompute ? computeTotals(tables) : tables },
    { ...seedTexts, ...overrides.text },
  );
}

/** A table-driven text case: [rule id, where the text goes, the text, cells to set, expected findings, why]. */
export type TextCase = [
  id: string,
  where: Where,
  text: string,
  cells: [CellRef, unknown][],
  count: number,
  why: string,
];

/**
 * A filled report whose prose at `where` is `text`. The seed's 「未收到…申请」 in 一（二） would contradict
 * non-zero tables, so 一（二） gets a neutral sentence unless it is where the text goes.
 */
export function reportWithText(
  where: Where,
  text: string,
  cells: readonly (readonly [CellRef, unknown])[] = [],
): Report {
  return filledReport({ text: { onRequest: ["依法依规办理政府信息公开申请。"], [where]: [text] }, cells });
}
