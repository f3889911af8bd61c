// Source lines → a report: front matter, body, 落款, then what is derived (body name, year, contact) and every
// finding the import itself can make. importText, importHtml and importDocx all end here.
import { getCell } from "../cells";
import type { Finding } from "../findings";
import {
  ALL_CELLS,
  FORMAT_CITATION,
  OVERVIEW_ITEMS,
  SECTIONS,
  TABLE_TITLES,
  cellId,
  type TableKey,
} from "../format";
import {
  REPORT_SCHEMA_VERSION,
  emptyTables,
  type Report,
  type ReportMeta,
  type OverviewItem,
  type SourceLayout,
  type Tables,
} from "../report-schema";
import { TABLE_KEYS, TABLE_LAYOUTS } from "../table-layout";
import { inferYear, readContact, readSignature, type Signature } from "./back-matter";
import { findBodyStart, readBody, type Body } from "./body";
import { parseDate } from "./dates";
import { readFrontMatter, parseTitle, type FrontMatter } from "./front-matter";
import { IMPORT_RULE, ImportLog, type ImportResult, type UnplacedText } from "./import-log";
import { labelKey } from "./labels";
import { checkImportedOutline } from "./outline-findings";
import type { SourceLine } from "./source-lines";

export interface ImportOptions {
  /** Used only when the source names no body (no title, no 落款, no 发布机构). */
  bodyName?: string;
  /** Used only when the source gives no year. */
  year?: number;
}

export function importLines(lines: readonly SourceLine[], options: ImportOptions = {}): ImportResult {
  const log = new ImportLog();
  const start = findBodyStart(lines);
  const front = readFrontMatter(lines.slice(0, start), log);
  const tables = emptyTables();
  const body = readBody(lines, start, tables, log);
  const signature = takeSignature(body);
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    meta: buildMeta(front, body, signature, options, log),
    sections: buildSections(body),
    tables,
    layout: buildLayout(body, log),
  };
  const unplaced = [...aboveTitle(front), ...body.unplaced];
  const findings = [
    ...checkImportedOutline(body, { hasSignature: signature.lineCount > 0 }),
    ...log.findings,
    ...log.cellFindings(),
    ...staleFindings(log),
    ...incompleteFindings(tables, body, log, report.layout!),
    ...unplaced.map(unplacedFinding),
  ];
  const recognised = body.headings.length > 0 || body.tablesRead.size > 0;
  return { report, recognised, findings, unplaced, ignored: log.ignored, pageMetadata: front.metadata };
}

/** Removes the 落款 from the end of the last paragraphs read. */
function takeSignature(body: Body): Signature {
  const signature = readSignature(body.last ?? []);
  if (signature.lineCount > 0) body.last!.splice(-signature.lineCount);
  return signature;
}

const MIN_YEAR = 2008;
const MAX_YEAR = 2100;
const clip = (text: string, max: number) => text.slice(0, max);

function buildMeta(
  front: FrontMatter,
  body: Body,
  signature: Signature,
  options: ImportOptions,
  log: ImportLog,
): ReportMeta {
  const titled = front.title ? parseTitle(front.title) : null;
  const md = front.metadata;
  const publisher = md["发布机构"] || md["发文机关"] || md["发布单位"] || null;
  const intro = [...front.preamble, ...body.sections.overview, ...body.items.flatMap((i) => i.paragraphs)];
  const bodyName = titled?.bodyName || signature.name || options.bodyName || publisher || "";
  return {
    bodyName: clip(bodyName, 120),
    year: reportYear(titled?.year ?? inferYear(intro, signature.date), options, log),
    title: clip(front.title, 200),
    preamble: front.preamble,
    contact: readContact(front.preamble),
    signatureName: clip(signature.name, 120),
    signatureDate: signature.date,
    indexNumber: md["索引号"] ? clip(md["索引号"], 80) : null,
    publisher: publisher ? clip(publisher, 120) : null,
    writtenDate: parseDate(md["成文日期"] || md["发文日期"] || "", false),
    publishedDate: parseDate(md["发布日期"] || md["发布时间"] || "", false),
  };
}

function reportYear(found: number | null, options: ImportOptions, log: ImportLog): number {
  if (found !== null && found >= MIN_YEAR && found <= MAX_YEAR) return found;
  // The schema needs a year; last year is what a body writes about in the reporting season.
  const year = options.year ?? new Date().getFullYear() - 1;
  log.warn("DOC-YEAR", `未能从标题、统计期间或正文确定报告年度，暂按${year}年导入，请核对。`, {
    actual: year,
  });
  return year;
}

function buildSections(body: Body): Report["sections"] {
  const found = body.items.map((item) => {
    const def = OVERVIEW_ITEMS.find((i) => i.key === item.key)!;
    const title = labelKey(item.printed) === labelKey(def.title) ? def.title : item.printed;
    return { key: item.key, title, paragraphs: item.paragraphs };
  });
  const missing = OVERVIEW_ITEMS.filter((i) => !body.items.some((it) => it.key === i.key));
  const s = body.sections;
  return {
    overview: {
      paragraphs: s.overview,
      items: withMissingItems(found, missing),
    },
    proactive: { paragraphs: s.proactive },
    requests: { paragraphs: s.requests },
    appeals: { paragraphs: s.appeals },
    problems: { paragraphs: s.problems },
    other: { paragraphs: s.other },
  };
}

/** What the source printed: its headings, sub-items and tables (see SourceLayout). */
function buildLayout(body: Body, log: ImportLog): SourceLayout {
  const headings: SourceLayout["headings"] = {};
  for (const h of body.headings) headings[h.key] ??= h.printed;
  const cellsOf = (table: TableKey) =>
    ALL_CELLS.filter((c) => c.table === table && body.cellsRead.has(cellId(c))).length;
  const printed = (table: TableKey) =>
    body.tablesRead.has(table) || body.headings.some((h) => h.key === TABLE_LAYOUTS[table].section);
  return {
    headings,
    items: body.items.map((i) => i.key),
    tables: TABLE_KEYS.filter((t) => cellsOf(t) > 0),
    unreadTables: TABLE_KEYS.filter((t) => printed(t) && cellsOf(t) === 0),
    ...(log.zeroReadings.length > 0
      ? { placeholders: Object.fromEntries(log.zeroReadings.map((z) => [cellId(z.ref), z.text])) }
      : {}),
  };
}

const itemIndex = (key: string) => OVERVIEW_ITEMS.findIndex((i) => i.key === key);

/**
 * The sub-items printed, and blank ones for those missing (the editor needs all five). A missing item goes to
 * its place in the format's order when the printed ones are in that order, so it is reported as missing only
 * (DOC-SECTIONS), never also as out of order; after items printed out of order it goes to the end.
 */
function withMissingItems(
  found: OverviewItem[],
  missing: readonly (typeof OVERVIEW_ITEMS)[number][],
): OverviewItem[] {
  const blank = missing.map((i): OverviewItem => ({ key: i.key, title: i.title, paragraphs: [] }));
  const inOrder = found.every((item, i) => i === 0 || itemIndex(found[i - 1]!.key) < itemIndex(item.key));
  const all = [...found, ...blank];
  return inOrder ? all.sort((a, b) => itemIndex(a.key) - itemIndex(b.key)) : all;
}

function aboveTitle(front: FrontMatter): UnplacedText[] {
  return front.aboveTitle.map((paragraph) => ({
    text: front.preamble[paragraph]!,
    section: "meta",
    paragraph,
    reason: "标题之前的文字（可能是网站栏目内容），已放在前言中",
  }));
}

function staleFindings(log: ImportLog): Finding[] {
  const columns = [...log.staleColumns].map((c) => `“${c}”`).join("、");
  const signs = [...(columns ? [`表二列${columns}`] : []), ...log.staleSigns].join("；");
  if (signs === "") return [];
  const message = `原文使用的是2019年试行格式（${signs}），已尽量对应到现行格式（${FORMAT_CITATION}），请逐项核对。`;
  return [{ ruleId: "DOC-STALE-FORMAT", severity: "warning", message }];
}

function incompleteFindings(tables: Tables, body: Body, log: ImportLog, layout: SourceLayout): Finding[] {
  const unreadable = new Set([...log.unreadable, ...log.blankReadings].map((u) => cellId(u.ref)));
  // A table printed but not read at all is IMPORT-TABLE-UNREAD, an error the rule engine reports.
  return TABLE_KEYS.filter((t) => !layout.unreadTables.includes(t)).flatMap((table): Finding[] => {
    const cells = ALL_CELLS.filter(
      (c) => c.table === table && getCell(tables, c) === null && !unreadable.has(cellId(c)),
    );
    if (cells.length === 0) return [];
    const section = SECTIONS.find((s) => s.key === TABLE_LAYOUTS[table].section)!.title.replace(/^.、/, "");
    const name = `${TABLE_TITLES[table]}（${section}）`;
    const rows = [...new Set(cells.map((c) => (c.table === "t4" ? c.colLabel : c.rowLabel)))];
    const named =
      rows
        .slice(0, 3)
        .map((r) => `“${r}”`)
        .join("、") + (rows.length > 3 ? `等${rows.length}${table === "t4" ? "列" : "行"}` : "");
    const message = body.tablesRead.has(table)
      ? `${name}有${cells.length}个单元格未能读取（${named}），已留空，涉及的检查未进行（原文可能不完整）。`
      : `原文中没有找到${name}，其单元格均为空白，未检查。`;
    return [
      {
        ruleId: IMPORT_RULE.incomplete,
        severity: "warning",
        message,
        cells: cells.map(({ table: t, row, col }) => ({ table: t, row, col })),
      },
    ];
  });
}

function unplacedFinding(u: UnplacedText): Finding {
  return {
    ruleId: IMPORT_RULE.unplaced,
    severity: "warning",
    message: `“${u.text.length > 40 ? `${u.text.slice(0, 40)}…` : u.text}”无法对应到格式中的位置（${u.reason}），已原样保留，请核对。`,
    textSpan: {
      section: u.section,
      item: u.item,
      paragraph: u.paragraph,
      start: 0,
      end: u.text.length,
      quote: u.text,
    },
  };
}
