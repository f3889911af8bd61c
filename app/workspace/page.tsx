import type { Metadata } from "next";
import { requireActor } from "@/lib/server/session";
import { listWorkspaceOrgs } from "@/lib/server/workspace";

export const metadata: Metadata = { title: "我的年报" };

export default async function WorkspacePage() {
  const actor = await requireActor("/workspace");
  const orgs = await listWorkspaceOrgs(actor);
  return (
    <>
      <h1>我的年报</h1>
      {orgs.map((org) => (
        <section key={org.id} className="panel" aria-labelledby={`org-${org.id}`}>
          <h2 id={`org-${org.id}`}>{org.name}</h2>
          <p className="muted">我的角色：{org.roles.join("、")}</p>
          {org.reports.length === 0 ? (
            <p>暂无年度报告。</p>
          ) : (
            <ul className="list-plain">
              {org.reports.map((r) => (
                <li key={r.id}>
                  {r.year}年度报告 · {r.statusLabel}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
