// Printed dates → ISO dates. Reports date their 落款 「2025年1月15日」 or 「二〇二五年一月十五日」; web pages print
// 成文日期 as 「2025-01-15」, 「2025/1/15」 or 「2025年01月15日 10:30」.
import { chineseNumeralValue, labelKey } from "./labels";

const CN_YEAR_DIGIT = "〇一二三四五六七八九";
const ARABIC = /^(\d{4})(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})日?/;
const CHINESE =
  /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!valid || year < 1900 || year > 2100) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function chineseYear(digits: string): number {
  return Number([...digits].map((d) => CN_YEAR_DIGIT.indexOf(d.replace("零", "〇"))).join(""));
}

/**
 * A printed date → "YYYY-MM-DD", or null. With `whole`, the text must be the date and nothing else (a 落款
 * line); without, trailing text such as a time of day is allowed (page metadata).
 */
export function parseDate(text: string, whole = true): string | null {
  const key = labelKey(text);
  const arabic = ARABIC.exec(key);
  if (arabic && (!whole || arabic[0].length === key.length)) {
    return isoDate(Number(arabic[1]), Number(arabic[2]), Number(arabic[3]));
  }
  const chinese = CHINESE.exec(key);
  if (chinese && (!whole || chinese[0].length === key.length)) {
    const month = chineseNumeralValue(chinese[2]!);
    const day = chineseNumeralValue(chinese[3]!);
    return month && day ? isoDate(chineseYear(chinese[1]!), month, day) : null;
  }
  return null;
}

/** Where a date begins at the end of a line (「…办事处 2025年1月15日」), or -1. */
export function trailingDateStart(text: string): number {
  const m =
    /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$/u.exec(
      text,
    );
  return m ? m.index : -1;
}
