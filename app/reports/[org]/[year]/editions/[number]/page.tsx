import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportDocument } from "@/components/report/report-document";
import { formatDateTimeZh } from "@/lib/domain/dates";
import { getPublicEdition } from "@/lib/server/public/editions";
import { cleanSlug } from "@/lib/server/public/orgs";

// An earlier (superseded) edition of a published report, kept public so that a correction can be checked
// against what was published before. Editions are immutable, so the page is cached until revalidated.

type Params = Promise<{ org: string; year: string; number: string }>;

export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

async function load(params: Params) {
  const { org, year, number } = await params;
  if (!cleanSlug(org) || !/^\d{4}$/.test(year) || !/^\d{1,4}$/.test(number)) notFound();
  return (await getPublicEdition(org, Number(year), Number(number))) ?? notFound();
}

const titleOf = (edition: Awaited<ReturnType<typeof load>>, year: string) =>
  edition.content.meta.title || `${edition.orgName}${year}年政府信息公开工作年度报告`;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const edition = await load(params);
  return { title: `${titleOf(edition, (await params).year)}（第${edition.number}版）` };
}

export default async function EditionPage({ params }: { params: Params }) {
  const { org, year } = await params;
  const edition = await load(params);
  return (
    <div className="panel report-page">
      <h1 className="report-page__title">{titleOf(edition, year)}</h1>
      <section className="correction-notice" aria-labelledby="edition-title">
        <h2 id="edition-title">
          这是第{edition.number}版（{formatDateTimeZh(edition.publishedAt)}发布）
          {edition.isCurrent ? "，为当前版本" : "，已被更正"}
        </h2>
        {edition.changeNote && <p>本版更正说明：{edition.changeNote}</p>}
        {!edition.isCurrent && edition.currentNumber !== null && (
          <p>
            <Link href={`/reports/${org}/${year}`}>查看当前版本（第{edition.currentNumber}版）</Link>
          </p>
        )}
      </section>
      <ReportDocument report={edition.content} />
    </div>
  );
}
