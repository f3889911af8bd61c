// Everything above 一、总体情况: breadcrumbs and page chrome (left out, but listed), the page's metadata
// (索引号, 发布机构, 成文日期 …), the title (sometimes split over two lines) and the preamble.
import type { ImportLog } from "./import-log";
import { labelKey } from "./labels";
import type { SourceLine } from "./source-lines";

// Longest first, so 「主题分类」 is not read as 「分类」.
const META_KEYS = (
  "索引号 主题分类 信息分类 体裁分类 组配分类 分类 发布机构 发文机关 发布单位 成文日期 发文日期 发布日期 发布时间 " +
  "公开方式 公开形式 公开范围 公开时限 文号 发文字号 有效性 生效日期 废止日期 标题 信息名称 名称 信息来源 来源 " +
  "关键词 主题词 统一编号 浏览次数 访问次数 责任部门 所属机构"
)
  .split(" ")
  .sort((a, b) => b.length - a.length);

// A key may be printed with spaces between its characters (「索 引 号」) and without a colon before a cell break.
const KEY_PATTERN = META_KEYS.map((k) => [...k].join("[\\s\\u3000]*")).join("|");
const META_KEY = new RegExp(
  `(?<=^|[\\s\\u3000])(${KEY_PATTERN})[\\s\\u3000]*(?:[:：]|(?=[\\s\\u3000]|$))`,
  "gu",
);

const BREADCRUMB_START = /^(?:当前位置|您当前的位置|您现在的位置|您的位置|所在位置|当前栏目)\s*[:：]/;
const CRUMB_SEPARATOR = /\s*(?:>>|>|＞|»|›|→)\s*/;
// Tested with 【】/[] removed: pages print 「【打印本页】【关闭窗口】」 and 「[字体：大 中 小]」 alike.
const CHROME = [
  /^(?:\s*(?:打印本页|打印|关闭窗口|关闭|收藏本页|收藏|返回顶部|返回)\s*)+$/,
  /^(?:字号|字体)\s*[:：]?\s*[大中小默认\s]*$/,
  /^(?:分享到|扫一扫|上一篇|下一篇|(?:浏览|阅读|访问)(?:次数|量))/,
];

export function isBreadcrumb(text: string): boolean {
  if (BREADCRUMB_START.test(text)) return true;
  return !text.includes("。") && text.length <= 150 && text.split(CRUMB_SEPARATOR).length >= 3;
}

export function isChrome(text: string): boolean {
  const bare = text.replace(/[【】[\]]/g, " ").trim();
  return CHROME.some((re) => re.test(bare));
}

/** 「索引号：… 发布机构：…」 → its pairs (keys without spaces), or null when the line does not start with a key. */
export function parseMetadataLine(text: string): Record<string, string> | null {
  const matches = [...text.trim().matchAll(META_KEY)];
  if (matches.length === 0 || matches[0]!.index !== 0) return null;
  const pairs: Record<string, string> = {};
  matches.forEach((m, i) => {
    const end = matches[i + 1]?.index ?? text.trim().length;
    const key = m[1]!.replace(/[\s\u3000]/g, "");
    // Page tools printed on the same line (「来源：红岭乡 【字体：大 中 小】」) are not part of the value.
    pairs[key] = text
      .trim()
      .slice(m.index! + m[0].length, end)
      .replace(/【[^】]*】/g, "")
      .trim();
  });
  return pairs;
}

const TITLE_END = /政府信息公开(?:工作)?年度报告$/;

/** Words of a sentence, never of a title: a preamble line wrapped right after 「…年度报告」 is not the title. */
const NOT_TITLE = /[。，,；;：:《》！？]|^(?:现将|现公布|现予|特此|本报告)/;

export const isTitle = (text: string) => {
  const key = labelKey(text);
  return key.length <= 80 && !NOT_TITLE.test(key) && TITLE_END.test(key);
};

/** The first line of a title printed over two lines: the body's name (「某某区人民政府」) or name and year. */
const isTitleHead = (text: string) => {
  const key = labelKey(text);
  return (
    key.length >= 2 && key.length <= 40 && !NOT_TITLE.test(key) && (/年度?$/.test(key) || !/\d/.test(key))
  );
};

/** The body name and year printed in a title 「〈机关全称〉〈年〉年政府信息公开工作年度报告」 (or year first). */
export function parseTitle(title: string): { bodyName: string; year: number | null } {
  const t = title.replace(/[\s\u3000]/g, "").replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  const bodyFirst = /^(.*?)(\d{4})年度?政府信息公开(?:工作)?年度报告$/.exec(t);
  if (bodyFirst) return { bodyName: bodyFirst[1]!, year: Number(bodyFirst[2]) };
  const yearFirst = /^(\d{4})年度?(.+?)政府信息公开(?:工作)?年度报告$/.exec(t);
  if (yearFirst) return { bodyName: yearFirst[2]!, year: Number(yearFirst[1]) };
  return { bodyName: t.replace(TITLE_END, ""), year: null };
}

export interface FrontMatter {
  title: string;
  preamble: string[];
  /** Indexes into preamble of text printed above the title (site names and the like): kept, but reported. */
  aboveTitle: number[];
  metadata: Record<string, string>;
}

export const lineText = (line: SourceLine) =>
  line.isRow ? line.cells.filter((c) => c !== "").join(" ") : line.text;

/**
 * The title block: one line, or two read together — 「宿州市人民政府2016年」 + 「政府信息公开工作年度报告」, or
 * 「某某区人民政府」 + 「2024年政府信息公开工作年度报告」 (the second line alone would leave the body unnamed).
 */
function titleAt(lines: readonly SourceLine[], i: number): { text: string; lines: number } | null {
  const text = lineText(lines[i]!);
  const next = lines[i + 1];
  if (
    next &&
    !isTitle(text) &&
    isTitleHead(text) &&
    !parseMetadataLine(text) &&
    !isBreadcrumb(text) &&
    isTitle(lineText(next)) &&
    parseTitle(lineText(next)).bodyName === "" &&
    isTitle(text + lineText(next))
  ) {
    return { text: text + lineText(next), lines: 2 };
  }
  return isTitle(text) ? { text, lines: 1 } : null;
}

export function readFrontMatter(lines: readonly SourceLine[], log: ImportLog): FrontMatter {
  const front: FrontMatter = { title: "", preamble: [], aboveTitle: [], metadata: {} };
  const titleIndex = lines.findIndex((l, i) => !parseMetadataLine(lineText(l)) && titleAt(lines, i) !== null);
  for (let i = 0; i < lines.length; i++) {
    const text = lineText(lines[i]!);
    const metadata = parseMetadataLine(text);
    const title = metadata ? null : titleAt(lines, i);
    if (isBreadcrumb(text) || isChrome(text)) log.ignored.push(text);
    else if (metadata) Object.assign(front.metadata, metadata);
    else if (title && front.title === "") {
      front.title = title.text.replace(/[\s\u3000]/g, "");
      i += title.lines - 1;
    } else if (title && labelKey(title.text) === labelKey(front.title)) log.ignored.push(text);
    else if (metadata) Object.assign(front.metadata, metadata);
    else {
      if (i < titleIndex) front.aboveTitle.push(front.preamble.length);
      front.preamble.push(lines[i]!.text);
    }
  }
  if (front.title === "" && front.metadata["标题"] && isTitle(front.metadata["标题"])) {
    front.title = front.metadata["标题"].replace(/[\s\u3000]/g, "");
  }
  return front;
}
