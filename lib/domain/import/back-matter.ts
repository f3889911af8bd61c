// What the importer derives from the prose rather than reads from one place: the 落款 (body name and date at
// the end), the contact printed in the preamble, and the report year when the title does not give it.
import { matchSectionHeading } from "./headings";
import { parseDate, trailingDateStart } from "./dates";
import { labelKey, splitNumbering } from "./labels";
import type { ReportMeta } from "../report-schema";

const ORG_SUFFIX =
  /(?:政府|办事处|街道|委员会|管委会|委|局|办公室|办|中心|院|所|站|队|厅|部|署|会|处|室|馆|社|公司|集团|镇|乡)$/;
const SENTENCE_PUNCTUATION = /[。，,；;：:！!？?]/;

/** A 落款 body-name line: short, no sentence punctuation, not numbered; without a date it must end like a body. */
export function isSignatureName(text: string, followedByDate: boolean): boolean {
  const key = labelKey(text);
  if (key.length < 2 || key.length > 40 || SENTENCE_PUNCTUATION.test(key)) return false;
  if (splitNumbering(key).style !== null || matchSectionHeading(text)) return false;
  return followedByDate || ORG_SUFFIX.test(key);
}

export interface Signature {
  name: string;
  date: string | null;
  /** How many trailing paragraphs the 落款 took. */
  lineCount: number;
}

/** The 落款 at the end of the last paragraphs: 「〈机关〉」 then 「2025年1月15日」, or both on one line. */
export function readSignature(paragraphs: readonly string[]): Signature {
  const last = paragraphs.at(-1) ?? "";
  const before = paragraphs.at(-2);
  const date = parseDate(last);
  if (date) {
    const named = before !== undefined && isSignatureName(before, true);
    return { name: named ? before.trim() : "", date, lineCount: named ? 2 : 1 };
  }
  const dateStart = trailingDateStart(last);
  if (dateStart > 0 && isSignatureName(last.slice(0, dateStart), true)) {
    return { name: last.slice(0, dateStart).trim(), date: parseDate(last.slice(dateStart)), lineCount: 1 };
  }
  if (last && isSignatureName(last, false)) return { name: last.trim(), date: null, lineCount: 1 };
  return { name: "", date: null, lineCount: 0 };
}

type Contact = NonNullable<ReportMeta["contact"]>;

const CONTACT = {
  office:
    /(?:请与|请联系|联系单位[:：]|联系部门[:：]|联系机构[:：])\s*([^，,。；;（(\n]+?)\s*(?:联系|[，,。；;（(\n]|$)/,
  address: /(?:联系地址|办公地址|通信地址|通讯地址|地址)\s*[:：]\s*([^，,。；;）)\n]+)/,
  postcode: /(?:邮政编码|邮编)\s*[:：]?\s*(\d{6})/,
  phone: /(?:联系电话|咨询电话|电话)(?:[(（]传真[)）])?\s*[:：]?\s*(\d[\d\-－—()（）\s]{4,24}\d(?:转\d+)?)/,
};

/** The contact a preamble prints (「请与…联系（地址：…；邮编：…；电话：…）」), or null when it prints none. */
export function readContact(preamble: readonly string[]): Contact | null {
  const text = preamble.join("\n");
  const pick = (re: RegExp) => re.exec(text)?.[1]?.trim() ?? "";
  const contact = {
    office: pick(CONTACT.office),
    address: pick(CONTACT.address),
    phone: pick(CONTACT.phone),
    postcode: pick(CONTACT.postcode),
  };
  return contact.address || contact.phone || contact.postcode ? contact : null;
}

const PERIOD =
  /(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|－|-|～|~)\s*(?:\d{4}\s*年\s*)?12\s*月\s*31\s*日/;

/**
 * The report year when the title does not say, from the preamble and section 一 (`intro`): the statistics
 * period 「2024年1月1日至12月31日」, else the first 「2024年度」, else the year most often named, else the year
 * before the 落款 date.
 */
export function inferYear(intro: readonly string[], signatureDate: string | null): number | null {
  const all = intro.join("\n");
  const period = PERIOD.exec(all);
  if (period) return Number(period[1]);
  const annual = /(\d{4})\s*年度/.exec(all);
  if (annual) return Number(annual[1]);
  const counts = new Map<number, number>();
  for (const m of all.matchAll(/(\d{4})\s*年/g))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const frequent = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (frequent) return frequent[0];
  return signatureDate ? Number(signatureDate.slice(0, 4)) - 1 : null;
}
