// The standard sentences an author would otherwise copy figure by figure from the tables: 一（二）依申请公开
// from table 三, and the 信息处理费 paragraph of section 六. They are worded so that the text rules
// (TXT-APPLICATIONS, X-YOY-CLAIM, TXT-FEE-SECTION6) read them back as agreeing with the tables.
import { T3_COLUMNS, T3_RESULT_GROUPS, type T3GroupKey } from "./format";
import type { Report, Tables } from "./report-schema";
import { t3Count, t3GroupCount } from "./rules/table-cells";
import { sumOrNull } from "./totals";

export type Narrative = { ok: true; paragraphs: string[] } | { ok: false; reason: string };

const RESULT_WORDS: Record<Exclude<T3GroupKey, "resultTotal">, string> = {
  disclosed: "予以公开",
  partial: "部分公开",
  withheld: "不予公开",
  unable: "无法提供",
  notProcessed: "不予处理",
  otherHandling: "其他处理",
};

const legalPersonColumns = T3_COLUMNS.filter((c) => c.legalPerson).map((c) => c.key);

function comparison(received: number, lastReceived: number | null): string {
  if (lastReceived === null) return "";
  const change = received - lastReceived;
  if (change === 0) return "，与上年持平";
  return change > 0 ? `，比上年增加${change}件` : `，比上年减少${-change}件`;
}

function receivedSentence(tables: Tables, received: number, lastReceived: number | null): string {
  const natural = t3Count(tables, "newReceived", "natural") ?? 0;
  const legal = sumOrNull(legalPersonColumns.map((c) => t3Count(tables, "newReceived", c))) ?? 0;
  const who = received > 0 ? `，申请人为自然人的${natural}件、法人或其他组织的${legal}件` : "";
  return `本年度共收到政府信息公开申请${received}件${comparison(received, lastReceived)}${who}。`;
}

function resultSentence(tables: Tables): string {
  const parts = Object.entries(RESULT_WORDS).map(([group, words]) => {
    const count = t3GroupCount(tables, group as T3GroupKey) ?? 0;
    return `${words}${count}件`;
  });
  const total = t3Count(tables, "resultTotal", "total") ?? 0;
  const forward = t3Count(tables, "carriedForward", "total") ?? 0;
  return `本年度办结${total}件，其中${parts.join("，")}；结转下年度继续办理${forward}件。`;
}

/** The table 三 rows the sentences of 一（二） need, or the first one still blank. */
function missingRow(tables: Tables): string | null {
  const rows = ["newReceived", "carriedOver", "resultTotal", "carriedForward"];
  const blank = rows.find((row) => t3Count(tables, row, "total") === null);
  if (blank) return blank;
  const groups = T3_RESULT_GROUPS.filter((g) => g.key !== "resultTotal");
  return groups.find((g) => t3GroupCount(tables, g.key) === null)?.key ?? null;
}

/** 一（二）依申请公开: received (with last year's comparison when known), carried over, results, carried forward. */
export function onRequestNarrative(report: Report, previous: Report | null = null): Narrative {
  const tables = report.tables;
  if (missingRow(tables)) {
    return { ok: false, reason: "表三尚有未填写的单元格，填写完整后才能生成依申请公开的标准表述" };
  }
  const received = t3Count(tables, "newReceived", "total") ?? 0;
  const carried = t3Count(tables, "carriedOver", "total") ?? 0;
  const lastReceived = previous ? t3Count(previous.tables, "newReceived", "total") : null;
  const year = report.meta.year;
  if (received === 0 && carried === 0) {
    return {
      ok: true,
      paragraphs: [`${year}年度，本机关未收到政府信息公开申请，无上年结转的政府信息公开申请。`],
    };
  }
  const carriedText = `上年结转政府信息公开申请${carried}件。`;
  const sentences = [receivedSentence(tables, received, lastReceived), carriedText, resultSentence(tables)];
  return { ok: true, paragraphs: [sentences.join("")] };
}

export interface FeeFacts {
  /** 收费通知 sent this year. */
  notices: number;
  /** 信息处理费 actually collected, in 元 (an exact decimal string). */
  amountYuan: string;
}

/** Fee notices at least as many as applications dropped for not paying (table 三 （六）2). */
export function unpaidFeeApplications(tables: Tables): number | null {
  return t3Count(tables, "otherHandling.unpaidFee", "total");
}

/** Section 六's 信息处理费 paragraph (《政府信息公开信息处理费管理办法》). */
export function feeNarrative(report: Report, facts: FeeFacts): string {
  const year = report.meta.year;
  const unpaid = unpaidFeeApplications(report.tables) ?? 0;
  const collected = facts.amountYuan.replace(/^0+(?=\d)/, "");
  if (facts.notices === 0 && /^0(\.0+)?$/.test(collected)) {
    return `${year}年度，本机关未发出信息处理费收费通知，未收取信息处理费。`;
  }
  const dropped = unpaid > 0 ? `，因申请人逾期未缴纳费用不再处理的申请${unpaid}件` : "";
  return `${year}年度，本机关依据《政府信息公开信息处理费管理办法》发出收费通知${facts.notices}件，收取信息处理费${collected}元${dropped}。`;
}

/** Where the fee paragraph goes: replacing the paragraph already about 信息处理费, else first in section 六. */
export function withFeeParagraph(paragraphs: readonly string[], sentence: string): string[] {
  const at = paragraphs.findIndex((p) => p.includes("信息处理费"));
  if (at >= 0) return paragraphs.map((p, i) => (i === at ? sentence : p));
  return [sentence, ...paragraphs.filter((p) => p.trim() !== "")];
}
