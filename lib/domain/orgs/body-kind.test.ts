import { describe, expect, it } from "vitest";
import {
  BODY_KINDS,
  inferBodyKind,
  inferRuleMakingPower,
  isBodyKind,
  orgKindOf,
  ruleMakingPowerOfKind,
} from "./body-kind";
import { defaultDeadline } from "../calendar/deadline";

describe("inferBodyKind", () => {
  it.each([
    ["柳北区人民政府钢城街道办事处", "街道"],
    ["钢城街道", "街道"],
    ["某某街道办", "街道"],
    ["沙塘镇人民政府", "乡镇"],
    ["沙塘镇", "乡镇"],
    ["长塘乡人民政府", "乡镇"],
    ["柳州市柳北区教育局", "区县部门"],
    ["柳北区市场监督管理局", "区县部门"],
    ["融安县卫生健康委员会", "区县部门"],
    ["柳北区人民政府办公室", "区县部门"],
    ["柳州市教育局", "市级部门"],
    ["柳州市市场监督管理局", "市级部门"],
    ["柳州市城市管理委员会", "市级部门"],
    ["柳州高新技术产业开发区管理委员会", "开发区"],
    ["柳东新区管委会", "开发区"],
    ["柳州市柳北区人民政府", "区县政府"],
    ["融安县人民政府", "区县政府"],
    ["柳州市人民政府", "市政府"],
    ["黔东南苗族侗族自治州人民政府", "市政府"],
    ["广西壮族自治区人民政府", null],
    ["", null],
    ["某某公司", null],
  ])("reads %s as %s", (name, kind) => {
    expect(inferBodyKind(name)).toBe(kind);
  });

  it("ignores spaces and a bracketed note after the name", () => {
    expect(inferBodyKind("柳州市 教育局（柳州市语言文字工作委员会办公室）")).toBe("市级部门");
  });
});

describe("rule-making power", () => {
  it.each([
    ["柳北区人民政府钢城街道办事处", false],
    ["沙塘镇人民政府", false],
    ["柳州市柳北区人民政府", false],
    ["柳州市教育局", false],
    ["柳州高新技术产业开发区管理委员会", false],
    ["广西壮族自治区人民政府", true],
    ["广东省人民政府", true],
    ["上海市人民政府", true],
    ["黔东南苗族侗族自治州人民政府", true],
    ["柳州市人民政府", "unknown"],
    ["某某公司", "unknown"],
  ])("for %s is %s", (name, power) => {
    expect(inferRuleMakingPower(name)).toBe(power);
  });

  it("is unknown for a 市政府 kind, which may be a county-level city, and false for every other kind", () => {
    expect(BODY_KINDS.map((k) => [k, ruleMakingPowerOfKind(k)])).toEqual(
      BODY_KINDS.map((k) => [k, k === "市政府" ? "unknown" : false]),
    );
  });
});

describe("kinds and deadlines", () => {
  it("accepts exactly the CLI's kinds", () => {
    expect(isBodyKind("街道")).toBe(true);
    expect(isBodyKind("省政府")).toBe(false);
  });

  it.each([
    ["街道", "SUBDISTRICT"],
    ["乡镇", "TOWNSHIP"],
    ["区县部门", "DEPARTMENT"],
    ["市级部门", "DEPARTMENT"],
    ["区县政府", "DISTRICT"],
    ["市政府", "CITY"],
    ["开发区", "DEV_ZONE"],
  ] as const)("a %s is an organisation of kind %s", (body, org) => {
    expect(orgKindOf(body)).toBe(org);
  });

  it("leaves an unknown kind unknown", () => {
    expect(orgKindOf(null)).toBeNull();
  });

  it("holds bodies to the one deadline rule: 31 January, and 31 March for a government's own report", () => {
    expect(defaultDeadline(orgKindOf("街道"), 2024)).toBe("2025-01-31");
    expect(defaultDeadline(orgKindOf(null), 2024)).toBe("2025-01-31");
    expect(defaultDeadline(orgKindOf("区县政府"), 2024)).toBe("2025-03-31");
    expect(defaultDeadline(orgKindOf("市政府"), 2024)).toBe("2025-03-31");
  });
});
