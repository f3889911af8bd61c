import type { Metadata } from "next";
import Link from "next/link";
import { ReportDocument } from "@/components/report/report-document";
import { formatDateZh } from "@/lib/domain/dates";
import { orNotFound } from "@/lib/server/auth/authorize";
import { getReportForActor } from "@/lib/server/reports/reports";
import { requireActor } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "预览年度报告" };

type Params = Promise<{ id: string }>;

// The saved draft exactly as the public report page will show it (same title, metadata line and ReportDocument);
// only the banner above it, which is not printed, says it is a preview.
export default async function PreviewPage({ params }: { params: Params }) {
  const { id } = await params;
  const actor = await requireActor(`/workspace/reports/${id}/preview`);
  const report = await orNotFound(getReportForActor(actor, id));
  const { meta } = report.content;
  const title = meta.title || `${report.orgName}${report.year}年政府信息公开工作年度报告`;
  return (
    <>
      <div className="preview-banner no-print" role="note">
        <p>预览：以下是公众将看到的样式，内容为已保存的第{report.version}版，尚未发布。</p>
        <Link href={`/workspace/reports/${id}`} className="button">
          返回编辑
        </Link>
      </div>
      <div className="panel report-page">
        <h1 className="report-page__title">{title}</h1>
        <dl className="report-meta">
          <div>
            <dt>发布机构</dt>
            <dd>{report.orgName}</dd>
          </div>
          {meta.writtenDate && (
            <div>
              <dt>成文日期</dt>
              <dd>{formatDateZh(meta.writtenDate)}</dd>
            </div>
          )}
          <div>
            <dt>发布日期</dt>
            <dd>发布时生成</dd>
          </div>
        </dl>
        <ReportDocument report={report.content} />
      </div>
    </>
  );
}
