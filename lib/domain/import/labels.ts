// How importers compare printed labels and read printed cell values. Published copies mix half- and
// full-width punctuation, scatter spaces inside labels (「商业 企业」) and print "/" or "—" for zero, so labels
// are compared by a normalised key and values are classified before they are trusted.

const QUOTES = /[“”"'‘’「」『』]/g;
const SPACES = /[\s\u00a0\u3000]+/g;

/** A comparison key for a label: NFKC (full-width → half-width), no whitespace, no quotes, 、 kept. */
export function labelKey(text: string): string {
  return text.normalize("NFKC").replace(SPACES, "").replace(QUOTES, "");
}

const CN_DIGITS = "〇一二三四五六七八九";

/** 一 … 九十九 as a number; null for anything else. */
export function chineseNumeralValue(numeral: string): number | null {
  if (/^[〇零一二三四五六七八九]$/.test(numeral)) return CN_DIGITS.indexOf(numeral.replace("零", "〇"));
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(numeral);
  if (!m) return null;
  return (m[1] ? CN_DIGITS.indexOf(m[1]) : 1) * 10 + (m[2] ? CN_DIGITS.indexOf(m[2]) : 0);
}

export type NumberingStyle = "section" | "paren" | "arabic" | "part";

export interface Numbered {
  style: NumberingStyle | null;
  /** 1-based ordinal of the numbering, null when unnumbered. */
  ordinal: number | null;
  rest: string;
}

const NUMBERING: { style: NumberingStyle; re: RegExp }[] = [
  { style: "part", re: /^第([一二三四五六七八九十]+)部分[、.:]?/ },
  { style: "section", re: /^([一二三四五六七八九十]+)[、.]/ },
  { style: "paren", re: /^\(([一二三四五六七八九十]+|\d{1,2})\)/ },
  { style: "arabic", re: /^(\d{1,2})(?:[、.](?!\d)|(?=[^\d.]))/ },
];

/** Splits a label key (see labelKey) into its numbering (一、 / (一) / 1. / 第一部分) and the rest. */
export function splitNumbering(key: string): Numbered {
  for (const { style, re } of NUMBERING) {
    const m = re.exec(key);
    if (!m) continue;
    const raw = m[1]!;
    const ordinal = /^\d+$/.test(raw) ? Number(raw) : chineseNumeralValue(raw);
    return { style, ordinal, rest: key.slice(m[0].length) };
  }
  return { style: null, ordinal: null, rest: key };
}

/** What a printed cell holds: a number, a zero placeholder ("/", "—", "-", "无") or nothing at all. */
export type CellToken =
  { kind: "blank" } | { kind: "placeholder"; text: string } | { kind: "number"; text: string };

const PLACEHOLDERS = new Set(["/", "\\", "-", "--", "—", "——", "–", "−", "无"]);
const NUMBER_LIKE = /^[+\-−–—]*\d[\d,]*(?:\.\d+)?(?:万元|元|件|个|项|条|次)?$/;

/** Classifies a printed cell; null when the text is not a value at all (a label, a heading, prose). */
export function readCellToken(raw: string): CellToken | null {
  const text = labelKey(raw);
  if (text === "") return { kind: "blank" };
  if (PLACEHOLDERS.has(text)) return { kind: "placeholder", text };
  if (NUMBER_LIKE.test(text)) return { kind: "number", text };
  return null;
}

/** A printed count as an integer ≥ 0, or null when it is not one (negative, fractional, a change like "+3"). */
export function parseCount(text: string): number | null {
  const m = /^(\d+)(?:\.0+)?(?:件|个|项|条|次)?$/.exec(text.replace(/,/g, ""));
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n <= 1e9 ? n : null;
}

/**
 * A printed fee (万元) as the schema's exact decimal string. Canonical form: no leading zeros in the integer
 * part; the fractional digits exactly as printed (「26.50」 stays, since the printed precision is the report's).
 */
export function parseFee(text: string): string | null {
  const m = /^(\d{1,12})(\.\d{1,4})?(?:万元)?$/.exec(text.replace(/,/g, ""));
  if (!m) return null;
  return `${m[1]!.replace(/^0+(?=\d)/, "")}${m[2] ?? ""}`;
}

/** Dice coefficient of character bigrams: how alike two label keys are, 0…1 (for the positional fallback). */
export function labelSimilarity(a: string, b: string): number {
  const grams = (s: string) => Array.from({ length: Math.max(s.length - 1, 0) }, (_, i) => s.slice(i, i + 2));
  const x = grams(a);
  const y = grams(b);
  if (x.length === 0 || y.length === 0) return a === b ? 1 : 0;
  const pool = [...y];
  let shared = 0;
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      shared++;
      pool.splice(i, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}
