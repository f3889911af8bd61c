// The parts of the published document outside the six sections: the title, the contact the preamble names,
// and the 落款 (body name and 成文日期). Drafts may leave them blank; at submission each missing part is an error
// naming the field to fill in — except the contact, which practice prints but the format does not require: a
// warning, so that a report without one is submitted only with the author's explanation.
import type { Report } from "../report-schema";
import type { RuleContext, RuleHit } from "./context";

const TITLE_SPAN = (title: string) => ({
  section: "meta" as const,
  paragraph: -1,
  start: 0,
  end: title.length,
  quote: title,
});

/** DOC-TITLE: the report has a title. */
export function checkTitle(report: Report, context: RuleContext): RuleHit[] {
  if (context.stage !== "submit" || report.meta.title.trim() !== "") return [];
  return [
    { message: "缺少标题，请填写“〈机关全称〉〈年度〉年政府信息公开工作年度报告”", textSpan: TITLE_SPAN("") },
  ];
}

const CONTACT_LABELS = [
  ["address", "地址"],
  ["phone", "电话"],
  ["postcode", "邮编"],
] as const;

const digits = (text: string) => text.replace(/\D/g, "");

/**
 * DOC-CONTACT: the preamble gives a contact for questions (地址, 电话, 邮编), and the telephone number the
 * metadata holds is the one the preamble prints.
 */
export function checkContact(report: Report, context: RuleContext): RuleHit[] {
  if (context.stage !== "submit") return [];
  const contact = report.meta.contact;
  const missing = CONTACT_LABELS.filter(([key]) => (contact?.[key] ?? "").trim() === "");
  if (missing.length > 0) {
    return missing.map(([key, label]) => ({
      message: `导语缺少联系方式：请在“联系方式”中填写${label}`,
      field: `contact.${key}`,
    }));
  }
  if (!/^\d{6}$/.test(contact!.postcode.trim())) {
    return [{ message: `邮编“${contact!.postcode}”应为6位数字`, field: "contact.postcode" }];
  }
  const phone = digits(contact!.phone);
  const preamble = report.meta.preamble.map(digits).join("\n");
  if (phone.length > 0 && !preamble.includes(phone)) {
    return [
      {
        message: `导语未写明联系电话（${contact!.phone}），请点“按标准格式重新生成导语”或在导语中写明联系方式`,
        field: "contact.phone",
      },
    ];
  }
  return [];
}

/** DOC-SIGNATURE: the 落款 names the body and is dated (成文日期) after the statistics period ends. */
export function checkSignature(report: Report, context: RuleContext): RuleHit[] {
  const { signatureName, signatureDate, year } = report.meta;
  const hits: RuleHit[] = [];
  if (context.stage === "submit" && signatureName.trim() === "") {
    hits.push({ message: "缺少落款：请填写“落款（机关名称）”", field: "signatureName" });
  }
  if (context.stage === "submit" && !signatureDate) {
    hits.push({ message: "缺少成文日期：请填写“成文日期（落款日期）”", field: "signatureDate" });
  }
  if (signatureDate && signatureDate <= `${year}-12-31`) {
    hits.push({
      // A draft or an imported copy is told; a submission is stopped.
      severity: context.stage === "submit" ? "error" : "warning",
      message: `成文日期（${signatureDate}）不晚于统计期限的最后一天（${year}年12月31日），是否沿用了上年的日期？`,
      field: "signatureDate",
      expected: `${year + 1}-01-01 及以后`,
      actual: signatureDate,
    });
  }
  return hits;
}
