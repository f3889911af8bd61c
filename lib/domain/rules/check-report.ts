// The rule engine: the one list of every consistency rule of the national format (docs/format.md §6) with
// its stable id, severity and Chinese title, and checkReport, which the editor (live), the submit gate,
// the review screen, the importer and the CLI all call. Pure: no I/O, runs in the browser too.
import type { Finding } from "../findings";
import type { Report } from "../report-schema";
import { checkCarriedOver } from "./carried-over-rule";
import { checkCellValues, checkFeeUnit, checkRulesPower } from "./cell-rules";
import { resolveContext, type CheckContext, type Rule } from "./context";
import { checkCarryOver, checkInForce, checkRepealBound } from "./cross-year-rules";
import { checkReportYear } from "./doc-year-rule";
import {
  checkBasisCitation,
  checkDeadline,
  checkHeadingWording,
  checkSections,
  checkTablesRead,
  checkStaleFormat,
  checkTemplateLeftover,
} from "./document-rules";
import {
  checkT3Balance,
  checkT3CarryShare,
  checkT3ResultTotal,
  checkT3RowTotal,
  checkT4GroupTotal,
} from "./table-rules";
import { checkTextApplications, checkTextReviewLitigation } from "./text-application-rules";
import { checkPartWhole, checkPercentages } from "./text-arithmetic-rules";
import { checkContact, checkSignature, checkTitle } from "./meta-rules";
import { checkFeeInSection6, checkSection5NotEmpty, checkTextTable2 } from "./text-section-rules";
import { checkYoyClaims } from "./yoy-claim-rule";

export type { BodyProfile, CheckContext, CheckStage, Rule } from "./context";

export const RULES = [
  // Table rules
  {
    id: "T3-BALANCE",
    severity: "error",
    title: "表三勾稽关系：第一项加第二项之和等于第三项加第四项之和",
    check: checkT3Balance,
  },
  {
    id: "T3-RESULT-TOTAL",
    severity: "error",
    title: "表三“（七）总计”等于各项办理结果之和",
    check: checkT3ResultTotal,
  },
  {
    id: "T3-ROW-TOTAL",
    severity: "error",
    title: "表三“总计”列等于自然人与各类法人或其他组织之和",
    check: checkT3RowTotal,
  },
  {
    id: "T4-GROUP-TOTAL",
    severity: "error",
    title: "表四各组“总计”等于四类结果之和",
    check: checkT4GroupTotal,
  },
  { id: "CELL-VALUE", severity: "error", title: "单元格取值有效，提交时不得空白", check: checkCellValues },
  {
    id: "T2-RULES-POWER",
    severity: "error",
    title: "无规章制定权的机关“规章”行应为0",
    check: checkRulesPower,
  },
  {
    id: "T3-CARRY-SHARE",
    severity: "warning",
    title: "结转下年度办理的申请占比过高",
    check: checkT3CarryShare,
  },
  { id: "T2-FEE-UNIT", severity: "warning", title: "收费金额疑似按元而非万元填报", check: checkFeeUnit },
  // Cross-year rules
  {
    id: "X-CARRY-OVER",
    severity: "error",
    title: "上年结转数等于上年报告的结转下年度数",
    check: checkCarryOver,
  },
  {
    id: "X-IN-FORCE",
    severity: "warning",
    title: "现行有效件数与上年现行有效件数及本年增减衔接",
    check: checkInForce,
  },
  {
    id: "X-REPEAL-BOUND",
    severity: "warning",
    title: "本年废止件数不超过上年现行有效件数与本年制发件数之和",
    check: checkRepealBound,
  },
  { id: "X-YOY-CLAIM", severity: "warning", title: "正文同比表述与上年报告数据一致", check: checkYoyClaims },
  // Text-versus-table rules
  {
    id: "TXT-APPLICATIONS",
    severity: "warning",
    title: "正文依申请公开数字与表三一致",
    check: checkTextApplications,
  },
  {
    id: "TXT-REVIEW-LITIGATION",
    severity: "warning",
    title: "正文行政复议、行政诉讼表述与表四一致",
    check: checkTextReviewLitigation,
  },
  { id: "TXT-TABLE2", severity: "warning", title: "正文主动公开数字与表二一致", check: checkTextTable2 },
  { id: "TXT-PART-WHOLE", severity: "warning", title: "正文“其中”分项不超过总数", check: checkPartWhole },
  { id: "TXT-PERCENT", severity: "warning", title: "正文百分比与所述数量一致", check: checkPercentages },
  {
    id: "TXT-FEE-SECTION6",
    severity: "warning",
    title: "第六部分报告信息处理费收取情况",
    check: checkFeeInSection6,
  },
  {
    id: "TXT-SECTION5-EMPTY",
    severity: "error",
    title: "第五部分不得为空或仅写“无”",
    check: checkSection5NotEmpty,
  },
  {
    id: "TXT-CARRIED-OVER",
    severity: "warning",
    title: "沿用上年表述中的数字已核实（照搬上年）",
    check: checkCarriedOver,
  },
  // Document rules
  {
    id: "DOC-SECTIONS",
    severity: "error",
    title: "六个部分及第一部分五个子项齐全、有序、编号正确",
    check: checkSections,
  },
  {
    id: "DOC-HEADING-WORDING",
    severity: "warning",
    title: "章节标题和子项标题与格式用语一致",
    check: checkHeadingWording,
  },
  {
    id: "IMPORT-TABLE-UNREAD",
    severity: "error",
    title: "原文中的统计表均已读取并检查",
    check: checkTablesRead,
  },
  {
    id: "DOC-YEAR",
    severity: "warning",
    title: "标题、导语、统计期限和正文的年份与报告年度一致",
    check: checkReportYear,
  },
  {
    id: "DOC-BASIS-CITATION",
    severity: "warning",
    title: "年报格式引用为国办公开办函〔2021〕30号",
    check: checkBasisCitation,
  },
  {
    id: "DOC-STALE-FORMAT",
    severity: "warning",
    title: "未沿用2019年试行格式的表述",
    check: checkStaleFormat,
  },
  {
    id: "DOC-TEMPLATE-LEFTOVER",
    severity: "warning",
    title: "未残留模板说明文字",
    check: checkTemplateLeftover,
  },
  { id: "DOC-DEADLINE", severity: "warning", title: "在规定期限内发布", check: checkDeadline },
  { id: "DOC-TITLE", severity: "error", title: "报告有标题", check: checkTitle },
  {
    id: "DOC-CONTACT",
    severity: "warning",
    title: "导语写明联系方式（地址、电话、邮编）",
    check: checkContact,
  },
  {
    id: "DOC-SIGNATURE",
    severity: "error",
    title: "文末落款机关名称和成文日期齐全",
    check: checkSignature,
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]["id"];
export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

export function getRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/**
 * Checks a report against every rule. Rules whose inputs are blank say nothing (not yet assessable);
 * findings come in rule order, then importer findings not already reported.
 */
export function checkReport(report: Report, context: CheckContext = {}): Finding[] {
  const resolved = resolveContext(report, context);
  const findings = RULES.flatMap((rule: Rule) =>
    rule
      .check(report, resolved)
      .map((hit): Finding => ({ ...hit, ruleId: rule.id, severity: hit.severity ?? rule.severity })),
  );
  return mergeFindings(findings, context.importFindings ?? []);
}

function findingKey(f: Finding): string {
  const cells = (f.cells ?? []).map((c) => `${c.table}:${c.row}:${c.col}`).join(",");
  const span = f.textSpan
    ? `${f.textSpan.section}/${f.textSpan.item ?? ""}/${f.textSpan.paragraph}/${f.textSpan.start}`
    : "";
  return [f.ruleId, f.severity, f.message, cells, span].join("|");
}

/** Appends findings not already present (same rule, severity, message, cells and place). */
export function mergeFindings(findings: readonly Finding[], extra: readonly Finding[]): Finding[] {
  const seen = new Set(findings.map(findingKey));
  const merged = [...findings];
  for (const f of extra) {
    const key = findingKey(f);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(f);
  }
  return merged;
}
