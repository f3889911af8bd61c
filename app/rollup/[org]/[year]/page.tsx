import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/public/breadcrumbs";
import { OfficialTable } from "@/components/report/official-table";
import { getCell } from "@/lib/domain/cells";
import { formatDateZh } from "@/lib/domain/dates";
import { ORG_KIND_LABELS } from "@/lib/domain/orgs/tree";
import { PUBLICATION_STATUS_LABELS } from "@/lib/domain/calendar/publication-calendar";
import { TABLE_KEYS, TABLE_LAYOUTS } from "@/lib/domain/table-layout";
import { listPublishedYears } from "@/lib/server/public/calendar";
import { loadRollup, rollupTitle } from "./load-rollup";

// 汇总: tables 二–四 summed cell by cell over the published reports of every body below, each sum linking to
// its drill-down, with who is in the sum and who is missing. Cached like the report pages.

type Params = Promise<{ org: string; year: string }>;

export const dynamicParams = true;
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { org, rollup } = await loadRollup(params);
  return { title: rollupTitle(org.shortName, rollup.year) };
}

export default async function RollupPage({ params }: { params: Params }) {
  const { org, rollup } = await loadRollup(params);
  const base = `/rollup/${org.slug}/${rollup.year}`;
  const years = [...new Set([rollup.year, ...(await listPublishedYears())])].sort((a, b) => b - a);
  return (
    <>
      <Breadcrumbs
        items={[
          ...org.ancestors.map((a) => ({ label: a.shortName, href: `/reports/${a.slug}` })),
          { label: org.shortName, href: `/reports/${org.slug}` },
          { label: `${rollup.year}年度汇总` },
        ]}
      />
      <h1>{rollupTitle(org.shortName, rollup.year)}</h1>
      <nav aria-label="选择年度" className="year-picker no-print">
        <ul className="inline-list">
          {years.map((y) => (
            <li key={y}>
              {y === rollup.year ? (
                <span aria-current="page">{y}年度</span>
              ) : (
                <Link href={`/rollup/${org.slug}/${y}`}>{y}年度</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <section className="panel" aria-labelledby="scope">
        <h2 id="scope" className="panel__title">
          汇总范围
        </h2>
        <p>
          {org.name}以下{rollup.contributors.length + rollup.missing.length}个机关中，
          {rollup.contributors.length}个已发布{rollup.year}年度报告并纳入汇总，{rollup.missing.length}
          个尚未发布。 汇总取各报告当前版本的数据，不含本机关自身的报告；点击表中数字可查看各机关的数值。
        </p>
        <div className="two-columns">
          <div>
            <h3>纳入汇总（{rollup.contributors.length}个）</h3>
            <ul className="list-plain">
              {rollup.contributors.map((c) => (
                <li key={c.slug}>
                  <Link href={`/reports/${c.slug}/${rollup.year}`}>{c.name}</Link>{" "}
                  <span className="muted">
                    {ORG_KIND_LABELS[c.kind]} · {formatDateZh(c.publishedAt)}
                    {c.editionNumber > 1 ? `（第${c.editionNumber}版）` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3>未纳入：尚未发布（{rollup.missing.length}个）</h3>
            <ul className="list-plain">
              {rollup.missing.map((m) => (
                <li key={m.slug}>
                  <Link href={`/reports/${m.slug}`}>{m.name}</Link>{" "}
                  <span className={`status status--${m.status}`}>
                    {PUBLICATION_STATUS_LABELS[m.status]}（截止 {formatDateZh(m.deadline)}）
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
        <p className="muted no-print">
          数据：<a href={`/api/v1/rollup/${org.slug}/${rollup.year}`}>本汇总（JSON）</a>
        </p>
      </section>
      <section className="panel report-document rollup-tables" aria-label="汇总表">
        {TABLE_KEYS.map((t) => (
          <OfficialTable
            key={t}
            layout={TABLE_LAYOUTS[t]}
            idPrefix="sum-"
            renderValue={(cell) => {
              const v = getCell(rollup.tables, cell.ref);
              if (v === null) return "";
              const href = `${base}/${cell.ref.table}/${encodeURIComponent(cell.ref.row)}/${encodeURIComponent(cell.ref.col)}`;
              return (
                <Link href={href}>
                  {String(v)}
                  <span className="visually-hidden">（查看明细）</span>
                </Link>
              );
            }}
          />
        ))}
      </section>
    </>
  );
}
