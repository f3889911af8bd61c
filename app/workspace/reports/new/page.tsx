import type { Metadata } from "next";
import Link from "next/link";
import { NewReportChooser } from "@/components/editor/new-report-chooser";
import { reportingYear } from "@/lib/domain/calendar/countdown";
import { T3_COLUMNS } from "@/lib/domain/format";
import { orNotFound } from "@/lib/server/auth/authorize";
import { getNewReportOptions } from "@/lib/server/reports/create";
import { requireActor } from "@/lib/server/auth/session";
import { listCreatableOrgs } from "@/lib/server/workspace/workspace";
import { createReportAction } from "./actions";

export const metadata: Metadata = { title: "新建年度报告" };

type SearchParams = Promise<{ org?: string; year?: string }>;

function ChooseOrg({ orgs, year }: { orgs: { id: string; name: string }[]; year: number }) {
  if (orgs.length === 0) return <p className="panel">您在任何机构都没有填报员角色，不能新建年度报告。</p>;
  return (
    <form method="get" className="panel form">
      <div className="field field--medium">
        <label htmlFor="new-org">机关</label>
        <select id="new-org" name="org">
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--short">
        <label htmlFor="new-year">年度</label>
        <input id="new-year" name="year" type="number" min={2008} max={year + 1} defaultValue={year} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          下一步
        </button>
      </div>
    </form>
  );
}

export default async function NewReportPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("/workspace/reports/new");
  const { org, year: rawYear } = await searchParams;
  const year = /^\d{4}$/.test(rawYear ?? "") ? Number(rawYear) : reportingYear(new Date());
  const head = (
    <p className="breadcrumb">
      <Link href="/workspace">我的年报</Link> › 新建年度报告
    </p>
  );
  if (!org) {
    return (
      <>
        {head}
        <h1>新建年度报告</h1>
        <ChooseOrg orgs={await listCreatableOrgs(actor)} year={year} />
      </>
    );
  }
  const options = await orNotFound(getNewReportOptions(actor, org, year));
  const carried = options.previous?.tables.t3.carriedForward;
  return (
    <>
      {head}
      <h1>
        新建{options.org.name}
        {year}年度报告
      </h1>
      {options.existingId ? (
        <p className="panel">
          {options.org.name}
          {year}年度报告已经存在，每个机关每年只有一份年度报告。
          <Link href={`/workspace/reports/${options.existingId}`}>打开该报告</Link>
        </p>
      ) : (
        <NewReportChooser
          orgId={options.org.id}
          orgName={options.org.name}
          year={year}
          previous={
            carried
              ? {
                  year: year - 1,
                  carried: T3_COLUMNS.filter((c) => c.key !== "total").map((c) => ({
                    label: c.label,
                    value: carried[c.key] === null ? "（空白）" : String(carried[c.key]),
                  })),
                }
              : null
          }
          create={createReportAction}
        />
      )}
    </>
  );
}
