import "server-only";
import { z } from "zod";
import { toIsoDateInChina } from "@/lib/domain/dates";
import type { Finding } from "@/lib/domain/findings";
import { reportFromLastYear, reportFromTemplate, type BodyDetails } from "@/lib/domain/prefill";
import {
  jsonBytes,
  MAX_REPORT_JSON_BYTES,
  REPORT_TOO_LARGE,
  reportSchema,
  type Report,
} from "@/lib/domain/report-schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fail } from "../platform/action";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { assertCan, NOT_FOUND_MESSAGE, type DbClient } from "../auth/authorize";
import { db as defaultDb, type Db } from "../platform/db";
import { createImportedReport } from "./import";
import { getLastYearsContent } from "../workflow/subject";

// 「新建年度报告」: the one report of a body for a year, from the template, from last year's published report,
// or from an imported file the author has seen and confirmed. Only the body's 填报员 may create it.

const target = { orgId: z.string().min(1).max(60), year: z.number().int().min(2008).max(2100) };
const findingSchema = z.object({
  ruleId: z.string().max(60),
  severity: z.enum(["error", "warning"]),
  message: z.string().max(4000),
});

export const createReportSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("template"), ...target }),
  z.object({ source: z.literal("lastYear"), ...target }),
  z.object({
    source: z.literal("import"),
    ...target,
    content: reportSchema.refine((c) => jsonBytes(c) <= MAX_REPORT_JSON_BYTES, REPORT_TOO_LARGE),
    findings: z.array(findingSchema).max(2000),
    fileName: z.string().max(200),
  }),
]);
export type CreateReportInput = z.output<typeof createReportSchema>;

export const SOURCE_LABELS = {
  template: "空白模板",
  lastYear: "上年已发布报告",
  import: "导入文件",
} as const;

export function bodyDetailsOf(org: {
  name: string;
  contactOffice: string;
  contactAddress: string;
  contactPhone: string;
  contactPostcode: string;
  portalUrl: string;
}): BodyDetails {
  return {
    name: org.name,
    contact: {
      office: org.contactOffice,
      address: org.contactAddress,
      phone: org.contactPhone,
      postcode: org.contactPostcode,
    },
    portalUrl: org.portalUrl,
  };
}

async function assertCreatable(actor: Actor, input: CreateReportInput, db: DbClient, now: Date) {
  await assertCan(actor, "report.create", input.orgId, db);
  const latestYear = Number(toIsoDateInChina(now).slice(0, 4));
  if (input.year > latestYear)
    fail("INVALID_INPUT", `年度不能晚于${latestYear}年。`, { year: `年度不能晚于${latestYear}年` });
  const org =
    (await db.organization.findUnique({ where: { id: input.orgId } })) ??
    fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  const existing = await db.report.findUnique({
    where: { orgId_year: { orgId: input.orgId, year: input.year } },
    select: { id: true },
  });
  if (existing) fail("CONFLICT", `${org.name}${input.year}年度报告已经存在，每个机关每年只有一份年度报告。`);
  return org;
}

async function contentFor(input: CreateReportInput, body: BodyDetails, db: DbClient): Promise<Report> {
  if (input.source === "template") return reportFromTemplate(body, input.year);
  if (input.source === "import")
    return { ...input.content, meta: { ...input.content.meta, year: input.year } };
  const previous = await getLastYearsContent(input, db);
  if (!previous)
    return fail("NOT_FOUND", `未找到${body.name}${input.year - 1}年度已发布的报告，无法以其为基础新建。`);
  return reportFromLastYear(previous, body, input.year);
}

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "P2002";

/** Creates the year's report and returns its id; CONFLICT when the body already has one for that year. */
export async function createReport(
  actor: Actor,
  input: CreateReportInput,
  db: Db = defaultDb,
  now = new Date(),
): Promise<{ id: string }> {
  const org = await assertCreatable(actor, input, db, now);
  const content = await contentFor(input, bodyDetailsOf(org), db);
  try {
    if (input.source === "import") {
      const { report } = await createImportedReport(db, {
        orgId: org.id,
        year: input.year,
        content,
        importFindings: input.findings as unknown as Finding[],
        publish: false,
        actorId: actor.userId,
        actorName: actor.username,
        source: input.fileName || "上传文件",
      });
      return { id: report.id };
    }
    return await db.$transaction(async (tx) => {
      await assertCan(actor, "report.create", org.id, tx);
      const report = await tx.report.create({
        data: {
          orgId: org.id,
          year: input.year,
          content: content as unknown as Prisma.InputJsonValue,
          createdById: actor.userId,
          lastEditedById: actor.userId,
        },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        actorName: actor.username,
        action: "report.create",
        at: now,
        orgId: org.id,
        targetType: "report",
        targetId: report.id,
        summary: `新建${input.year}年度报告（${SOURCE_LABELS[input.source]}）`,
        data: { source: input.source },
      });
      return { id: report.id };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      return fail("CONFLICT", `${org.name}${input.year}年度报告已经存在，每个机关每年只有一份年度报告。`);
    throw err;
  }
}

/** For the 「新建年度报告」 page: the body, whether the year is free, and last year's published report if any. */
export async function getNewReportOptions(
  actor: Actor,
  orgId: string,
  year: number,
  db: DbClient = defaultDb,
) {
  await assertCan(actor, "report.create", orgId, db);
  const org =
    (await db.organization.findUnique({ where: { id: orgId } })) ?? fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  const existing = await db.report.findUnique({
    where: { orgId_year: { orgId, year } },
    select: { id: true },
  });
  const previous = await getLastYearsContent({ orgId, year }, db);
  return { org: { id: org.id, name: org.name }, year, existingId: existing?.id ?? null, previous };
}
