import type { Metadata } from "next";
import { MyOrgReports } from "@/components/editor/my-reports";
import { requireActor } from "@/lib/server/auth/session";
import { listMyReports } from "@/lib/server/workspace/workspace";

export const metadata: Metadata = { title: "我的年报" };

export default async function WorkspacePage() {
  const actor = await requireActor("/workspace");
  const orgs = await listMyReports(actor);
  return (
    <>
      <h1>我的年报</h1>
      {orgs.length === 0 && <p className="panel">您还没有加入任何机构，请联系系统管理员分配角色。</p>}
      {orgs.map((org) => (
        <MyOrgReports key={org.id} org={org} />
      ))}
    </>
  );
}
