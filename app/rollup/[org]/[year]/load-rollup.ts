import { notFound } from "next/navigation";
import { cleanSlug, getPublicOrg } from "@/lib/server/public/orgs";
import { getRollup } from "@/lib/server/public/rollup";

// Shared by the 汇总 page and its drill-downs: the organisation (for breadcrumbs) and its 汇总, or 404.

export async function loadRollup(params: Promise<{ org: string; year: string }>) {
  const { org, year } = await params;
  const slug = cleanSlug(org);
  if (!slug || !/^\d{4}$/.test(year)) notFound();
  const [detail, rollup] = await Promise.all([getPublicOrg(slug), getRollup(slug, Number(year))]);
  if (!detail || typeof rollup === "string") notFound();
  return { org: detail, rollup };
}

export const rollupTitle = (shortName: string, year: number) =>
  `${shortName}${year}年度政府信息公开工作年度报告汇总`;
