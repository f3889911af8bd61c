import "server-only";
import type { ImportResult } from "@/lib/domain/import/import-report";
import type { Report } from "@/lib/domain/report-schema";
import { checkReport } from "@/lib/domain/rules/check-report";
import { cleanDeep } from "@/lib/domain/text-clean";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "../audit/audit";
import { db as defaultDb, type Db } from "../platform/db";
import { writeEdition } from "./editions";
import { recordSiteChange } from "../site/outbox";

// Creating a report from an imported document: the CLI's `import` and the seed use it directly (trusted,
// operator-run); the editor's "导入文件" path checks the actor's permission before calling it.

export interface ImportedReportInput {
  orgId: string;
  year: number;
  content: Report;
  importFindings: ImportResult["findings"];
  publish: boolean;
  actorId: string | null;
  actorName: string;
  source: string;
  publishedAt?: Date;
}

export async function createImportedReport(db: Db, rawInput: ImportedReportInput) {
  // A document may carry NUL or broken surrogates; they cannot be stored (lib/domain/text-clean.ts).
  const input = { ...rawInput, content: cleanDeep(rawInput.content) };
  const findings = checkReport(input.content, { importFindings: input.importFindings });
  return db.$transaction(async (tx) => {
    const report = await tx.report.create({
      data: {
        orgId: input.orgId,
        year: input.year,
        status: input.publish ? "PUBLISHED" : "DRAFT",
        content: input.content as unknown as Prisma.InputJsonValue,
        createdById: input.actorId,
        lastEditedById: input.actorId,
      },
    });
    if (input.publish) {
      await writeEdition(tx, {
        reportId: report.id,
        orgId: input.orgId,
        year: input.year,
        content: input.content,
        findings,
        publishedById: input.actorId,
        publishedAt: input.publishedAt,
      });
      await recordSiteChange(tx, { orgId: input.orgId, year: input.year, reason: "publish" });
    }
    await recordAudit(tx, {
      action: "report.import",
      actorId: input.actorId,
      actorName: input.actorName,
      orgId: input.orgId,
      targetType: "report",
      targetId: report.id,
      summary: `导入${input.year}年度报告（来源：${input.source}）${input.publish ? "并发布" : "为草稿"}`,
      data: { findings: findings.length, errors: findings.filter((f) => f.severity === "error").length },
    });
    return { report, findings };
  });
}

/** `nianbao import`: finds the organisation by name, short name or slug and creates the year's report. */
export async function importReportFromCli(input: {
  orgName: string;
  year: number;
  result: ImportResult;
  publish: boolean;
  fileName: string;
  db?: Db;
}): Promise<{ ok: boolean; message: string }> {
  const db = input.db ?? defaultDb;
  const orgs = await db.organization.findMany({
    where: { OR: [{ name: input.orgName }, { shortName: input.orgName }, { slug: input.orgName }] },
  });
  if (orgs.length !== 1) {
    return {
      ok: false,
      message: orgs.length
        ? `“${input.orgName}”对应多个机关，请使用全称或标识。`
        : `未找到机关“${input.orgName}”。`,
    };
  }
  const org = orgs[0]!;
  if (await db.report.findUnique({ where: { orgId_year: { orgId: org.id, year: input.year } } })) {
    return { ok: false, message: `${org.name}${input.year}年度报告已存在，未导入。` };
  }
  const content: Report = { ...input.result.report, meta: { ...input.result.report.meta, year: input.year } };
  const { findings } = await createImportedReport(db, {
    orgId: org.id,
    year: input.year,
    content,
    importFindings: input.result.findings,
    publish: input.publish,
    actorId: null,
    actorName: "命令行导入",
    source: input.fileName,
  });
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    ok: true,
    message: `已导入 ${org.name}${input.year}年度报告${input.publish ? "并发布" : "（草稿）"}；检查发现 ${errors} 个错误、${findings.length - errors} 个警告。`,
  };
}
