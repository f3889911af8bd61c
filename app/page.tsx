import Link from "next/link";
import { CalendarTable } from "@/components/public/calendar-table";
import { OrgTreeList } from "@/components/public/org-tree-list";
import { formatDateZh } from "@/lib/domain/dates";
import { childrenByParent } from "@/lib/domain/orgs/outline";
import { searchOrgs } from "@/lib/domain/orgs/search";
import { ORG_KIND_LABELS } from "@/lib/domain/orgs/tree";
import {
  countByStatus,
  currentReportYear,
  PUBLICATION_STATUS_LABELS,
} from "@/lib/domain/calendar/publication-calendar";
import { listPublicationCalendar, listPublishedYears } from "@/lib/server/public/calendar";
import { listPublicOrgs } from "@/lib/server/public/orgs";
import { listPublishedReports } from "@/lib/server/public/reports";

// 年报专栏: find a body by name, the latest publications, this year's publication calendar, the whole tree.
// Rendered per request: the search and the calendar depend on the query and on today's date.
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = first(params.q).trim().slice(0, 60);
  const defaultYear = currentReportYear(new Date());
  const asked = first(params.year);
  const year = /^\d{4}$/.test(asked) ? Number(asked) : defaultYear;
  const [orgs, latest, calendar, publishedYears] = await Promise.all([
    listPublicOrgs(),
    listPublishedReports({ latest: 10 }),
    listPublicationCalendar(year),
    listPublishedYears(),
  ]);
  const years = [...new Set([defaultYear, ...publishedYears])].sort((a, b) => b - a);
  const counts = countByStatus(calendar);
  const found = query ? searchOrgs(orgs, query) : [];
  const parentName = new Map(orgs.map((o) => [o.id, o.name]));
  return (
    <>
      <h1>政府信息公开工作年度报告专栏</h1>
      <section className="panel" aria-labelledby="find">
        <h2 id="find" className="panel__title">
          查找机关
        </h2>
        <form role="search" action="/" method="get" className="search-form">
          <label htmlFor="q">机关名称（可输入简称，如“钢城街道”）</label>
          <div className="search-form__row">
            <input id="q" name="q" type="search" defaultValue={query} maxLength={60} autoComplete="off" />
            <button type="submit" className="button button--primary">
              查找
            </button>
          </div>
        </form>
        {query && (
          <div aria-live="polite">
            <h3>
              “{query}”的查找结果（{found.length}个）
            </h3>
            {found.length === 0 ? (
              <p>未找到名称包含“{query}”的机关。可只输入名称中的关键字，如“钢城”。</p>
            ) : (
              <ul className="list-plain">
                {found.map((o) => (
                  <li key={o.slug}>
                    <Link href={`/reports/${o.slug}`}>{o.name}</Link>{" "}
                    <span className="muted">
                      {ORG_KIND_LABELS[o.kind]}
                      {o.parentId && parentName.get(o.parentId)
                        ? ` · 上级：${parentName.get(o.parentId)}`
                        : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="latest">
        <h2 id="latest" className="panel__title">
          最新发布的年度报告
        </h2>
        {latest.length === 0 ? (
          <p>暂无已发布的年度报告。</p>
        ) : (
          <ul className="list-plain">
            {latest.slice(0, 10).map((r) => (
              <li key={`${r.orgSlug}-${r.year}`}>
                <Link href={`/reports/${r.orgSlug}/${r.year}`}>{r.title}</Link>
                <span className="muted">
                  　发布于 {formatDateZh(r.publishedAt)}
                  {r.editionNumber > 1 ? `（第${r.editionNumber}版，已更正）` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="calendar">
        <h2 id="calendar" className="panel__title">
          {year}年度报告发布日历
        </h2>
        <nav aria-label="选择年度" className="year-picker">
          <ul className="inline-list">
            {years.map((y) => (
              <li key={y}>
                {y === year ? (
                  <span aria-current="page">{y}年度</span>
                ) : (
                  <Link href={`/?year=${y}#calendar`}>{y}年度</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <p>
          共{calendar.length}个机关：
          {(["published", "publishedLate", "pending", "overdue"] as const)
            .map((s) => `${PUBLICATION_STATUS_LABELS[s]}${counts[s]}个`)
            .join("，")}
          。 截止日期依《中华人民共和国政府信息公开条例》第四十九条，各机关另有规定的从其规定。
        </p>
        <CalendarTable
          year={year}
          rows={calendar.map((row) => ({
            slug: row.org.slug,
            name: row.org.shortName,
            deadline: row.deadline,
            status: row.status,
            days: row.days,
            report: row.report
              ? { href: `/reports/${row.org.slug}/${year}`, publishedAt: row.report.firstPublishedAt }
              : null,
          }))}
        />
      </section>

      <section className="panel" aria-labelledby="browse">
        <h2 id="browse" className="panel__title">
          按机关浏览
        </h2>
        <OrgTreeList childrenOf={childrenByParent(orgs)} />
      </section>

      <p className="muted">
        需要数据？见 <Link href="/compare">数据对比</Link> 和{" "}
        <Link href="/open-data">开放数据（API 与批量下载）</Link>。
      </p>
    </>
  );
}
