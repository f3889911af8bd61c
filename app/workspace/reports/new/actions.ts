"use server";

import { defineAction } from "@/lib/server/platform/action";
import { createReport, createReportSchema } from "@/lib/server/reports/create";

// 「新建年度报告」: from the template, last year's published report, or a confirmed import; 填报员 of the body only.
export const createReportAction = defineAction(createReportSchema, (actor, input) =>
  createReport(actor, input),
);
