import "server-only";
import { ROLE_LABELS } from "@/lib/domain/permissions";
import { REPORT_STATUS_LABELS } from "@/lib/domain/report-status";
import type { Actor } from "./auth";
import { db } from "./db";

/** The organisations the actor holds a role in, with their reports (scoped by membership in the query). */
export async function listWorkspaceOrgs(actor: Actor) {
  const orgIds = [...new Set(actor.memberships.map((m) => m.orgId))];
  const orgs = await db.organization.findMany({
    where: { id: { in: orgIds } },
    include: { reports: { orderBy: { year: "desc" }, select: { id: true, year: true, status: true } } },
    orderBy: { name: "asc" },
  });
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    roles: actor.memberships.filter((m) => m.orgId === o.id).map((m) => ROLE_LABELS[m.role]),
    reports: o.reports.map((r) => ({ ...r, statusLabel: REPORT_STATUS_LABELS[r.status] })),
  }));
}
