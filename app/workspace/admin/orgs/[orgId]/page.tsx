import type { Metadata } from "next";
import Link from "next/link";
import { OrgDeadlines } from "@/components/admin/org-deadlines";
import { OrgForm } from "@/components/admin/org-form";
import { OrgMoveForm } from "@/components/admin/org-move-form";
import { toIsoDateInChina } from "@/lib/domain/dates";
import { type OrgKind } from "@/lib/domain/orgs/tree";
import { orNotFound } from "@/lib/server/auth/authorize";
import { getOrgForAdmin } from "@/lib/server/orgs/reads";
import { requireActor } from "@/lib/server/auth/session";
import { moveOrgAction, removeOrgDeadlineAction, setOrgDeadlineAction, updateOrgAction } from "../actions";

export const metadata: Metadata = { title: "机构详情" };

interface Props {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<{ created?: string }>;
}

export default async function OrgPage({ params, searchParams }: Props) {
  const { orgId } = await params;
  const actor = await requireActor(`/workspace/admin/orgs/${orgId}`);
  const { org, canMove, moveTargets } = await orNotFound(getOrgForAdmin(actor, orgId));
  const { created } = await searchParams;
  const values = { ...org, kind: org.kind as OrgKind };
  return (
    <>
      <p className="breadcrumb">
        <Link href="/workspace/admin/orgs">机构管理</Link> / {org.shortName}
      </p>
      <h1>{org.name}</h1>
      {created && (
        <p role="status" className="notice">
          机构已创建。可继续为其<Link href={`/workspace/admin/users/new?org=${org.id}`}>添加用户</Link>。
        </p>
      )}
      <p className="muted">
        上级机构：{org.parent?.name ?? "（无，根机构）"} ·{" "}
        <Link href={`/workspace/admin/users?org=${org.id}`}>本机构及下级的用户</Link> ·{" "}
        <Link href={`/workspace/admin/audit?org=${org.id}`}>审计日志</Link> ·{" "}
        <Link href={`/workspace/admin/orgs/new?parent=${org.id}`}>新建下级机构</Link>
      </p>
      <section className="panel" aria-labelledby="org-info">
        <h2 id="org-info" className="panel__title">
          机构信息
        </h2>
        <OrgForm action={updateOrgAction} orgId={org.id} values={values} />
      </section>
      <section className="panel" aria-labelledby="org-deadlines">
        <h2 id="org-deadlines" className="panel__title">
          年度截止日期
        </h2>
        <OrgDeadlines
          orgId={org.id}
          defaultLabel={`${org.deadlineMonth}月${org.deadlineDay}日`}
          overrides={org.deadlines.map((d) => ({
            year: d.year,
            deadline: d.deadline.toISOString().slice(0, 10),
          }))}
          suggestedYear={Number(toIsoDateInChina(new Date()).slice(0, 4)) - 1}
          setAction={setOrgDeadlineAction}
          removeAction={removeOrgDeadlineAction}
        />
      </section>
      <section className="panel" aria-labelledby="org-move">
        <h2 id="org-move" className="panel__title">
          移动机构
        </h2>
        {canMove ? (
          <OrgMoveForm
            action={moveOrgAction}
            orgId={org.id}
            currentParentId={org.parentId}
            targets={moveTargets.map((o) => ({ value: o.id, label: o.label }))}
          />
        ) : (
          <p>该机构是您管理范围的最上级（或根机构），只能由上级机构的管理员移动。</p>
        )}
      </section>
    </>
  );
}
