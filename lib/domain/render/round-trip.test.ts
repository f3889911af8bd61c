// import ∘ render = identity, for generated reports in the canonical form:
// - title: "" or exactly 「〈bodyName〉〈year〉年政府信息公开工作年度报告」 (body name and year are read back from it;
//   a report without a title must name its body in the 落款 and its year in the text — not generated here);
// - contact: what the preamble prints (「请与…联系（地址：…；邮编：…；电话：…）」), or null if it prints none;
// - section 一 has its five sub-items in order with the format's titles;
// - paragraphs are single trimmed lines of prose: no `|` or tab, not numbered like a heading, not 「键：值」
//   metadata, not a date; the 落款 name (if any) ends like a body's name (…局, …人民政府, …办事处);
// - prose of a table section comes before its table (the text form cannot say before or after);
// - every cell is filled: counts are integers, the fee a decimal without superfluous leading zeros
//   (a blank prints as an empty cell, which reads back as a printed 0, by design of docs/format.md §7).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_CELLS, OVERVIEW_ITEMS, SECTIONS, type CellRef } from "../format";
import { REPORT_SCHEMA_VERSION, emptyTables, parseReport, type Report, type Tables } from "../report-schema";
import { importHtml } from "../import/html";
import { importText } from "../import/text";
import { renderHtml } from "./html";
import { renderText } from "./text";

// Common report vocabulary, without numerals (a leading 一 would read as numbering) or contact keywords.
const PROSE = [
  ..."政府信息公开工作本年度街道镇乡村社区推进落实制度平台建设监督保障群众服务便民栏目网站发布数据统计规范提升质量完善机制加强培训宣传责任领导办理答复申请主动依据条例要求及时准确全面",
];
const MARKS = [..."《》“”、&<>\"'"];
const ORG_SUFFIXES = ["人民政府", "街道办事处", "市场监督管理局", "办公室", "委员会"];

const chars = (alphabet: string[], minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });

const paragraph = fc
  .tuple(chars(PROSE, 4, 30), chars([...PROSE, ...MARKS], 2, 60))
  .map(([head, tail]) => `${head}，${tail}。`);
const paragraphs = (max: number) => fc.array(paragraph, { maxLength: max });
const orgName = fc.tuple(chars(PROSE, 2, 10), fc.constantFrom(...ORG_SUFFIXES)).map(([a, b]) => a + b);
const isoDate = fc
  .record({
    y: fc.integer({ min: 2009, max: 2099 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const fee = fc.stringMatching(/^(0|[1-9]\d{0,11})(\.\d{1,4})?$/);
const count = fc.integer({ min: 0, max: 1e9 });

const contact = fc.record({
  office: orgName,
  address: fc.tuple(chars(PROSE, 2, 12), fc.integer({ min: 1, max: 999 })).map(([s, n]) => `${s}路${n}号`),
  postcode: fc.stringMatching(/^\d{6}$/),
  phone: fc.stringMatching(/^0\d{2,3}-\d{7,8}$/),
});

const tables: fc.Arbitrary<Tables> = fc.array(count, { minLength: 200, maxLength: 200 }).chain((counts) =>
  fee.map((amount) => {
    const t = emptyTables();
    ALL_CELLS.forEach((cell, i) => setCell(t, cell, cell.isDecimal ? amount : counts[i]!));
    return t;
  }),
);

function setCell(t: Tables, ref: CellRef, value: number | string): void {
  (t[ref.table] as unknown as Record<string, Record<string, unknown>>)[ref.row]![ref.col] = value;
}

const report: fc.Arbitrary<Report> = fc
  .record({
    bodyName: orgName,
    year: fc.integer({ min: 2008, max: 2100 }),
    preamble: paragraphs(3),
    contact: fc.option(contact, { nil: null }),
    signatureName: fc.oneof(fc.constant(""), orgName),
    signatureDate: fc.option(isoDate, { nil: null }),
    indexNumber: fc.option(fc.stringMatching(/^[0-9A-Z]{6,18}\/20\d\d-\d{5}$/), { nil: null }),
    publisher: fc.option(orgName, { nil: null }),
    writtenDate: fc.option(isoDate, { nil: null }),
    publishedDate: fc.option(isoDate, { nil: null }),
    overview: paragraphs(2),
    items: fc.tuple(...OVERVIEW_ITEMS.map(() => paragraphs(3))),
    sections: fc.tuple(paragraphs(2), paragraphs(2), paragraphs(2), paragraphs(3), paragraphs(3)),
    tables,
  })
  .map((g) => {
    const printedContact = g.contact
      ? [
          `如对本报告有疑问，请与${g.contact.office}联系（地址：${g.contact.address}；邮编：${g.contact.postcode}；电话：${g.contact.phone}）。`,
        ]
      : [];
    const [proactive, requests, appeals, problems, other] = g.sections;
    return {
      schemaVersion: REPORT_SCHEMA_VERSION,
      meta: {
        bodyName: g.bodyName,
        year: g.year,
        title: `${g.bodyName}${g.year}年政府信息公开工作年度报告`,
        preamble: [...g.preamble, ...printedContact],
        contact: g.contact,
        signatureName: g.signatureName,
        signatureDate: g.signatureDate,
        indexNumber: g.indexNumber,
        publisher: g.publisher,
        writtenDate: g.writtenDate,
        publishedDate: g.publishedDate,
      },
      sections: {
        overview: {
          paragraphs: g.overview,
          items: OVERVIEW_ITEMS.map((item, i) => ({
            key: item.key,
            title: item.title,
            paragraphs: g.items[i]!,
          })),
        },
        proactive: { paragraphs: proactive },
        requests: { paragraphs: requests },
        appeals: { paragraphs: appeals },
        problems: { paragraphs: problems },
        other: { paragraphs: other },
      },
      tables: g.tables,
    };
  });

/** What an import of a canonical rendering records as printed: every heading, sub-item and table. */
const CANONICAL_LAYOUT = {
  headings: Object.fromEntries(SECTIONS.map((s) => [s.key, s.title])),
  items: OVERVIEW_ITEMS.map((i) => i.key),
  tables: ["t2", "t3", "t4"],
  unreadTables: [],
};

describe("render ∘ import round trip", () => {
  it("generated reports are valid documents", () => {
    fc.assert(
      fc.property(report, (r) => {
        expect(parseReport(r)).toEqual(r);
      }),
      { numRuns: 50 },
    );
  });

  it("importText(renderText(r)) equals r, with no finding and nothing unplaced", () => {
    fc.assert(
      fc.property(report, (r) => {
        const result = importText(renderText(r));
        const { layout, ...report } = result.report;
        expect(report).toEqual(r);
        expect(layout).toEqual(CANONICAL_LAYOUT);
        expect(result.findings).toEqual([]);
        expect(result.unplaced).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("importHtml(renderHtml(r)) equals r, with no finding and nothing unplaced", () => {
    fc.assert(
      fc.property(report, (r) => {
        const result = importHtml(renderHtml(r, { idPrefix: "p-" }));
        const { layout, ...report } = result.report;
        expect(report).toEqual(r);
        expect(layout).toEqual(CANONICAL_LAYOUT);
        expect(result.findings).toEqual([]);
        expect(result.unplaced).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
