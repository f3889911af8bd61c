// DOC-SECTIONS as the source printed it: the imported report always has six sections and five sub-items, so
// only the importer can say that a heading was missing, out of order, misnumbered or worded differently.
import type { Finding } from "../findings";
import { OVERVIEW_ITEMS, SECTIONS, type SectionKey } from "../format";
import type { Body } from "./body";
import type { HeadingMatch } from "./headings";

const RULE = "DOC-SECTIONS";
const finding = (message: string): Finding => ({ ruleId: RULE, severity: "error", message });
const warning = (ruleId: string, message: string): Finding => ({ ruleId, severity: "warning", message });

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
    }
    // Other words under the right number are DOC-HEADING-WORDING (a warning), reported by the rule engine
    // from the printed headings the report keeps (Report.layout).
  }
  return out;
}

const EXPECTED_SECTIONS: Expected<SectionKey>[] = SECTIONS.map((s) => ({
  key: s.key,
  title: s.title,
  numbering: `${s.numeral}、`,
  style: "section",
}));

/**
 * Findings about the printed outline: six section headings with the format's exact titles, and 一's five
 * sub-items present (their numbering and wording are checked by the rule engine on the stored titles).
 * Not every missing heading is a fault of the report: a heading missing right before a table whose place the
 * importer found is a copy artifact (a warning), and sections missing at the end of a page with no 落款 were
 * cut off (IMPORT-INCOMPLETE) — a page cut short is never an error by itself.
 */
export function checkImportedOutline(body: Body, options: { hasSignature: boolean }): Finding[] {
  const out = checkSequence(body.headings, EXPECTED_SECTIONS, (t) => `“${t}”`, "标题");
  const present = SECTIONS.map(
    (s) => body.headings.some((h) => h.key === s.key) || body.implicit.includes(s.key),
  );
  const lastPresent = present.lastIndexOf(true);
  const cutOff: string[] = [];
  SECTIONS.forEach((s, index) => {
    if (body.headings.some((h) => h.key === s.key)) return;
    if (body.implicit.includes(s.key)) {
      out.push(
        warning(
          RULE,
          `原文缺少标题“${s.title}”（已根据表格确定该部分的位置，可能是复制网页时丢失），请核对。`,
        ),
      );
    } else if (!options.hasSignature && index > lastPresent) cutOff.push(s.title);
    else out.push(finding(`原文缺少标题“${s.title}”。`));
  });
  if (cutOff.length) {
    out.push(
      warning(
        "IMPORT-INCOMPLETE",
        `原文在“${cutOff[0]}”之前结束且没有落款，可能不完整（如网页被截断）：${cutOff.map((t) => `“${t}”`).join("、")}未找到，相关检查无法进行。`,
      ),
    );
  }
  for (const item of OVERVIEW_ITEMS) {
    if (!body.itemHeadings.some((h) => h.key === item.key)) {
      out.push(finding(`“一、总体情况”缺少小标题“${item.title}”。`));
    }
  }
  return out;
}
