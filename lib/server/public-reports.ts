import "server-only";
import { parseReport, type Report } from "@/lib/domain/report-schema";
import { db } from "./db";

// Public reads: only published, not withdrawn editions ever leave through here; no actor is needed.

export interface PublishedReportSummary {
  orgSlug: string;
  orgName: string;
  orgShortName: string;
  year: number;
  title: string;
  publishedAt: Date;
  editionNumber: number;
}

async function currentEditions(where: { orgSlug?: string; year?: number } = {}) {
  return db.reportEdition.findMany({
    where: {
      withdrawnAt: null,
      report: {
        // A report reopened for correction keeps its current edition public until the correction is out.
        status: { not: "WITHDRAWN" },
        year: where.year,
        org: where.orgSlug ? { slug: where.orgSlug } : undefined,
      },
    },
    orderBy: [{ reportId: "asc" }, { number: "desc" }],
    distinct: ["reportId"],
    include: { report: { include: { org: true } } },
  });
}

export async function listPublishedReports(): Promise<PublishedReportSummary[]> {
  const editions = await currentEditions();
  return editions
    .map((e) => {
      const content = parseReport(e.content);
      return {
        orgSlug: e.report.org.slug,
        orgName: e.report.org.name,
        orgShortName: e.report.org.shortName,
        year: e.report.year,
        title: content.meta.title || `${e.report.org.name}${e.report.year}年政府信息公开工作年度报告`,
        publishedAt: e.publishedAt,
        editionNumber: e.number,
      };
    })
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
}

export interface PublishedReport extends PublishedReportSummary {
  content: Report;
}

export async function getPublishedReport(orgSlug: string, year: number): Promise<PublishedReport | null> {
  const [edition] = await currentEditions({ orgSlug, year });
  if (!edition) return null;
  const content = parseReport(edition.content);
  return {
    orgSlug,
    orgName: edition.report.org.name,
    orgShortName: edition.report.org.shortName,
    year,
    title: content.meta.title || `${edition.report.org.name}${year}年政府信息公开工作年度报告`,
    publishedAt: edition.publishedAt,
    editionNumber: edition.number,
    content,
  };
}
