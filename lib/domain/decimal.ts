// Exact decimal arithmetic for the fee cell (万元). A decimal is held as a BigInt of units of 10^-SCALE;
// the report schema allows at most four fraction digits, so every stored fee is exact at scale 4.
// Binary floats never enter: "0.1" + "0.2" must be "0.3", and 5125.11 万元 must stay 5125.11.

/** Fraction digits held by a scaled decimal; equals the schema's maximum precision. */
export const DECIMAL_SCALE = 4;

const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a plain decimal ("5125.11", "-3", "0.5", surrounding spaces allowed) into units of 10^-scale.
 * Returns null for anything else, including values with more fraction digits than the scale holds
 * (rounding would silently change a published figure).
 */
export function parseFixed(text: string, scale: number): bigint | null {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = "0", fraction = ""] = match;
  if (fraction.length > scale) return null;
  const units = BigInt(whole + fraction.padEnd(scale, "0"));
  return sign === "-" ? -units : units;
}

/** Parses a decimal at the fee's scale (4); null when not a plain decimal. */
export function parseDecimal(text: string): bigint | null {
  return parseFixed(text, DECIMAL_SCALE);
}

export function isDecimal(text: string): boolean {
  return parseDecimal(text) !== null;
}

/** Formats scaled units minimally: 51251100n → "5125.11", 0n → "0", -5000n → "-0.5". */
export function formatFixed(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

export function formatDecimal(units: bigint): string {
  return formatFixed(units, DECIMAL_SCALE);
}

function requireDecimal(text: string): bigint {
  const units = parseDecimal(text);
  if (units === null)
    throw new RangeError(`Not a decimal with at most ${DECIMAL_SCALE} fraction digits: "${text}"`);
  return units;
}

/** Exact sum of decimal strings; throws on a malformed operand (callers validate input first). */
export function addDecimals(...values: readonly string[]): string {
  return formatDecimal(values.reduce((sum, v) => sum + requireDecimal(v), 0n));
}

/** -1, 0 or 1 as a is less than, equal to or greater than b; "1.50" equals "1.5". */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const x = requireDecimal(a);
  const y = requireDecimal(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Converts a 万元 amount to whole 元 as a decimal string: at scale 4 the units are exactly 元. */
export function wanYuanToYuan(wanYuan: string): string {
  return requireDecimal(wanYuan).toString();
}
