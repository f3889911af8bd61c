import { describe, expect, it } from "vitest";
import { isPartialInput, parseCellInput } from "./cell-input";

describe("reading what is typed into a cell", () => {
  it.each<[string, boolean, unknown]>([
    ["12", false, 12],
    ["０１２", false, 12],
    [" 1,234 ", false, 1234],
    ["", false, null],
    ["0", false, 0],
    ["5125.11", true, "5125.11"],
    ["5125.10", true, "5125.1"],
    ["２６．５５", true, "26.55"],
    ["0", true, "0"],
  ])("accepts %j (decimal: %s) as %j", (raw, isDecimal, value) => {
    expect(parseCellInput(raw, isDecimal)).toEqual({ ok: true, value });
  });

  it.each<[string, boolean, RegExp]>([
    ["abc", false, /不是数字/],
    ["/", false, /没有数据的请填写0/],
    ["无", false, /填写0/],
    ["-3", false, /不能为负数/],
    ["1.5", false, /整数/],
    ["1.23456", true, /四位小数/],
    ["12a", true, /不小于0的数字/],
    ["9999999999", false, /过大/],
  ])("refuses %j (decimal: %s) with a message", (raw, isDecimal, message) => {
    const parsed = parseCellInput(raw, isDecimal);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it("lets a decimal point stand while the fee is being typed", () => {
    expect(isPartialInput("12.", true)).toBe(true);
    expect(isPartialInput("12.", false)).toBe(false);
  });
});
