import type { Metadata } from "next";
import { AuditFilter } from "@/components/admin/audit-filter";
import { AuditTable } from "@/components/admin/audit-table";
import { hrefWith, Pager } from "@/components/admin/pager";
import { auditFilterSchema, listAuditActions, listAuditEvents } from "@/lib/server/audit/log";
import { orNotFound } from "@/lib/server/auth/authorize";
import { listOrgOptions } from "@/lib/server/orgs/reads";
import { requireActor } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "审计日志" };

const PATH = "/workspace/admin/audit";

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireActor(PATH);
  const filter = auditFilterSchema.parse(await searchParams);
  const [page, orgs, actions] = await Promise.all([
    orNotFound(listAuditEvents(actor, filter)),
    listOrgOptions(actor, "audit.viewAll"),
    listAuditActions(),
  ]);
  const criteria = {
    org: filter.org,
    actor: filter.actor,
    action: filter.action,
    from: filter.from,
    to: filter.to,
  };
  return (
    <>
      <h1>审计日志</h1>
      <AuditFilter
        values={criteria}
        orgOptions={orgs.map((o) => ({ value: o.id, label: o.label }))}
        actionOptions={actions}
        exportHref={hrefWith(`${PATH}/export`, criteria, {})}
      />
      <section className="panel" aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="panel__title">
          操作记录（最新在前，每页 50 条）
        </h2>
        <AuditTable rows={page.rows} />
        <Pager
          label="审计日志分页"
          previousHref={page.newerCursor ? hrefWith(PATH, criteria, { after: page.newerCursor }) : null}
          nextHref={page.olderCursor ? hrefWith(PATH, criteria, { before: page.olderCursor }) : null}
          previousLabel="较新的记录"
          nextLabel="较早的记录"
        />
      </section>
    </>
  );
}
