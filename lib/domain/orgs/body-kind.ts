// What kind of body files a report, read from its name when the caller does not say, and whether it may
// make 规章 (T2-RULES-POWER). Inference is by the name's ending, the way the 机关全称 is built:
// 柳北区人民政府钢城街道办事处 is a 街道 although it contains 区人民政府. A BodyKind is an OrgKind (the organisation
// tree's vocabulary, lib/domain/orgs/tree.ts) told apart further by level; what the tree decides, such as the
// publication deadline (lib/domain/calendar/deadline.ts), is decided on the OrgKind.
import type { OrgKind } from "./tree";

/** Kinds accepted by the CLI's --kind flag and by CheckContext.profile.kind. */
export const BODY_KINDS = ["街道", "乡镇", "区县部门", "市级部门", "区县政府", "市政府", "开发区"] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** "unknown" when the name cannot tell (a 市人民政府 may be a 设区的市 or a 县级市); rules then stay silent. */
export type RuleMakingPower = boolean | "unknown";

export function isBodyKind(value: string): value is BodyKind {
  return (BODY_KINDS as readonly string[]).includes(value);
}

const ORG_KINDS_OF_BODY_KINDS: Record<BodyKind, OrgKind> = {
  街道: "SUBDISTRICT",
  乡镇: "TOWNSHIP",
  区县部门: "DEPARTMENT",
  市级部门: "DEPARTMENT",
  区县政府: "DISTRICT",
  市政府: "CITY",
  开发区: "DEV_ZONE",
};

/** The organisation kind a body kind refines; null stays null (a body whose kind the name cannot tell). */
export function orgKindOf(kind: BodyKind | null): OrgKind | null {
  return kind === null ? null : ORG_KINDS_OF_BODY_KINDS[kind];
}

const DEV_ZONE_WORDS = /开发区|高新区|园区|新区|经济区|试验区|示范区|保税区|合作区|自贸区/;
const DEPARTMENT_ENDINGS = /(?:局|委员会|办公室|委|办|厅|署|中心)$/;

/** The name without spaces and bracketed notes, e.g. 「柳州市教育局（柳州市语言文字工作委员会办公室）」. */
function normaliseName(name: string): string {
  return name.replace(/[\s\u3000]/g, "").replace(/[（(][^）)]*[）)]$/, "");
}

/** The kind of body, or null when the name fits none of the patterns (a provincial body, a typo). */
export function inferBodyKind(name: string): BodyKind | null {
  const n = normaliseName(name);
  if (!n) return null;
  if (/街道(?:办事处|办)?$/.test(n)) return "街道";
  if (/(?:镇|乡|苏木)(?:人民政府|政府)?$/.test(n)) return "乡镇";
  if (/管委会$/.test(n) || (/管理委员会$/.test(n) && DEV_ZONE_WORDS.test(n))) return "开发区";
  if (/(?:省|自治区)(?:人民政府|政府)$/.test(n)) return null;
  if (/(?:区|县|旗)(?:人民政府|政府)$/.test(n)) return "区县政府";
  if (/(?:市|州|盟)(?:人民政府|政府)$/.test(n)) return "市政府";
  if (DEPARTMENT_ENDINGS.test(n)) return departmentLevel(n);
  return null;
}

/**
 * A department is county-level when its name places it in a 区/县/旗 (柳北区教育局), city-level when it
 * names only a 市/州/盟 (柳州市教育局); words like 市场 and 城市 are not places.
 */
function departmentLevel(name: string): BodyKind | null {
  const places = name.replace(/市场|城市|都市|超市|城区|社区|园区|区域|区划/g, "");
  if (/.(?:区|县|旗)/.test(places)) return "区县部门";
  if (/.(?:市|州|盟)/.test(places)) return "市级部门";
  return null;
}

/**
 * Whether a body of this kind may make 规章 (立法法 art. 91, 93): only 国务院部门, provincial governments
 * and governments of 设区的市/自治州. A 市政府 may be a 县级市, so its answer is "unknown".
 */
export function ruleMakingPowerOfKind(kind: BodyKind): RuleMakingPower {
  return kind === "市政府" ? "unknown" : false;
}

const RULE_MAKING_GOVERNMENTS = /(?:省|自治区|自治州|北京市|天津市|上海市|重庆市)(?:人民政府|政府)$/;

/** Rule-making power from the name alone; "unknown" unless the name settles it. */
export function inferRuleMakingPower(name: string): RuleMakingPower {
  const n = normaliseName(name);
  if (RULE_MAKING_GOVERNMENTS.test(n)) return true;
  const kind = inferBodyKind(n);
  return kind ? ruleMakingPowerOfKind(kind) : "unknown";
}
