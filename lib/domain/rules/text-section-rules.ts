// Prose versus table 二, and what sections 五 and 六 must say.
import type { Report } from "../report-schema";
import type { RuleContext, RuleHit } from "./context";
import { claimAt, claimMismatch, countOf, GAP, NUM, scanClaims, type TableFigure } from "./text-claims";
import { clauseBefore, listParagraphs, spanOf, type Paragraph } from "./text-scan";
import { t2Count, t2Ref, t3Count, t3Ref } from "./table-cells";

function t2Figure(report: Report, row: string, rowLabel: string, col: string, colLabel: string): TableFigure {
  return {
    label: `表二“${rowLabel}”的“${colLabel}”`,
    value: t2Count(report.tables, row, col),
    cells: [t2Ref(row, col)],
  };
}

const NORMATIVE_COLUMNS = {
  issued: "本年制发件数",
  repealed: "本年废止件数",
  inForce: "现行有效件数",
} as const;
type NormativeColumn = keyof typeof NORMATIVE_COLUMNS;

/** Which column a 行政规范性文件 count refers to, from the verb before it; null when it counts something else. */
function normativeColumns(before: string): NormativeColumn[] | null {
  if (/现行有效|有效/.test(before)) return ["inForce"];
  if (/清理|审查|审核|备案|评估|累计|以来|历年|截至|截止/.test(before)) return null;
  if (/废止|失效/.test(before)) return ["repealed"];
  if (/制发|制定|印发|出台|发布|新制/.test(before)) return ["issued"];
  return ["issued", "repealed", "inForce"];
}

const NORMATIVE = new RegExp(`(?:行政)?规范性文件(${GAP}{0,4}?)(${NUM})件`, "g");
const DECISIONS = new RegExp(`行政(许可|处罚|强制)(?:决定|案件)?(${GAP}{0,4}?)(${NUM})件`, "g");
const DECISION_ROWS: Record<string, { row: string; label: string }> = {
  许可: { row: "licensing", label: "行政许可" },
  处罚: { row: "punishment", label: "行政处罚" },
  强制: { row: "enforcement", label: "行政强制" },
};

/** TXT-TABLE2: 行政规范性文件, 许可, 处罚 and 强制 counts quoted in 一（一） match table 二. */
export function checkTextTable2(report: Report): RuleHit[] {
  const paragraphs = listParagraphs(report, { sections: ["overview", "proactive"], items: ["active"] });
  const normative = scanClaims(paragraphs, NORMATIVE, (m, p) => {
    const columns = /事项|清单/.test(m[1] ?? "") ? null : normativeColumns(clauseBefore(p, m.index, 8));
    if (!columns) return null;
    const figures = columns.map((c) =>
      t2Figure(report, "normativeDocs", "行政规范性文件", c, NORMATIVE_COLUMNS[c]),
    );
    return claimAt(m, p, countOf(m[2]), figures);
  });
  const decisions = scanClaims(paragraphs, DECISIONS, (m, p) => {
    const target = DECISION_ROWS[m[1] ?? ""];
    const context = `${clauseBefore(p, m.index, 8)}${m[2] ?? ""}`;
    // 许可事项 and 许可申请 are matters and applications, not decisions; 累计 spans years.
    if (!target || /事项|清单|申请|受理|累计|以来|历年/.test(context)) return null;
    return claimAt(m, p, countOf(m[3]), [
      t2Figure(report, target.row, target.label, "decisions", "本年处理决定数量"),
    ]);
  });
  return [...normative, ...decisions].flatMap(claimMismatch);
}

const FEE_CHARGED = /收取[^,。;!?]{0,10}?信息处理费/g;

/** 「收取信息处理费」 in 一（二）, unless the clause denies it (未收取, 不收取, 免收). */
function feeMentions(report: Report): { paragraph: Paragraph; start: number; end: number }[] {
  const paragraphs = listParagraphs(report, { items: ["onRequest"], sections: ["requests"] });
  return paragraphs.flatMap((p) =>
    [...p.normal.matchAll(FEE_CHARGED)]
      .filter((m) => !/未|不|没有|免|无需/.test(clauseBefore(p, m.index, 6)))
      .map((m) => ({ paragraph: p, start: m.index, end: m.index + m[0].length })),
  );
}

/** TXT-FEE-SECTION6: notices to pay (（六）2 > 0) or fees charged must be reported in section 六. */
export function checkFeeInSection6(report: Report): RuleHit[] {
  const unpaid = t3Count(report.tables, "otherHandling.unpaidFee", "total");
  const mentions = feeMentions(report);
  if ((unpaid === null || unpaid === 0) && mentions.length === 0) return [];
  if (report.sections.other.paragraphs.some((text) => /处理费/.test(text))) return [];
  const [mention] = mentions;
  const reason =
    unpaid !== null && unpaid > 0
      ? `表三“（六）其他处理”第2项（申请人逾期未按收费通知要求缴纳费用）为${unpaid}`
      : "正文提到收取信息处理费";
  return [
    {
      message: `${reason}，第六部分“其他需要报告的事项”应报告信息处理费的收取情况（发出收费通知的件数和总金额，或写明未收取）`,
      ...(unpaid !== null && unpaid > 0 ? { cells: [t3Ref("otherHandling.unpaidFee", "total")] } : {}),
      ...(mention ? { textSpan: spanOf(mention.paragraph, mention.start, mention.end) } : {}),
    },
  ];
}

const NOTHING = /^(?:无|暂无|没有|无问题|暂无问题|没有问题|无相关情况)$/;

/** TXT-SECTION5-EMPTY: section 五 names concrete problems; empty counts only at submission (drafts are unfinished). */
export function checkSection5NotEmpty(report: Report, context: RuleContext): RuleHit[] {
  const paragraphs = report.sections.problems.paragraphs;
  const content = paragraphs.join("").replace(/[\s\u3000。.，,；;：:！!、]/g, "");
  if (content === "") {
    if (context.stage !== "submit") return [];
    return [
      {
        message: "第五部分“存在的主要问题及改进情况”为空，应写明存在的具体问题、改进措施及上年问题的整改情况",
      },
    ];
  }
  if (!NOTHING.test(content)) return [];
  const index = paragraphs.findIndex((text) => text.trim() !== "");
  const text = paragraphs[index] ?? "";
  return [
    {
      message:
        "第五部分“存在的主要问题及改进情况”不能只写“无”，应写明存在的具体问题、改进措施及上年问题的整改情况",
      textSpan: { section: "problems", paragraph: index, start: 0, end: text.length, quote: text },
    },
  ];
}
