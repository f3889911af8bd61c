import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDecimals,
  compareDecimals,
  formatDecimal,
  formatFixed,
  isDecimal,
  parseDecimal,
  parseFixed,
  wanYuanToYuan,
} from "./decimal";

describe("parseDecimal", () => {
  it.each([
    ["5125.11", 51251100n],
    ["26.55", 265500n],
    ["0", 0n],
    [" 12 ", 120000n],
    ["0.0001", 1n],
    ["-3.5", -35000n],
    ["007.10", 71000n],
  ])("reads %s exactly as %s ten-thousandths", (text, units) => {
    expect(parseDecimal(text)).toBe(units);
  });

  it.each(["", "abc", "1.23456", "1e3", "1,000", "1.", ".5", "NaN", "--1"])("rejects %j", (text) => {
    expect(parseDecimal(text)).toBeNull();
    expect(isDecimal(text)).toBe(false);
  });
});

describe("formatDecimal", () => {
  it.each([
    [51251100n, "5125.11"],
    [0n, "0"],
    [1n, "0.0001"],
    [-5000n, "-0.5"],
    [120000n, "12"],
  ])("formats %s as %s without trailing zeros", (units, text) => {
    expect(formatDecimal(units)).toBe(text);
  });

  it("formats at any scale", () => {
    expect(formatFixed(1613n, 2)).toBe("16.13");
    expect(formatFixed(5n, 0)).toBe("5");
  });
});

describe("decimal arithmetic", () => {
  it("adds exactly where binary floats do not: 0.1 + 0.2 = 0.3", () => {
    expect(addDecimals("0.1", "0.2")).toBe("0.3");
    expect(addDecimals("5125.11", "26.55", "0")).toBe("5151.66");
    expect(addDecimals()).toBe("0");
  });

  it("compares by value, not by spelling", () => {
    expect(compareDecimals("1.50", "1.5")).toBe(0);
    expect(compareDecimals("9.99", "10")).toBe(-1);
    expect(compareDecimals("125000", "1000")).toBe(1);
  });

  it("throws on a malformed operand, which is a bug in the caller", () => {
    expect(() => addDecimals("1", "x")).toThrow(RangeError);
  });

  it("converts 万元 to 元 exactly", () => {
    expect(wanYuanToYuan("5125.11")).toBe("51251100");
    expect(wanYuanToYuan("0.0001")).toBe("1");
  });

  it("round-trips every value of at most four fraction digits", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), (units) => {
        expect(parseFixed(formatDecimal(units), 4)).toBe(units);
      }),
    );
  });

  it("adds associatively, unlike floats", () => {
    const decimal = fc.bigInt({ min: 0n, max: 10n ** 12n }).map(formatDecimal);
    fc.assert(
      fc.property(decimal, decimal, decimal, (a, b, c) => {
        expect(addDecimals(addDecimals(a, b), c)).toBe(addDecimals(a, addDecimals(b, c)));
      }),
    );
  });
});
