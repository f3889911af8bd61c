// Reading numbers out of report prose: Arabic and full-width digits, Chinese numerals (两件, 十二条,
// 一百零五, 三千二百), counts with a measure word (83条, 两件, 300余篇) and percentages (16.13%, 百分之十).
// Offsets returned always index the caller's original string: normalisation never changes lengths.
import { formatFixed } from "./decimal";

/**
 * Maps full-width ASCII (０-９, ％, （）, ，, ：, ；) and the ideographic space to half-width, one code unit
 * for one, so that an offset found in the result is the same offset in the input.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}; // prettier-ignore
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_LARGE_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** Every character a Chinese numeral may contain, for building patterns. */
export const CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";

/** A digit-by-digit numeral such as 二〇二四 (years, codes) rather than one with place units. */
function parseDigitSequence(text: string): number | null {
  let value = 0;
  for (const ch of text) {
    const digit = CN_DIGITS[ch];
    if (digit === undefined) return null;
    value = value * 10 + digit;
  }
  return value;
}

/** Parses 一百零五 → 105, 十二 → 12, 两 → 2, 三千二百 → 3200, 一万二千 → 12000; null if malformed. */
export function parseChineseNumeral(text: string): number | null {
  if (!text || [...text].some((ch) => !CN_NUMERAL_CHARS.includes(ch))) return null;
  if (![...text].some((ch) => ch in CN_SMALL_UNITS || ch in CN_LARGE_UNITS)) return parseDigitSequence(text);
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      if (digit !== null && digit !== 0 && CN_DIGITS[ch] !== 0) return null; // 一二 inside a numeral
      digit = CN_DIGITS[ch]!;
    } else if (ch in CN_SMALL_UNITS) {
      // A bare 十 means 10 (十二 = 12); other units need a digit before them.
      if (digit === null && ch !== "十") return null;
      section += (digit ?? 1) * CN_SMALL_UNITS[ch]!;
      digit = null;
    } else {
      total = (total + section + (digit ?? 0)) * CN_LARGE_UNITS[ch]!;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

const ARABIC = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?`;
/** Pattern source for one number: Arabic (with optional 万) or a Chinese numeral. Use on toHalfWidth text. */
export const NUMBER_SOURCE = `(?:(?:${ARABIC})万?|[${CN_NUMERAL_CHARS}]+)`;

/**
 * Parses one number token as found by NUMBER_SOURCE: "83", "1,234", "1.2万", "两", "一百零五".
 * Returns null for non-integers (a count of 1.5 件 is not a count) and malformed numerals.
 */
export function parseNumberToken(raw: string): number | null {
  const text = toHalfWidth(raw).trim();
  if (/^[\d,.]+万?$/.test(text)) return parseArabic(text);
  // 一一 in 唯一一家 is not eleven: a count written digit by digit (二〇二四) is a year or a code.
  if (text.length > 1 && ![...text].some((ch) => ch in CN_SMALL_UNITS || ch in CN_LARGE_UNITS)) return null;
  return parseChineseNumeral(text);
}

function parseArabic(text: string): number | null {
  const tenThousands = text.endsWith("万");
  const digits = text.replace(/[,万]/g, "");
  const match = /^(\d+)(?:\.(\d+))?$/.exec(digits);
  if (!match) return null;
  const [, whole = "", fraction = ""] = match;
  // Shift the decimal point by string so "1.2万" is exactly 12000, never a float product.
  const shift = tenThousands ? 4 : 0;
  if (fraction.replace(/0+$/, "").length > shift) return null;
  return Number(whole + fraction.padEnd(shift, "0").slice(0, shift));
}

/** Measure words that make a number a count, longest first so 人次 wins over 人. */
export const COUNT_UNITS = [
  "人次", "件", "条", "篇", "个", "次", "项", "期", "份", "则", "起", "宗", "例", "场", "家", "名", "人", "批", "封",
  "张", "本", "部",
] as const; // prettier-ignore

export interface Quantity {
  value: number;
  unit: string;
  /** 300余篇, 100多条: the value is a lower bound. */
  approximate: boolean;
  start: number;
  end: number;
  raw: string;
}

const QUANTITY_PATTERN = new RegExp(`(${NUMBER_SOURCE})(余|多)?(${COUNT_UNITS.join("|")})`, "g");

/**
 * Every count with a measure word in the text. Ordinals (第一件, 第二十条) are skipped, and so are
 * Chinese numerals fused into set phrases (一件事, 一次性) that only look like counts.
 */
export function findQuantities(text: string): Quantity[] {
  const normal = toHalfWidth(text);
  const found: Quantity[] = [];
  for (const m of normal.matchAll(QUANTITY_PATTERN)) {
    const [raw, number = "", approx, unit = ""] = m;
    const start = m.index;
    const value = parseNumberToken(number);
    const end = start + raw.length;
    if (value === null || normal[start - 1] === "第" || isSetPhrase(normal, end, number)) continue;
    found.push({ value, unit, approximate: approx !== undefined, start, end, raw });
  }
  return found;
}

/** 一件事, 一次性, 一条龙: a Chinese numeral fused into a set phrase is not a count. */
function isSetPhrase(text: string, end: number, number: string): boolean {
  return !/\d/.test(number) && /^[事性龙]/.test(text.slice(end, end + 1));
}

export interface Percentage {
  /** The printed value as an exact decimal string: "16.13", "10", "12.5". */
  value: string;
  /** The printed value scaled by 10^decimals: 16.13% → 1613n with decimals 2. */
  scaled: bigint;
  decimals: number;
  start: number;
  end: number;
  raw: string;
}

const PERCENT_PATTERN = new RegExp(
  String.raw`(\d+(?:\.\d+)?)\s*%|百分之([${CN_NUMERAL_CHARS}]+)(?:点([零〇一二三四五六七八九]+))?`,
  "g",
);

/** Every percentage in the text: "16.13%", "１６．１３％", "百分之十", "百分之十二点五". */
export function findPercentages(text: string): Percentage[] {
  const normal = toHalfWidth(text);
  const found: Percentage[] = [];
  for (const m of normal.matchAll(PERCENT_PATTERN)) {
    const value = m[1] ?? chinesePercent(m[2] ?? "", m[3]);
    if (value === null) continue;
    const decimals = value.split(".")[1]?.length ?? 0;
    const scaled = BigInt(value.replace(".", ""));
    found.push({
      value: formatFixed(scaled, decimals),
      scaled,
      decimals,
      start: m.index,
      end: m.index + m[0].length,
      raw: m[0],
    });
  }
  return found;
}

function chinesePercent(whole: string, fraction: string | undefined): string | null {
  // 百分之百 is 100%: a bare 百 means one hundred here.
  const integer = whole === "百" ? 100 : parseChineseNumeral(whole);
  if (integer === null) return null;
  if (!fraction) return String(integer);
  return `${integer}.${[...fraction].map((ch) => CN_DIGITS[ch]).join("")}`;
}
