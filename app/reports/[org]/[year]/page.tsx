import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportDocument } from "@/components/report/report-document";
import { formatDateZh } from "@/lib/domain/dates";
import { getPublishedReport } from "@/lib/server/public-reports";

type Params = Promise<{ org: string; year: string }>;

// Rendered on first request, then served from cache until a publication revalidates the path.
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

async function load(params: Params) {
  const { org, year } = await params;
  if (!/^\d{4}$/.test(year)) notFound();
  return (await getPublishedReport(org, Number(year))) ?? notFound();
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const report = await load(params);
  return { title: report.title };
}

export default async function ReportPage({ params }: { params: Params }) {
  const report = await load(params);
  return (
    <div className="panel report-page">
      <h1 className="report-page__title">{report.title}</h1>
      <dl className="report-meta">
        <div>
          <dt>发布机构</dt>
          <dd>{report.orgName}</dd>
        </div>
        {report.content.meta.writtenDate && (
          <div>
            <dt>成文日期</dt>
            <dd>{formatDateZh(report.content.meta.writtenDate)}</dd>
          </div>
        )}
        <div>
          <dt>发布日期</dt>
          <dd>{formatDateZh(report.publishedAt)}</dd>
        </div>
        <div>
          <dt>版本</dt>
          <dd>第{report.editionNumber}版</dd>
        </div>
      </dl>
      <ReportDocument report={report.content} />
    </div>
  );
}
