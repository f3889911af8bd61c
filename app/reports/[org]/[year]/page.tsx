import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs, type Crumb } from "@/components/public/breadcrumbs";
import { ReportDocument } from "@/components/report/report-document";
import { CorrectionNotice, EditionList } from "@/components/workflow/correction-notice";
import { WithdrawalNotice } from "@/components/workflow/withdrawal-notice";
import { formatDateZh } from "@/lib/domain/dates";
import { cleanSlug, getPublicOrg } from "@/lib/server/public/orgs";
import { getPublicReportView, getPublishedReport, type PublishedReport } from "@/lib/server/public/reports";
import { ReportTools } from "./report-tools";

// One report at its stable address, in the official layout: metadata, correction notice and editions, the six
// sections with tables 二–四, downloads and the 「与上年对比」 toggle (pure CSS: the page stays one cached
// document). Rendered on first request, then served from cache until a publication revalidates it
// (lib/server/public/cache.ts); the five-minute revalidation is only a backstop.

type Params = Promise<{ org: string; year: string }>;

export const dynamicParams = true;
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

async function load(params: Params) {
  const { org, year } = await params;
  const slug = cleanSlug(org);
  if (!slug || !/^\d{4}$/.test(year)) notFound();
  const view = await getPublicReportView(slug, Number(year));
  return view ?? notFound();
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const view = await load(params);
  return { title: view.kind === "published" ? view.report.title : view.notice.title };
}

function MetaBlock({ report }: { report: PublishedReport }) {
  const { meta } = report.content;
  const written = meta.writtenDate ?? meta.signatureDate;
  const entries: [string, string][] = [
    ...(meta.indexNumber ? [["索引号", meta.indexNumber] as [string, string]] : []),
    ["发布机构", report.orgName],
    ...(written ? [["成文日期", formatDateZh(written)] as [string, string]] : []),
    ["发布日期", formatDateZh(report.firstPublishedAt)],
    [
      "版本",
      report.editionNumber > 1
        ? `第${report.editionNumber}版（${formatDateZh(report.publishedAt)}更正）`
        : "第1版",
    ],
  ];
  return (
    <dl className="report-meta">
      {entries.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function ReportPage({ params }: { params: Params }) {
  const view = await load(params);
  const { org: slug } = await params;
  const org = await getPublicOrg(slug);
  const crumbs: Crumb[] = [
    ...(org?.ancestors ?? []).map((a) => ({ label: a.shortName, href: `/reports/${a.slug}` })),
    ...(org ? [{ label: org.shortName, href: `/reports/${org.slug}` }] : []),
  ];
  if (view.kind === "withdrawn") {
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: `${view.notice.year}年度报告` }]} />
        <WithdrawalNotice {...view.notice} />
      </>
    );
  }
  const { report, editions } = view;
  const previous = await getPublishedReport(report.orgSlug, report.year - 1);
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: `${report.year}年度报告` }]} />
      <div className="panel report-page">
        <h1 className="report-page__title">{report.title}</h1>
        <MetaBlock report={report} />
        <CorrectionNotice current={editions.current} correction={editions.correction} />
        <ReportTools
          orgSlug={report.orgSlug}
          year={report.year}
          previousYear={previous ? previous.year : null}
        />
        <ReportDocument
          report={report.content}
          previous={previous ? { year: previous.year, tables: previous.content.tables } : null}
        />
        <EditionList editions={editions.editions} />
      </div>
    </>
  );
}
