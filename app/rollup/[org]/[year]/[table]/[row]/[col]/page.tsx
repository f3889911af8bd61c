import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/public/breadcrumbs";
import { getCell } from "@/lib/domain/cells";
import { describeCell } from "@/lib/domain/format";
import { ORG_KIND_LABELS } from "@/lib/domain/orgs/tree";
import { parseCellId } from "@/lib/domain/rollup";
import { listCellContributions } from "@/lib/server/public/rollup";
import { loadRollup, rollupTitle } from "../../../load-rollup";

// Drill-down of one 汇总 cell: each contributing body's published figure, and the bodies not in the sum.

type Params = Promise<{ org: string; year: string; table: string; row: string; col: string }>;

export const dynamicParams = true;
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

async function load(params: Params) {
  const p = await params;
  const ref = parseCellId(`${p.table}:${decodeURIComponent(p.row)}:${decodeURIComponent(p.col)}`);
  if (!ref) notFound();
  const { org, rollup } = await loadRollup(params);
  return { org, rollup, ref, label: describeCell(ref) };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { org, rollup, label } = await load(params);
  return { title: `${label} · ${rollupTitle(org.shortName, rollup.year)}` };
}

export default async function RollupCellPage({ params }: { params: Params }) {
  const { org, rollup, ref, label } = await load(params);
  const contributions = await listCellContributions(rollup, ref);
  const sum = getCell(rollup.tables, ref);
  const base = `/rollup/${org.slug}/${rollup.year}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: org.shortName, href: `/reports/${org.slug}` },
          { label: `${rollup.year}年度汇总`, href: base },
          { label: "单元格明细" },
        ]}
      />
      <h1>{label}</h1>
      <section className="panel">
        <p>
          {rollupTitle(org.shortName, rollup.year)}中，该单元格的合计为{" "}
          <strong>{sum === null ? "空" : String(sum)}</strong>，来自
          {contributions.length}个机关已发布的报告。
        </p>
        <div className="table-scroll">
          <table className="data-table data-table--numbers">
            <caption>各机关的数值</caption>
            <thead>
              <tr>
                <th scope="col">机关</th>
                <th scope="col">类型</th>
                <th scope="col">数值</th>
              </tr>
            </thead>
            <tbody>
              {contributions.map((c) => (
                <tr key={c.slug}>
                  <th scope="row">
                    <Link href={`/reports/${c.slug}/${rollup.year}`}>{c.name}</Link>
                  </th>
                  <td className="is-text">{ORG_KIND_LABELS[c.kind]}</td>
                  <td>{String(c.value)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  合计
                </th>
                <td>{sum === null ? "" : String(sum)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        {rollup.missing.length > 0 && (
          <p>
            未纳入（尚未发布{rollup.year}年度报告）：{rollup.missing.map((m) => m.shortName).join("、")}。
          </p>
        )}
        <p>
          <Link href={base}>返回{rollup.year}年度汇总</Link>
        </p>
      </section>
    </>
  );
}
