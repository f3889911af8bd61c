// Prose versus tables 三 and 四: application counts in 一（二）依申请公开 and statements about 行政复议 and
// 行政诉讼. Patterns are narrow on purpose (label right before its number); anything looser is skipped.
import { CN_NUMERAL_CHARS } from "../chinese-numbers";
import { T3_RESULT_GROUPS, T4_GROUPS, type T3GroupKey } from "../format";
import type { Report } from "../report-schema";
import { sumOrNull } from "../totals";
import type { RuleHit } from "./context";
import {
  claimAt,
  claimMismatch,
  countOf,
  GAP,
  NUM,
  scanClaims,
  type TableFigure,
  type TextClaim,
} from "./text-claims";
import {
  clauseBefore,
  listParagraphs,
  spanOf,
  splitClauses,
  splitSentences,
  type Paragraph,
} from "./text-scan";
import { t3Count, t3GroupCount, t3GroupRows, t3Ref, t3RowLabel, t4Count, t4Ref } from "./table-cells";

function t3TotalFigure(report: Report, row: string): TableFigure {
  return {
    label: `表三“${t3RowLabel(row)}”的“总计”`,
    value: t3Count(report.tables, row, "total"),
    cells: [t3Ref(row, "total")],
  };
}

/** 「收到申请 X 件」 may count 一 alone or 一 + 二 (docs/format.md §6, TXT-APPLICATIONS). */
function receivedFigures(report: Report): TableFigure[] {
  const received = t3Count(report.tables, "newReceived", "total");
  const carried = t3Count(report.tables, "carriedOver", "total");
  return [
    t3TotalFigure(report, "newReceived"),
    {
      label: "本年新收与上年结转之和",
      value: sumOrNull([received, carried]),
      cells: [t3Ref("newReceived", "total"), t3Ref("carriedOver", "total")],
    },
  ];
}

function groupFigure(report: Report, group: T3GroupKey): TableFigure {
  const label = T3_RESULT_GROUPS.find((g) => g.key === group)?.label ?? group;
  const rows = t3GroupRows(group);
  return {
    label: rows.length > 1 ? `表三“${label}”各项之和` : `表三“${label}”的“总计”`,
    value: t3GroupCount(report.tables, group),
    cells: rows.map((row) => t3Ref(row, "total")),
  };
}

/** Words showing a 收到…申请 phrase is about something other than 政府信息公开 applications. */
const OTHER_MATTERS = /复议|诉讼|信访|投诉|举报|建议|提案|咨询|政务服务|办件/;
/**
 * Whether the words around 申请 narrow the count to some applications (涉及征地的申请15件, 法人申请3件).
 * Naming both kinds of applicant (公民、法人和其他组织提出的申请) still means all of them.
 */
function isSubset(words: string): boolean {
  if (/涉及|关于|有关|类|方面|领域|中/.test(words)) return true;
  return /自然人|公民|个人/.test(words) !== /法人|企业|组织|机构/.test(words);
}

const RECEIVED = new RegExp(`(收到|受理|接收|新收)(${GAP}{0,24}?)申请(${GAP}{0,10}?)(${NUM})件`, "g");
const NONE_RECEIVED = new RegExp(`(?:未|没有)(?:收到|受理)${GAP}{0,24}?申请`, "g");
const CARRIED_OVER = new RegExp(`上一?年度?结转${GAP}{0,16}?(${NUM})件`, "g");
const CARRIED_FORWARD = new RegExp(`结转(?:至|到|入)?下一?年度?${GAP}{0,12}?(${NUM})件`, "g");
const RESULT = new RegExp(
  `(予以公开(?:及|和|与|、|以及)部分公开|不予以?公开|予以公开|部分公开|无法提供|不予处理|其他处理)(?:的|了|共|共计|为)?(${NUM})件`,
  "g",
);

function disclosedAndPartial(report: Report): TableFigure {
  const disclosed = groupFigure(report, "disclosed");
  const partial = groupFigure(report, "partial");
  return {
    label: "表三“（一）予以公开”与“（二）部分公开”之和",
    value: sumOrNull([disclosed.value, partial.value]),
    cells: [...disclosed.cells, ...partial.cells],
  };
}

const RESULT_GROUPS: Record<string, T3GroupKey> = {
  予以公开: "disclosed",
  部分公开: "partial",
  不予公开: "withheld",
  不予以公开: "withheld",
  无法提供: "unable",
  不予处理: "notProcessed",
  其他处理: "otherHandling",
};

function applicationClaims(report: Report, paragraphs: Paragraph[]): TextClaim[] {
  return [
    ...paragraphs.flatMap((paragraph) =>
      findReceivedCounts(paragraph).map((c) => ({ paragraph, ...c, figures: receivedFigures(report) })),
    ),
    ...scanClaims(paragraphs, NONE_RECEIVED, (m, p) =>
      OTHER_MATTERS.test(m[0]) ? null : claimAt(m, p, 0, [t3TotalFigure(report, "newReceived")]),
    ),
    ...scanClaims(paragraphs, CARRIED_OVER, (m, p) =>
      claimAt(m, p, countOf(m[1]), [t3TotalFigure(report, "carriedOver")]),
    ),
    ...scanClaims(paragraphs, CARRIED_FORWARD, (m, p) =>
      claimAt(m, p, countOf(m[1]), [t3TotalFigure(report, "carriedForward")]),
    ),
    ...scanClaims(paragraphs, RESULT, (m, p) => {
      // 「予以公开及部分公开258件」 counts （一） and （二） together.
      const both = /^予以公开.+部分公开$/.test(m[1] ?? "");
      if (both && !/申请中|类中|涉及|关于/.test(clauseBefore(p, m.index))) {
        return claimAt(m, p, countOf(m[2]), [disclosedAndPartial(report)]);
      }
      const group = RESULT_GROUPS[m[1] ?? ""];
      // 「涉及征地的申请中予以公开3件」 counts a subset of the group.
      if (!group || /申请中|类中|涉及|关于/.test(clauseBefore(p, m.index))) return null;
      return claimAt(m, p, countOf(m[2]), [groupFigure(report, group)]);
    }),
  ];
}

/** 「收到…申请 X 件」 counts in one paragraph (the received-count phrase X-YOY-CLAIM compares too). */
export function findReceivedCounts(p: Paragraph): { value: number; start: number; end: number }[] {
  return [...p.normal.matchAll(RECEIVED)].flatMap((m) => {
    const value = countOf(m[4]);
    const negated = /[未没无]$/.test(p.normal.slice(0, m.index));
    const subset = isSubset(`${m[2] ?? ""}${m[3] ?? ""}`) || clauseBefore(p, m.index).includes("其中");
    if (value === null || negated || subset || OTHER_MATTERS.test(m[0])) return [];
    return [{ value, start: m.index, end: m.index + m[0].length }];
  });
}

/** TXT-APPLICATIONS: application figures quoted in 一（二） (and section 三's prose) match table 三. */
export function checkTextApplications(report: Report): RuleHit[] {
  const paragraphs = listParagraphs(report, { items: ["onRequest"], sections: ["requests"] });
  return applicationClaims(report, paragraphs).flatMap(claimMismatch);
}

function reviewFigures(report: Report): TableFigure[] {
  return [
    {
      label: "表四“行政复议”的“总计”",
      value: t4Count(report.tables, "review.total"),
      cells: [t4Ref("review.total")],
    },
  ];
}

/** A 行政诉讼 count may be either kind of suit or both together. */
function litigationFigures(report: Report): TableFigure[] {
  const direct = t4Count(report.tables, "direct.total");
  const after = t4Count(report.tables, "afterReview.total");
  const cells = [t4Ref("direct.total"), t4Ref("afterReview.total")];
  return [
    { label: "表四“行政诉讼”两组“总计”之和", value: sumOrNull([direct, after]), cells },
    { label: "表四“未经复议直接起诉”的“总计”", value: direct, cells: [t4Ref("direct.total")] },
    { label: "表四“复议后起诉”的“总计”", value: after, cells: [t4Ref("afterReview.total")] },
  ];
}

/** No list words in the gap: 「行政复议、行政诉讼0起」 must not read as 行政复议 alone. */
const CASE_GAP = `[^,。;!?:\\n\\d${CN_NUMERAL_CHARS}、和及与]`;
const CASE_COUNT = new RegExp(
  `(行政复议|行政诉讼)(?:案件|申请)?(${CASE_GAP}{0,6}?)(${NUM})(?:件|起|宗|例)`,
  "g",
);
const COUNT_THEN_CASE = new RegExp(`(${NUM})(?:件|起|宗|例)(?:政府信息公开)?(行政复议|行政诉讼)`, "g");
/** Words of a single outcome: 「结果纠正1件」 is not the group's total, 「无被纠正的行政复议」 not a denial of all. */
const OUTCOMES = /结果|维持|纠正|审结|其他|败诉|胜诉|撤销|确认违法/;
/** Goals (确保不发生…) and plans are not statements of fact. */
const NOT_A_FACT = /确保|避免|防止|力争|杜绝|减少|争取|将/;
const NEGATION = /(未发生|未出现|未收到|未产生|未涉及|没有发生|没有|未有|(?<![无])无(?![论法正]))/;

function figuresFor(report: Report, topic: string): TableFigure[] {
  return topic.includes("复议") ? reviewFigures(report) : litigationFigures(report);
}

function caseCountClaims(report: Report, paragraphs: Paragraph[]): TextClaim[] {
  return [
    ...scanClaims(paragraphs, CASE_COUNT, (m, p) =>
      OUTCOMES.test(m[2] ?? "") ? null : claimAt(m, p, countOf(m[3]), figuresFor(report, m[1] ?? "")),
    ),
    ...scanClaims(paragraphs, COUNT_THEN_CASE, (m, p) =>
      claimAt(m, p, countOf(m[1]), figuresFor(report, m[2] ?? "")),
    ),
  ];
}

/** 「未发生行政复议、行政诉讼」: a clause with a negation before the topics and no number in it. */
function noCaseClaims(report: Report, paragraphs: Paragraph[]): TextClaim[] {
  return paragraphs.flatMap((p) =>
    splitClauses(p.normal).flatMap((clause) => {
      const negation = NEGATION.exec(clause.text);
      if (!negation || /\d/.test(clause.text) || NOT_A_FACT.test(clause.text) || OUTCOMES.test(clause.text))
        return [];
      const after = clause.text.slice(negation.index);
      const topics = ["行政复议", "行政诉讼"].filter((t) => after.includes(t));
      const start = clause.start + negation.index;
      const end = clause.start + clause.text.replace(/[。!?;\n,:]+$/, "").length;
      return topics.map((topic) => ({
        paragraph: p,
        start,
        end,
        value: 0,
        figures: figuresFor(report, topic).slice(0, 1),
      }));
    }),
  );
}

/** 「均获维持」「全部维持」「均未被纠正」: every case of the topic ended upheld. */
const ALL_UPHELD =
  /(?:均|全部|都|皆)(?:已|获|被|予以|得到)*(?:维持)|(?:均|全部|都)未被(?:纠正|撤销)|无一(?:被)?(?:纠正|撤销)/;

/**
 * An outcome claim (「涉及的行政复议均获维持」) while table 四 shows the topic's cases 尚未审结 or 纠正: the
 * statement says more than the table does.
 */
function outcomeHits(report: Report, paragraphs: Paragraph[]): RuleHit[] {
  return paragraphs.flatMap((p) =>
    splitSentences(p.normal).flatMap((sentence): RuleHit[] => {
      if (!ALL_UPHELD.test(sentence.text) || NOT_A_FACT.test(sentence.text)) return [];
      // The topic is the claim's own clause's (「复议均获维持，诉讼尚在审理」), else the sentence's.
      const clause = splitClauses(sentence.text).find((c) => ALL_UPHELD.test(c.text))!;
      const about = /复议|诉讼/.test(clause.text) ? clause.text : sentence.text;
      const review = about.includes("复议");
      const suit = about.includes("诉讼");
      const groups = review === suit ? T4_GROUPS : T4_GROUPS.filter((g) => (g.key === "review") === review);
      const open = groups.flatMap((g) =>
        (["corrected", "pending"] as const).flatMap((o) => {
          const value = t4Count(report.tables, `${g.key}.${o}`);
          const label = `“${g.label}”${o === "pending" ? "尚未审结" : "结果纠正"}${value}件`;
          return value !== null && value > 0 ? [{ ref: t4Ref(`${g.key}.${o}`), label }] : [];
        }),
      );
      if (open.length === 0) return [];
      const textSpan = spanOf(p, sentence.start, sentence.end);
      return [
        {
          message: `正文“${textSpan.quote}”称结果均为维持，但表四显示${open.map((o) => o.label).join("、")}`,
          textSpan,
          cells: open.map((o) => o.ref),
        },
      ];
    }),
  );
}

/** TXT-REVIEW-LITIGATION: 复议/诉讼 figures and 「未发生…」 statements in the prose match table 四. */
export function checkTextReviewLitigation(report: Report): RuleHit[] {
  const paragraphs = listParagraphs(report, {
    sections: ["overview", "requests", "appeals", "other"],
    items: ["active", "onRequest", "management", "platform", "supervision"],
  });
  return [
    ...[...caseCountClaims(report, paragraphs), ...noCaseClaims(report, paragraphs)].flatMap(claimMismatch),
    ...outcomeHits(report, paragraphs),
  ];
}
