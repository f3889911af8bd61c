import Link from "next/link";
import { formatDateZh } from "@/lib/domain/dates";
import { listPublishedReports } from "@/lib/server/public-reports";

// The list changes with every publication; it is one cheap query, rendered per request.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const reports = await listPublishedReports();
  return (
    <>
      <h1>政府信息公开工作年度报告专栏</h1>
      <section className="panel" aria-labelledby="latest">
        <h2 id="latest">最新发布的年度报告</h2>
        {reports.length === 0 ? (
          <p>暂无已发布的年度报告。</p>
        ) : (
          <ul className="list-plain">
            {reports.map((r) => (
              <li key={`${r.orgSlug}-${r.year}`}>
                <Link href={`/reports/${r.orgSlug}/${r.year}`}>{r.title}</Link>
                <span className="muted">　{r.orgShortName} · 发布于 {formatDateZh(r.publishedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
