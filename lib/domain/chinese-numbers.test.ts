import { describe, expect, it } from "vitest";
import {
  findPercentages,
  findQuantities,
  parseChineseNumeral,
  parseNumberToken,
  toHalfWidth,
} from "./chinese-numbers";

describe("parseChineseNumeral", () => {
  it.each([
    ["零", 0],
    ["一", 1],
    ["两", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十三", 23],
    ["一百零五", 105],
    ["一百一十", 110],
    ["三千二百", 3200],
    ["三千零二", 3002],
    ["一万二千", 12000],
    ["十万", 100000],
    ["二〇二四", 2024],
  ])("reads %s as %i", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(["", "百", "千五", "abc", "一二三十"])("rejects the malformed numeral %j", (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });
});

describe("parseNumberToken", () => {
  it.each([
    ["83", 83],
    ["８３", 83],
    ["1,234", 1234],
    ["1.2万", 12000],
    ["3万", 30000],
    ["两", 2],
    ["十二", 12],
  ])("reads the count %s as %i", (raw, value) => {
    expect(parseNumberToken(raw)).toBe(value);
  });

  it.each(["1.5", "一一", "1.23456万"])("refuses %s, which is not a whole count", (raw) => {
    expect(parseNumberToken(raw)).toBeNull();
  });
});

describe("toHalfWidth", () => {
  it("maps full-width digits and punctuation one for one, keeping offsets", () => {
    const text = "收到申请１２件（占１６．１３％），";
    const half = toHalfWidth(text);
    expect(half).toBe("收到申请12件(占16.13%),");
    expect(half.length).toBe(text.length);
  });
});

describe("findQuantities", () => {
  const values = (text: string) => findQuantities(text).map((q) => [q.value, q.unit]);

  it("finds Arabic, full-width and Chinese counts with their measure words", () => {
    expect(values("主动公开政府信息83条，收到申请两件，发布１２篇，办理一百零五件")).toEqual([
      [83, "条"],
      [2, "件"],
      [12, "篇"],
      [105, "件"],
    ]);
  });

  it("marks 余 and 多 as lower bounds", () => {
    expect(findQuantities("发布信息300余篇")[0]).toMatchObject({ value: 300, approximate: true });
  });

  it("gives offsets into the original text", () => {
    const text = "共收到申请１２件";
    const [q] = findQuantities(text);
    expect(text.slice(q!.start, q!.end)).toBe("１２件");
  });

  it("skips ordinals, set phrases and numerals inside words", () => {
    expect(values("第一件事，第二十条，高效办成一件事，一次性告知，唯一一家，三审三校，2024年")).toEqual([]);
  });
});

describe("findPercentages", () => {
  it.each([
    ["同比上升16.13%", "16.13", 1613n, 2],
    ["占比１．１％", "1.1", 11n, 1],
    ["占百分之十", "10", 10n, 0],
    ["百分之十二点五", "12.5", 125n, 1],
    ["公开率达百分之百", "100", 100n, 0],
  ])("reads %s", (text, value, scaled, decimals) => {
    expect(findPercentages(text)[0]).toMatchObject({ value, scaled, decimals });
  });

  it("keeps the printed precision: 16.10% has two decimals", () => {
    expect(findPercentages("16.10%")[0]).toMatchObject({ value: "16.1", scaled: 1610n, decimals: 2 });
  });
});
