// Starting a year's report: the template (section 一's five sub-items, blank cells, a correct preamble and the
// body's contact), or last year's published report moved on a year — its texts with the years updated (and
// flagged for review, see year-shift.ts), table 三's 二、上年结转 taken per column from last year's
// 四、结转下年度继续办理, every other cell blank.
import { FORMAT_CITATION, T3_COLUMNS } from "./format";
import { emptyReport, type Report, type ReportMeta } from "./report-schema";
import { computeTotals } from "./totals";
import { setCell } from "./cells";
import { shiftYearsInReport } from "./year-shift";

export interface BodyDetails {
  /** 机关全称, e.g. 柳北区人民政府钢城街道办事处. */
  name: string;
  contact: { office: string; address: string; phone: string; postcode: string };
  portalUrl: string;
}

export const reportTitle = (bodyName: string, year: number) => `${bodyName}${year}年政府信息公开工作年度报告`;

function contactSentence(contact: BodyDetails["contact"]): string {
  const details = [
    contact.address && `地址：${contact.address}`,
    contact.postcode && `邮编：${contact.postcode}`,
    contact.phone && `电话：${contact.phone}`,
  ].filter(Boolean);
  const office = contact.office || "本机关政府信息公开工作机构";
  return `如对本报告有任何疑问，请与${office}联系${details.length ? `（${details.join("；")}）` : ""}。`;
}

/** The preamble naming the legal basis and the format (国办公开办函〔2021〕30号), the period, download and contact. */
export function defaultPreamble(body: BodyDetails, year: number): string[] {
  const basis =
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》` +
    `（${FORMAT_CITATION}）要求，由${body.name}编制。`;
  const scope =
    "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、" +
    `存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;
  const download = body.portalUrl ? `本报告电子版可在${body.portalUrl}查阅和下载。` : "";
  return [basis, `${scope}${download}${contactSentence(body.contact)}`];
}

const hasContact = (contact: BodyDetails["contact"]) => Object.values(contact).some((v) => v.trim() !== "");

function freshMeta(body: BodyDetails, year: number): Partial<ReportMeta> {
  return {
    bodyName: body.name,
    title: reportTitle(body.name, year),
    preamble: defaultPreamble(body, year),
    contact: hasContact(body.contact) ? { ...body.contact } : null,
    signatureName: body.name,
  };
}

/** The empty report from the format's template, with the body's name, preamble and contact filled in. */
export function reportFromTemplate(body: BodyDetails, year: number): Report {
  const report = emptyReport(body.name, year);
  return { ...report, meta: { ...report.meta, ...freshMeta(body, year) } };
}

/** 二、上年结转 of this year = 四、结转下年度继续办理 of last year, column by column; the rest stays blank. */
export function carryOverTables(previous: Report): Report["tables"] {
  const blank = emptyReport("", previous.meta.year + 1).tables;
  const carried = T3_COLUMNS.filter((c) => c.key !== "total").reduce(
    (tables, c) =>
      setCell(
        tables,
        { table: "t3", row: "carriedOver", col: c.key },
        previous.tables.t3.carriedForward?.[c.key] ?? null,
      ),
    blank,
  );
  return computeTotals(carried);
}

/** Last year's report moved on to `year`: texts with their years shifted, carry-over prefilled, new metadata. */
export function reportFromLastYear(previous: Report, body: BodyDetails, year: number): Report {
  const shifted = shiftYearsInReport(previous, previous.meta.year, year);
  const meta = freshMeta(body, year);
  const contact = meta.contact ?? shifted.meta.contact;
  // Last year's standard contact sentence follows the body's current contact.
  const preamble =
    shifted.meta.contact && contact
      ? updateContactSentence(shifted.meta.preamble, shifted.meta.contact, contact)
      : shifted.meta.preamble;
  return {
    ...shifted,
    meta: {
      ...shifted.meta,
      ...meta,
      year,
      preamble: preamble.length > 0 ? preamble : meta.preamble!,
      contact,
      signatureDate: null,
      indexNumber: null,
      publisher: null,
      writtenDate: null,
      publishedDate: null,
    },
    tables: carryOverTables(previous),
  };
}

/**
 * The preamble with its contact sentence rewritten for a changed contact, when it prints the standard sentence
 * for the old one; otherwise unchanged (DOC-CONTACT then asks the author to regenerate or edit it).
 */
export function updateContactSentence(
  preamble: readonly string[],
  before: BodyDetails["contact"],
  after: BodyDetails["contact"],
): string[] {
  const old = contactSentence(before);
  const next = contactSentence(after);
  return preamble.map((p) => (p.includes(old) ? p.replace(old, next) : p));
}
