import { describe, expect, it } from "vitest";
import { coreOfQuery, searchOrgs } from "./search";

const ORGS = [
  { slug: "liuzhou", name: "柳州市人民政府", shortName: "柳州市" },
  { slug: "liubei", name: "柳州市柳北区人民政府", shortName: "柳北区" },
  { slug: "gangcheng", name: "柳北区人民政府钢城街道办事处", shortName: "钢城街道" },
  { slug: "jinxiu", name: "柳北区人民政府锦绣街道办事处", shortName: "锦绣街道" },
  { slug: "shatang", name: "柳北区沙塘镇人民政府", shortName: "沙塘镇" },
];

const slugs = (query: string) => searchOrgs(ORGS, query).map((o) => o.slug);

describe("coreOfQuery", () => {
  it.each([
    ["钢城街道", "钢城"],
    ["钢城街道办事处", "钢城"],
    ["钢城街道办", "钢城"],
    ["钢城街办", "钢城"],
    [" 钢城 街道 ", "钢城"],
    ["沙塘镇人民政府", "沙塘镇"],
    ["街道", "街道"],
  ])("「%s」 has the core 「%s」", (query, core) => {
    expect(coreOfQuery(query)).toBe(core);
  });
});

describe("searchOrgs", () => {
  it.each([
    "钢城",
    "钢城街道",
    "钢城街道办事处",
    "钢城街道办",
    "钢城街办",
    "柳北区人民政府钢城街道办事处",
    "gangcheng",
  ])("「%s」 finds 钢城街道", (query) => {
    expect(slugs(query)[0]).toBe("gangcheng");
  });

  it("a generic word alone lists every body whose name has it", () => {
    expect(slugs("街道").sort()).toEqual(["gangcheng", "jinxiu"]);
  });

  it("ranks the exact short name before bodies that merely contain it", () => {
    expect(slugs("柳北区")[0]).toBe("liubei");
    expect(slugs("柳北区")).toContain("gangcheng");
  });

  it("finds a township with or without 人民政府", () => {
    expect(slugs("沙塘镇人民政府")).toEqual(["shatang"]);
    expect(slugs("沙塘")).toEqual(["shatang"]);
  });

  it("an empty query or one that matches nothing finds nothing", () => {
    expect(slugs("")).toEqual([]);
    expect(slugs("   ")).toEqual([]);
    expect(slugs("白云街道")).toEqual([]);
  });
});
