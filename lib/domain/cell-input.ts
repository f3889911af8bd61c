// What a user types or pastes into a table cell, read as the value the report stores: a count is an integer
// ≥ 0, the fee an exact decimal ≥ 0 (万元, at most four fraction digits), an empty cell is blank. Anything
// else is refused with a message saying what is wanted; nothing invalid ever reaches the report.
import { formatDecimal, parseDecimal } from "./decimal";
import type { CellValue } from "./cells";

export type CellParse = { ok: true; value: CellValue } | { ok: false; message: string };

/** The largest count the schema accepts. */
export const MAX_COUNT = 1e9;

/** Full-width digits and points (from a Chinese input method) become ASCII; spaces and thousands separators go. */
export function normaliseCellText(raw: string): string {
  return raw
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/[\s\u3000,，]/g, "");
}

const PLACEHOLDERS = /^(?:\/|／|-|—|–|－|无|空|\\)$/;

function describeWanted(isDecimal: boolean): string {
  return isDecimal ? "不小于0的数字（单位：万元，最多四位小数）" : "不小于0的整数";
}

/** Reads one cell's text; "" is blank (null). */
export function parseCellInput(raw: string, isDecimal: boolean): CellParse {
  const text = normaliseCellText(raw);
  if (text === "") return { ok: true, value: null };
  if (PLACEHOLDERS.test(text)) {
    return { ok: false, message: `“${raw.trim()}”不是数字：没有数据的请填写0` };
  }
  if (/^-\d/.test(text)) return { ok: false, message: `不能为负数，应填写${describeWanted(isDecimal)}` };
  if (isDecimal) {
    const units = parseDecimal(text);
    if (units === null || !/^\d{1,12}(\.\d+)?$/.test(text)) {
      const tooPrecise = /^\d+\.\d{5,}$/.test(text);
      return { ok: false, message: tooPrecise ? "最多填写四位小数" : `应填写${describeWanted(true)}` };
    }
    return { ok: true, value: formatDecimal(units) };
  }
  if (/^\d+\.\d+$/.test(text)) return { ok: false, message: "应填写整数（件数不能有小数）" };
  if (!/^\d+$/.test(text))
    return { ok: false, message: `“${raw.trim()}”不是数字，应填写${describeWanted(false)}` };
  const value = Number(text);
  if (value > MAX_COUNT) return { ok: false, message: "数值过大，请核对" };
  return { ok: true, value };
}

/** Text that is not a value yet but may become one as the user keeps typing: 「12.」 in the fee cell. */
export function isPartialInput(raw: string, isDecimal: boolean): boolean {
  return isDecimal && /^\d{1,12}\.$/.test(normaliseCellText(raw));
}

/** How a stored value shows in an input: blank is "", numbers and decimals as written. */
export function cellText(value: CellValue): string {
  return value === null ? "" : String(value);
}
