// DOC-SECTIONS as the source printed it: the imported report always has six sections and five sub-items, so
// only the importer can say that a heading was missing, out of order, misnumbered or worded differently.
import type { Finding } from "../findings";
import { OVERVIEW_ITEMS, SECTIONS, type OverviewItemKey, type SectionKey } from "../format";
import type { Body } from "./body";
import type { HeadingMatch } from "./headings";
import { labelKey } from "./labels";

const RULE = "DOC-SECTIONS";
const finding = (message: string): Finding => ({ ruleId: RULE, severity: "error", message });
const bare = (text: string) => labelKey(text).replace(/[:。.]$/, "");

interface Expected<K extends string> {
  key: K;
  title: string;
  /** The numbering the format prints, e.g. 「二、」 or 「（二）」. */
  numbering: string;
  style: HeadingMatch<K>["style"];
}

function checkSequence<K extends string>(
  found: readonly HeadingMatch<K>[],
  expected: readonly Expected<K>[],
  describe: (title: string) => string,
  checkWording: boolean,
  noun: string,
): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<K>();
  let furthest = -1;
  for (const heading of found) {
    const index = expected.findIndex((e) => e.key === heading.key);
    const want = expected[index]!;
    if (seen.has(heading.key)) out.push(finding(`${noun}“${heading.printed}”重复出现。`));
    else if (index < furthest)
      out.push(
        finding(`${noun}“${heading.printed}”的位置不对：${describe(want.title)}应排在第${index + 1}位。`),
      );
    seen.add(heading.key);
    furthest = Math.max(furthest, index);
    if (heading.style !== want.style || heading.ordinal !== index + 1) {
      out.push(finding(`${noun}“${heading.printed}”的编号有误，应为“${want.numbering}”。`));
    } else if (checkWording && bare(heading.printed) !== bare(want.title)) {
      out.push(finding(`${noun}“${heading.printed}”与格式不一致，应为“${want.title}”。`));
    }
  }
  return out;
}

const EXPECTED_SECTIONS: Expected<SectionKey>[] = SECTIONS.map((s) => ({
  key: s.key,
  title: s.title,
  numbering: `${s.numeral}、`,
  style: "section",
}));

const EXPECTED_ITEMS: Expected<OverviewItemKey>[] = OVERVIEW_ITEMS.map((i) => ({
  key: i.key,
  title: i.title,
  numbering: `（${i.numeral}）`,
  style: "paren",
}));

/**
 * Findings about the printed outline: six section headings with the format's exact titles, and 一's five
 * sub-items numbered （一）…（五） (their wording varies legitimately, 「（一）主动公开情况」, so only numbering counts).
 */
export function checkImportedOutline(body: Body): Finding[] {
  const out = checkSequence(body.headings, EXPECTED_SECTIONS, (t) => `“${t}”`, true, "标题");
  for (const s of SECTIONS) {
    if (body.headings.some((h) => h.key === s.key)) continue;
    const why = body.implicit.includes(s.key) ? "（已根据表格确定该部分的位置）" : "";
    out.push(finding(`原文缺少标题“${s.title}”${why}。`));
  }
  out.push(...checkSequence(body.itemHeadings, EXPECTED_ITEMS, (t) => `小标题“${t}”`, false, "小标题"));
  for (const item of OVERVIEW_ITEMS) {
    if (!body.itemHeadings.some((h) => h.key === item.key)) {
      out.push(finding(`“一、总体情况”缺少小标题“${item.title}”。`));
    }
  }
  return out;
}
