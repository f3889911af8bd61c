// The administrators' organisation forms: create or edit a body, move it, and its per-year deadlines.
import { z } from "zod";
import { ORG_KINDS } from "../orgs/tree";
import { blankToUndefined, checkbox, checkedList } from "./form-fields";

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const APPROVAL_STEPS = ["REVIEW", "SIGN", "SUPERVISOR"] as const;

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`).default("");

export const orgFieldsSchema = z.object({
  kind: z.enum(ORG_KINDS, { error: "请选择机构类型" }),
  name: z.string().trim().min(2, "请填写机构全称").max(120, "不能超过 120 个字符"),
  shortName: z.string().trim().min(1, "请填写简称").max(60, "不能超过 60 个字符"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, "至少 2 个字符")
    .max(80, "不能超过 80 个字符")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "只能使用小写字母、数字和连字符，如 gangcheng"),
  hasRuleMakingPower: checkbox(),
  deadlineMonth: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(12).optional()),
  deadlineDay: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(31).optional()),
  /** The steps after REVIEW (which is always first): SIGN, SUPERVISOR. */
  approvalChain: checkedList(z.enum(APPROVAL_STEPS)),
  contactOffice: text(120),
  contactAddress: text(200),
  contactPhone: text(40).pipe(z.string().regex(/^[0-9+\-()（） 转]*$/, "只能包含数字、连字符和括号")),
  contactPostcode: text(12).pipe(z.string().regex(/^(\d{6})?$/, "邮政编码为 6 位数字")),
  portalUrl: text(300).pipe(
    z.union([
      z.literal(""),
      z.url({ protocol: /^https?$/, error: "请填写以 http:// 或 https:// 开头的网址" }),
    ]),
  ),
});

function checkDeadline(value: { deadlineMonth?: number; deadlineDay?: number }, ctx: z.RefinementCtx) {
  const { deadlineMonth: month, deadlineDay: day } = value;
  if (month !== undefined && day !== undefined && day > DAYS_IN_MONTH[month - 1]!) {
    ctx.addIssue({ code: "custom", path: ["deadlineDay"], message: `${month}月没有${day}日` });
  }
}

export const createOrgSchema = orgFieldsSchema
  .extend({ parentId: z.string().min(1, "请选择上级机构") })
  .superRefine(checkDeadline);
export const updateOrgSchema = orgFieldsSchema
  .extend({ orgId: z.string().min(1) })
  .superRefine(checkDeadline);
export const moveOrgSchema = z.object({
  orgId: z.string().min(1),
  newParentId: z.string().min(1, "请选择新的上级机构"),
});
export const orgDeadlineSchema = z.object({
  orgId: z.string().min(1),
  year: z.coerce.number({ error: "请填写报告年度" }).int().min(2000, "年度有误").max(2100, "年度有误"),
  deadline: z.iso.date({ error: "请填写有效日期" }),
});
export const removeOrgDeadlineSchema = orgDeadlineSchema.pick({ orgId: true, year: true });
