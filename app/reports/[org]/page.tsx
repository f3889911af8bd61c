import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/public/breadcrumbs";
import { KeyFigures } from "@/components/public/key-figures-chart";
import { formatDateZh } from "@/lib/domain/dates";
import { keyFiguresOf } from "@/lib/domain/key-figures";
import { ORG_KIND_LABELS } from "@/lib/domain/orgs/tree";
import {
  currentReportYear,
  publicationDeadline,
  publicationStatus,
  PUBLICATION_STATUS_LABELS,
} from "@/lib/domain/calendar/publication-calendar";
import { listPublishedYears } from "@/lib/server/public/calendar";
import { cleanSlug, getPublicOrg, listDeadlineOverrides } from "@/lib/server/public/orgs";
import { listPublishedReportsOf } from "@/lib/server/public/reports";

// A body's 年报专栏: every year's report at its stable address, the key figures over the years, and — for a body
// with bodies below it — their 汇总. Cached; dropped at each publication (lib/server/public/cache.ts), and
// refreshed every five minutes for the deadline status.

type Params = Promise<{ org: string }>;

export const dynamicParams = true;
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

async function load(params: Params) {
  const slug = cleanSlug((await params).org);
  const org = slug ? await getPublicOrg(slug) : null;
  if (!org) notFound();
  return org;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const org = await load(params);
  return {
    title: `${org.name} · 政府信息公开工作年度报告`,
    alternates: {
      types: {
        "application/atom+xml": [
          { url: `/reports/${org.slug}/feed.xml`, title: `${org.name}年度报告（Atom）` },
        ],
      },
    },
  };
}

export default async function BodyPage({ params }: { params: Params }) {
  const org = await load(params);
  const reports = await listPublishedReportsOf(org.slug);
  const dueYear = currentReportYear(new Date());
  const deadline = publicationDeadline(org, dueYear, (await listDeadlineOverrides(dueYear)).get(org.id));
  const due = reports.some((r) => r.year === dueYear) ? null : publicationStatus(deadline, null, new Date());
  const rollupYears =
    org.children.length > 0
      ? [...new Set([dueYear, ...(await listPublishedYears())])].sort((a, b) => b - a)
      : [];
  return (
    <>
      <Breadcrumbs
        items={[
          ...org.ancestors.map((a) => ({ label: a.shortName, href: `/reports/${a.slug}` })),
          { label: org.shortName },
        ]}
      />
      <h1>
        {org.name} <span className="tag">{ORG_KIND_LABELS[org.kind]}</span>
      </h1>
      <section className="panel" aria-labelledby="years">
        <h2 id="years" className="panel__title">
          历年政府信息公开工作年度报告
        </h2>
        {due && (
          <p className={`status status--${due.status}`}>
            {dueYear}年度报告：{PUBLICATION_STATUS_LABELS[due.status]}（截止日期 {formatDateZh(deadline)}）
          </p>
        )}
        {reports.length === 0 ? (
          <p>本机关暂无已发布的年度报告。</p>
        ) : (
          <ol className="list-plain year-list" reversed>
            {reports.map((r) => (
              <li key={r.year}>
                <Link href={`/reports/${org.slug}/${r.year}`}>{r.title}</Link>
                <span className="muted">
                  　发布于 {formatDateZh(r.firstPublishedAt)}
                  {r.editionNumber > 1
                    ? `，${formatDateZh(r.publishedAt)}更正（第${r.editionNumber}版）`
                    : ""}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      {reports.length > 0 && (
        <section className="panel" aria-labelledby="figures">
          <h2 id="figures" className="panel__title">
            主要数据
          </h2>
          <p className="muted">
            政府信息公开申请的收到、办理、结转情况及行政复议、行政诉讼案件数（件），取自各年度报告表三、表四。
          </p>
          <KeyFigures
            years={reports.map((r) => ({ year: r.year, figures: keyFiguresOf(r.content.tables) }))}
          />
        </section>
      )}
      {org.children.length > 0 && (
        <section className="panel" aria-labelledby="below">
          <h2 id="below" className="panel__title">
            下级机关与汇总
          </h2>
          <p>
            汇总本机关以下{org.descendantCount}个机关已发布的年度报告：
            {rollupYears.map((y) => (
              <Link key={y} href={`/rollup/${org.slug}/${y}`} className="inline-link">
                {y}年度汇总
              </Link>
            ))}
          </p>
          <ul className="list-plain">
            {org.children.map((c) => (
              <li key={c.slug}>
                <Link href={`/reports/${c.slug}`}>{c.name}</Link>{" "}
                <span className="tag">{ORG_KIND_LABELS[c.kind]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="muted">
        开放数据：<a href={`/api/v1/reports?org=${org.slug}`}>本机关报告列表（JSON）</a>，说明见{" "}
        <Link href="/open-data">开放数据</Link>。
      </p>
    </>
  );
}
