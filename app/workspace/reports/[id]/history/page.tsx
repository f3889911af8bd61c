import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryTable } from "@/components/workflow/history-table";
import { ActionError } from "@/lib/server/platform/action";
import { listReportHistory } from "@/lib/server/reports/history";
import { requireActor } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "年报历史记录" };

export default async function ReportHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/workspace/reports/${id}/history`);
  const history = await listReportHistory(actor, id).catch((err: unknown) => {
    if (err instanceof ActionError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const { report, rows } = history;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/workspace">我的年报</Link> /{" "}
        <Link href={`/workspace/reports/${report.id}/review`}>审核</Link>
      </p>
      <div className="page-head">
        <h1>
          {report.orgName} {report.year}年度报告 · 历史记录
        </h1>
        <a className="button" href={`/workspace/reports/${report.id}/history/export`} download>
          导出 CSV
        </a>
      </div>
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title" className="panel__title">
          全部操作（共 {rows.length} 条，永久保存）
        </h2>
        <HistoryTable rows={rows} />
      </section>
    </>
  );
}
