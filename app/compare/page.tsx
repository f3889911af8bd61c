import type { Metadata } from "next";
import Link from "next/link";
import { KEY_FIGURES } from "@/lib/domain/key-figures";
import { comparisonQuerySchema } from "@/lib/domain/comparison";
import { inOutlineOrder } from "@/lib/domain/orgs/outline";
import { currentReportYear } from "@/lib/domain/calendar/publication-calendar";
import { getComparison } from "@/lib/server/public/comparison";
import { listPublishedYears } from "@/lib/server/public/calendar";
import { listPublicOrgs } from "@/lib/server/public/orgs";

// 数据对比: choose bodies and years (a plain GET form, no script), see the key figures side by side, download
// the same table as CSV from the open-data API.

export const metadata: Metadata = { title: "数据对比" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const zh = new Intl.NumberFormat("zh-CN");
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const parsed = comparisonQuerySchema.safeParse({ orgs: list(params.orgs), years: list(params.years) });
  const query = parsed.success ? parsed.data : { orgs: [], years: [] };
  const [orgs, publishedYears, comparison] = await Promise.all([
    listPublicOrgs(),
    listPublishedYears(),
    getComparison(query),
  ]);
  const years = [...new Set([currentReportYear(new Date()), ...publishedYears])].sort((a, b) => b - a);
  const qs = new URLSearchParams({ orgs: query.orgs.join(","), years: query.years.join(",") });
  return (
    <>
      <h1>数据对比</h1>
      <form action="/compare" method="get" className="panel compare-form">
        <p>选择机关和年度，比较政府信息公开申请的收到、办理、结转情况及行政复议、行政诉讼案件数。</p>
        {!parsed.success && (
          <p className="form__alert" role="alert">
            {parsed.error.issues.map((i) => i.message).join("；")}
          </p>
        )}
        <div className="compare-form__choices">
          <fieldset className="fieldset">
            <legend>机关（可多选）</legend>
            <ul className="check-list">
              {inOutlineOrder(orgs).map(({ org, depth }) => (
                <li key={org.slug} className={`check-list__item depth-${Math.min(depth, 3)}`}>
                  <input
                    type="checkbox"
                    id={`org-${org.slug}`}
                    name="orgs"
                    value={org.slug}
                    defaultChecked={query.orgs.includes(org.slug)}
                  />
                  <label htmlFor={`org-${org.slug}`}>{org.name}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset className="fieldset">
            <legend>年度（可多选）</legend>
            <ul className="check-list">
              {years.map((y) => (
                <li key={y} className="check-list__item">
                  <input
                    type="checkbox"
                    id={`year-${y}`}
                    name="years"
                    value={y}
                    defaultChecked={query.years.includes(y)}
                  />
                  <label htmlFor={`year-${y}`}>{y}年度</label>
                </li>
              ))}
            </ul>
          </fieldset>
        </div>
        <button type="submit" className="button button--primary">
          对比
        </button>
      </form>
      {comparison.rows.length > 0 ? (
        <section className="panel" aria-labelledby="result">
          <h2 id="result" className="panel__title">
            对比结果（件）
          </h2>
          <div className="table-scroll" role="region" aria-label="对比结果表（可横向滚动）" tabIndex={0}>
            <table className="data-table data-table--compact data-table--numbers">
              <thead>
                <tr>
                  <th scope="col">机关与年度</th>
                  {KEY_FIGURES.map((f) => (
                    <th scope="col" key={f.key}>
                      {f.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((r) => (
                  <tr key={`${r.orgSlug}-${r.year}`}>
                    <th scope="row">
                      {r.figures ? (
                        <Link href={`/reports/${r.orgSlug}/${r.year}`}>{`${r.orgName} ${r.year}年度`}</Link>
                      ) : (
                        `${r.orgName} ${r.year}年度`
                      )}
                    </th>
                    {r.figures ? (
                      KEY_FIGURES.map((f) => (
                        <td key={f.key}>
                          {r.figures![f.key] === null ? "—" : zh.format(r.figures![f.key]!)}
                        </td>
                      ))
                    ) : (
                      <td colSpan={KEY_FIGURES.length} className="muted is-text">
                        未发布该年度报告
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <a className="button" href={`/api/v1/comparison?${qs}&format=csv`} download>
              下载 CSV
            </a>
          </p>
        </section>
      ) : (
        parsed.success &&
        (query.orgs.length > 0 || query.years.length > 0) && (
          <p className="panel">请至少选择一个机关和一个年度。</p>
        )
      )}
    </>
  );
}
