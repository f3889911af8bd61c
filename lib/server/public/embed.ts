import "server-only";
import { renderEmbedFragment } from "@/lib/domain/open-data/embed-fragment";
import { db as defaultDb, type Db } from "../platform/db";
import { listPublishedReports } from "./reports";

// The data behind /embed/<org>: the body's published years and its withdrawn publications (with their notices).

export async function embedFragmentOf(
  origin: string,
  slug: string,
  isDemo: boolean,
  db: Db = defaultDb,
): Promise<string | null> {
  const org = await db.organization.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true },
  });
  if (!org) return null;
  const [published, withdrawn] = await Promise.all([
    listPublishedReports({ orgSlug: slug }, db),
    db.report.findMany({
      where: { orgId: org.id, status: "WITHDRAWN" },
      select: {
        year: true,
        editions: { orderBy: { number: "desc" }, take: 1, select: { withdrawalNote: true } },
      },
    }),
  ]);
  return renderEmbedFragment({
    origin,
    org,
    isDemo,
    years: published.map((r) => ({
      year: r.year,
      title: r.title,
      publishedAt: r.publishedAt,
      editionNumber: r.editionNumber,
    })),
    withdrawn: withdrawn.map((r) => ({
      year: r.year,
      title: `${org.name}${r.year}年政府信息公开工作年度报告`,
      note: r.editions[0]?.withdrawalNote ?? "",
    })),
  });
}
