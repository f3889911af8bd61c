// The open-data API's path and query parameters, validated once here so that the route handlers, the OpenAPI
// document and the human documentation agree. Messages are Chinese: they are returned to the caller in 400s.
import { z } from "zod";
import { ORG_KINDS } from "../orgs/tree";
import { parseCellId } from "../rollup";

export const slugParam = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "机关标识只能包含小写字母、数字和连字符，如 gangcheng");

export const yearParam = z
  .string()
  .regex(/^\d{4}$/, "年度须为四位数字，如 2024")
  .transform(Number)
  .pipe(z.number().min(2008, "年度须在2008年以后").max(2100, "年度无效"));

export const kindParam = z.enum(ORG_KINDS, { error: `机关类型须为 ${ORG_KINDS.join("、")} 之一` });

export const REPORT_FORMATS = ["json", "csv", "docx"] as const;
export const formatParam = z.enum(REPORT_FORMATS, { error: "format 须为 json、csv 或 docx" });

export const cellParam = z.string().transform((text, ctx) => {
  const ref = parseCellId(text);
  if (!ref) ctx.addIssue({ code: "custom", message: "单元格地址无效，格式如 t3:newReceived:natural" });
  return ref ?? z.NEVER;
});

export const reportListQuerySchema = z.object({
  org: slugParam.optional(),
  year: yearParam.optional(),
  kind: kindParam.optional(),
});

export const reportQuerySchema = z.object({ format: formatParam.default("json") });

export const rollupQuerySchema = z.object({ kind: kindParam.optional(), cell: cellParam.optional() });

export const reportPathSchema = z.object({ org: slugParam, year: yearParam });
