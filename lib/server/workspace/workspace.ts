import "server-only";
import { deadlineCountdown, reportingYear } from "@/lib/domain/calendar/countdown";
import { countUnexplained } from "@/lib/domain/explanation-state";
import { parseExplanations } from "@/lib/domain/explanations";
import { can, ROLE_LABELS } from "@/lib/domain/orgs/permissions";
import { reportStatusLabel } from "@/lib/domain/workflow/report-status";
import { parseReport } from "@/lib/domain/report-schema";
import { listCells } from "@/lib/domain/cells";
import { checkReport } from "@/lib/domain/rules/check-report";
import { isContentEditable } from "@/lib/domain/workflow/workflow";
import type { MyOrg, MyReportRow } from "@/lib/domain/views/workspace";
import type { Actor } from "../auth/actor";
import { loadOrgTree } from "../auth/authorize";
import { db } from "../platform/db";
import { deadlineIsoOf, getLastYearsContent } from "../workflow/subject";

// 「我的年报」: for each organisation the actor holds a role in, its reports by year with status, the deadline
// countdown and what the live checks (the editor's checkReport) find, plus the year still to be created.

type OrgRow = Awaited<ReturnType<typeof loadOrgs>>[number];

function loadOrgs(orgIds: string[]) {
  return db.organization.findMany({
    where: { id: { in: orgIds } },
    include: {
      deadlines: true,
      reports: { orderBy: { year: "desc" }, include: { _count: { select: { editions: true } } } },
    },
    orderBy: { name: "asc" },
  });
}

const deadlineOf = (org: OrgRow, year: number) =>
  deadlineIsoOf(org, year, org.deadlines.find((d) => d.year === year)?.deadline);

async function reportRow(org: OrgRow, report: OrgRow["reports"][number], now: Date): Promise<MyReportRow> {
  const content = parseReport(report.content);
  const explanations = parseExplanations(report.explanations);
  const deadline = deadlineOf(org, report.year);
  const findings = checkReport(content, {
    previous: await getLastYearsContent({ orgId: org.id, year: report.year }, db),
    profile: { hasRuleMakingPower: org.hasRuleMakingPower, deadline },
    stage: "draft",
    explanations,
  });
  return {
    id: report.id,
    year: report.year,
    status: report.status,
    statusLabel: reportStatusLabel({ ...report, chain: org.approvalChain }),
    isEditable: isContentEditable(report.status),
    countdown: deadlineCountdown(deadline, now, report.status === "PUBLISHED" || report._count.editions > 0),
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    unexplained: countUnexplained(findings, explanations, content.tables),
    blankCells: listCells(content.tables).filter((c) => c.value === null && !c.computed).length,
  };
}

export async function listMyReports(actor: Actor, now = new Date()): Promise<MyOrg[]> {
  const orgIds = [...new Set(actor.memberships.map((m) => m.orgId))];
  const [orgs, tree] = await Promise.all([loadOrgs(orgIds), loadOrgTree()]);
  const year = reportingYear(now);
  return Promise.all(
    orgs.map(async (org) => {
      const mayCreate = can(actor, "report.create", org.id, tree);
      const hasCurrent = org.reports.some((r) => r.year === year);
      return {
        id: org.id,
        name: org.name,
        roles: [
          ...new Set(actor.memberships.filter((m) => m.orgId === org.id).map((m) => ROLE_LABELS[m.role])),
        ],
        mayCreate,
        reportingYear: year,
        missing: hasCurrent ? null : deadlineCountdown(deadlineOf(org, year), now, false),
        reports: await Promise.all(org.reports.map((r) => reportRow(org, r, now))),
      };
    }),
  );
}

/** The organisations where the actor may create a report (the 「新建年度报告」 page's choice). */
export async function listCreatableOrgs(actor: Actor): Promise<{ id: string; name: string }[]> {
  const tree = await loadOrgTree();
  const ids = tree.ids.filter((id) => can(actor, "report.create", id, tree));
  return db.organization.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
