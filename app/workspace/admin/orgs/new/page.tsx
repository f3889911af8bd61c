import type { Metadata } from "next";
import Link from "next/link";
import { OrgForm } from "@/components/admin/org-form";
import { listOrgOptions } from "@/lib/server/orgs/reads";
import { requireActor } from "@/lib/server/auth/session";
import { createOrgAction } from "../actions";

export const metadata: Metadata = { title: "新建机构" };

export default async function NewOrgPage({ searchParams }: { searchParams: Promise<{ parent?: string }> }) {
  const actor = await requireActor("/workspace/admin/orgs/new");
  const { parent } = await searchParams;
  const parents = await listOrgOptions(actor, "org.create");
  const options = parents.map((o) => ({ value: o.id, label: o.label }));
  return (
    <>
      <p className="breadcrumb">
        <Link href="/workspace/admin/orgs">机构管理</Link> / 新建机构
      </p>
      <h1>新建机构</h1>
      <div className="panel">
        <OrgForm
          action={createOrgAction}
          parentOptions={options}
          defaultParentId={options.some((o) => o.value === parent) ? parent : undefined}
        />
      </div>
    </>
  );
}
