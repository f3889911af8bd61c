// Recognises the six section headings and section 一's five sub-item headings in the printed text, however
// they are numbered (一、 / 1. / 第一部分 / none) and punctuated, so the importer can place text and say
// exactly what is missing, out of order or misnumbered.
import { OVERVIEW_ITEMS, SECTIONS, type OverviewItemKey, type SectionKey } from "../format";
import { labelKey, splitNumbering, type NumberingStyle } from "./labels";

export interface HeadingMatch<K extends string> {
  key: K;
  style: NumberingStyle | null;
  ordinal: number | null;
  /** The heading as printed. */
  printed: string;
  /** Found by its number and subject, not by a known wording (「五、存在的主要问题及整改措施」). */
  loose?: boolean;
}

/** Section titles as the format words them, plus wordings seen in real reports, compared without numbering. */
const SECTION_WORDINGS: Record<SectionKey, string[]> = {
  overview: ["总体情况", "概述"],
  proactive: ["主动公开政府信息情况", "主动公开政府信息"],
  requests: ["收到和处理政府信息公开申请情况", "依申请公开政府信息情况"],
  appeals: [
    "政府信息公开行政复议、行政诉讼情况",
    "政府信息公开行政复议,行政诉讼情况",
    "行政复议、行政诉讼情况",
  ],
  problems: [
    "存在的主要问题及改进情况",
    "政府信息公开工作存在的主要问题及改进情况",
    "存在的主要问题及改进措施",
  ],
  other: ["其他需要报告的事项"],
};

/** The subject a section heading under the right numeral must name to count as that section. */
const SECTION_SUBJECTS: Record<SectionKey, RegExp> = {
  overview: /总体|概述|概况|基本情况/,
  proactive: /主动公开/,
  requests: /申请/,
  appeals: /复议|诉讼/,
  problems: /问题|不足|改进|整改/,
  other: /其他|事项/,
};

const SECTION_STYLES = new Set<NumberingStyle | null>(["section", "part", "arabic", null]);
const TRAILING = /[:。.]$/;

export function matchSectionHeading(text: string): HeadingMatch<SectionKey> | null {
  const key = labelKey(text);
  if (key.length > 40 || key.slice(0, -1).includes("。")) return null;
  const { style, ordinal, rest } = splitNumbering(key);
  if (!SECTION_STYLES.has(style)) return null;
  const body = rest.replace(TRAILING, "");
  for (const section of SECTIONS) {
    if (SECTION_WORDINGS[section.key].some((w) => labelKey(w) === body)) {
      return { key: section.key, style, ordinal, printed: text };
    }
  }
  // Other words under the right numeral: the section, if the words name its subject (DOC-HEADING-WORDING).
  const section = style === "section" && ordinal !== null ? SECTIONS[ordinal - 1] : undefined;
  if (section && body.length <= 30 && SECTION_SUBJECTS[section.key].test(body)) {
    return { key: section.key, style, ordinal, printed: text, loose: true };
  }
  return null;
}

/** The canonical title's key without its numbering, e.g. "主动公开". */
const ITEM_WORDINGS: Record<OverviewItemKey, string[]> = {
  active: ["主动公开"],
  onRequest: ["依申请公开"],
  management: ["政府信息管理", "信息管理"],
  platform: ["政府信息公开平台建设", "政务公开平台建设", "平台建设"],
  supervision: ["监督保障"],
};

/** The subject a sub-item under the right number must name (「（五）政府信息公开监督保障情况」). */
const ITEM_SUBJECTS: Record<OverviewItemKey, RegExp> = {
  active: /主动公开/,
  onRequest: /申请/,
  management: /管理/,
  platform: /平台/,
  supervision: /监督|保障/,
};

function itemByNumber(style: NumberingStyle, ordinal: number | null, rest: string) {
  const item = style === "paren" && ordinal !== null ? OVERVIEW_ITEMS[ordinal - 1] : undefined;
  return item && rest.length <= 24 && ITEM_SUBJECTS[item.key].test(rest) ? item : undefined;
}

export interface ItemHeadingMatch extends HeadingMatch<OverviewItemKey> {
  /** Text printed on the same line after the heading (「（一）主动公开。本年…」), without the separator. */
  rest: string;
}

/** Punctuation that ends a heading printed on the same line as its text. */
const RUN_IN = /[。：:；;]/;

/**
 * A sub-item heading of section 一: a numbered line starting with one of the five wordings (「（一）主动公开」,
 * 「（一）主动公开情况」, 「一、主动公开」 misnumbered), alone on its line or followed by 「。」/「：」 and text.
 */
export function matchOverviewItem(text: string): ItemHeadingMatch | null {
  const sep = RUN_IN.exec(text);
  const runIn = sep !== null && sep.index <= 30;
  const heading = runIn ? text.slice(0, sep.index) : text;
  const key = labelKey(heading);
  if (key.length > 30) return null;
  const { style, ordinal, rest } = splitNumbering(key);
  if (style === null || style === "part") return null;
  const found =
    OVERVIEW_ITEMS.find((item) =>
      ITEM_WORDINGS[item.key].some((w) => rest.startsWith(w) && rest.length <= w.length + 6),
    ) ?? itemByNumber(style, ordinal, rest);
  if (!found) return null;
  return {
    key: found.key,
    style,
    ordinal,
    printed: heading.trim(),
    rest: runIn ? text.slice(sep.index + 1).trim() : "",
  };
}
