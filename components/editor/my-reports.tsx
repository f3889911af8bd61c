import Link from "next/link";
import type { MyOrg, MyReportRow } from "@/lib/domain/views/workspace";

// One organisation's reports on 「我的年报」: by year, with status, the deadline countdown and what the checks
// find, and 「新建年度报告」 for the year still to be written.

function Checks({ r }: { r: MyReportRow }) {
  const parts = [
    r.errors > 0 ? (
      <span key="e" className="count count--error">
        错误 {r.errors}
      </span>
    ) : null,
    r.warnings > 0 ? (
      <span key="w" className="count count--warning">
        警告 {r.warnings}
        {r.unexplained > 0 ? `（待说明 ${r.unexplained}）` : ""}
      </span>
    ) : null,
    r.blankCells > 0 ? (
      <span key="b" className="count">
        未填 {r.blankCells} 格
      </span>
    ) : null,
  ].filter(Boolean);
  return parts.length > 0 ? (
    <span className="counts">{parts}</span>
  ) : (
    <span className="count count--ok">未发现问题</span>
  );
}

function newHref(orgId: string, year: number) {
  return `/workspace/reports/new?org=${encodeURIComponent(orgId)}&year=${year}`;
}

export function MyOrgReports({ org }: { org: MyOrg }) {
  const headingId = `org-${org.id}`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="page-head">
        <h2 id={headingId} className="panel__title">
          {org.name}
        </h2>
        {org.mayCreate && (
          <Link className="button" href={newHref(org.id, org.reportingYear)}>
            新建年度报告
          </Link>
        )}
      </div>
      <p className="muted">我的角色：{org.roles.join("、")}</p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{org.name}的年度报告</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">状态</th>
              <th scope="col">公开期限</th>
              <th scope="col">检查结果</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {org.missing && (
              <tr>
                <th scope="row">{org.reportingYear}年度</th>
                <td>尚未创建</td>
                <td className={`deadline is-${org.missing.tone}`}>{org.missing.text}</td>
                <td>—</td>
                <td>
                  {org.mayCreate ? (
                    <Link href={newHref(org.id, org.reportingYear)}>新建{org.reportingYear}年度报告</Link>
                  ) : (
                    "等待填报员创建"
                  )}
                </td>
              </tr>
            )}
            {org.reports.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.year}年度</th>
                <td>{r.statusLabel}</td>
                <td className={`deadline is-${r.countdown.tone}`}>{r.countdown.text}</td>
                <td>
                  <Checks r={r} />
                </td>
                <td>
                  <Link
                    href={`/workspace/reports/${r.id}`}
                    aria-label={`${r.isEditable ? "编辑" : "查看"}${r.year}年度报告`}
                  >
                    {r.isEditable ? "编辑" : "查看"}
                  </Link>
                </td>
              </tr>
            ))}
            {!org.missing && org.reports.length === 0 && (
              <tr>
                <td colSpan={5}>暂无年度报告。</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
