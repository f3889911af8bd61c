// The review screen's remark forms: a new remark on a place in the report, a reply, 「标记为已解决」, and the
// supplementary review of a force-published edition.
import { z } from "zod";

const body = z.string().trim().min(1, "请填写意见内容").max(2000, "意见不能超过 2000 个字符");
export const addRemarkSchema = z.object({
  reportId: z.string().min(1),
  anchor: z.string().max(120, "意见位置无效"),
  body,
});
export const replyRemarkSchema = z.object({ remarkId: z.string().min(1), body });
export const resolveRemarkSchema = z.object({ remarkId: z.string().min(1) });
export const reviewEditionSchema = z.object({ editionId: z.string().min(1) });
