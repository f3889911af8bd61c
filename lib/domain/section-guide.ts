// What each part of the prose is for and how long it usually runs in reports evaluators rate well. The editor
// shows the guidance and a soft hint when a part is much shorter or longer: a hint, never a finding.
import { placeKey, type TextPlace } from "./text-runs";

export interface SectionGuide {
  /** What to write, in Chinese. */
  hint: string;
  /** Characters (without spaces). */
  min: number;
  max: number;
}

const GUIDES: Record<string, SectionGuide> = {
  meta: { hint: "说明编制依据、统计期限、电子版下载地址和联系方式。", min: 80, max: 600 },
  overview: { hint: "概述本年度政府信息公开工作的总体情况（可简短）。", min: 0, max: 600 },
  "overview.active": { hint: "主动公开的数量、渠道和重点领域，可与表二呼应。", min: 60, max: 1500 },
  "overview.onRequest": {
    hint: "收到、办理、结转申请的件数及办理结果，应与表三一致；可用“生成标准表述”。",
    min: 30,
    max: 1200,
  },
  "overview.management": { hint: "信息发布审核、保密审查、规范性文件清理等管理工作。", min: 60, max: 1200 },
  "overview.platform": { hint: "政府网站、政务新媒体、公开专栏等平台建设情况。", min: 60, max: 1200 },
  "overview.supervision": { hint: "考核、培训、社会评议和责任追究等监督保障情况。", min: 60, max: 1200 },
  proactive: { hint: "本部分以表二报告，一般无需文字。", min: 0, max: 400 },
  requests: { hint: "本部分以表三报告，一般无需文字。", min: 0, max: 400 },
  appeals: { hint: "本部分以表四报告，一般无需文字。", min: 0, max: 400 },
  problems: {
    hint: "写明存在的具体问题、改进措施及上年问题的整改情况，不能为空或只写“无”。",
    min: 100,
    max: 2000,
  },
  other: {
    hint: "报告信息处理费的收取情况（发出收费通知的件数和金额，或写明未收取）及其他事项。",
    min: 20,
    max: 1500,
  },
};

export function guideFor(place: TextPlace): SectionGuide {
  return GUIDES[placeKey(place)] ?? { hint: "", min: 0, max: 2000 };
}

/** Characters as a reader counts them: spaces and line breaks left out. */
export function countChars(paragraphs: readonly string[]): number {
  return paragraphs.join("").replace(/\s/g, "").length;
}

/** A soft length hint, or null when the length is usual (an empty optional part says nothing). */
export function lengthHint(place: TextPlace, paragraphs: readonly string[]): string | null {
  const guide = guideFor(place);
  const count = countChars(paragraphs);
  if (count === 0) return guide.min > 0 ? "尚未填写" : null;
  if (count < guide.min) return `内容偏短：同类报告此部分一般不少于${guide.min}字`;
  if (count > guide.max) return `内容偏长：同类报告此部分一般不超过${guide.max}字，可考虑精简`;
  return null;
}
