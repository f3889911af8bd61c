import { describe, expect, it } from "vitest";
import { cleanDeep, cleanText } from "./text-clean";

describe("cleanText", () => {
  it.each([
    ["a\u0000b", "ab"],
    ["x\uD800y", "xy"],
    ["x\uDC00y", "xy"],
    ["\uDC00\uD800", ""],
    ["年报😀", "年报😀"],
    ["普通文字", "普通文字"],
  ])("%j → %j", (input, output) => {
    expect(cleanText(input)).toBe(output);
  });

  it("leaves text PostgreSQL's jsonb accepts", () => {
    expect(JSON.stringify(cleanText("a\uD83D\u0000"))).toBe('"a"');
  });
});

describe("cleanDeep", () => {
  it("cleans every string in nested objects and arrays and keeps other values", () => {
    const when = new Date(0);
    const out = cleanDeep({ a: ["x\u0000", 3, null], b: { c: "\uD800ok", when } });
    expect(out).toEqual({ a: ["x", 3, null], b: { c: "ok", when } });
    expect(out.b.when).toBe(when);
  });
});
