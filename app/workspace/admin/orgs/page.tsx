import type { Metadata } from "next";
import Link from "next/link";
import { OrgTreeView } from "@/components/admin/org-tree";
import { listOrgTree } from "@/lib/server/orgs/reads";
import { requireActor } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "机构管理" };

export default async function OrgsPage() {
  const actor = await requireActor("/workspace/admin/orgs");
  const orgs = await listOrgTree(actor);
  return (
    <>
      <div className="page-head">
        <h1>机构管理</h1>
        <Link href="/workspace/admin/orgs/new" className="button button--primary">
          新建机构
        </Link>
      </div>
      <section className="panel" aria-labelledby="org-tree-heading">
        <h2 id="org-tree-heading" className="panel__title">
          您管理的机构
        </h2>
        {orgs.length === 0 ? <p>您没有可管理的机构。</p> : <OrgTreeView items={orgs} />}
      </section>
    </>
  );
}
