import "server-only";
import { daysUntil, deadlineEnd } from "@/lib/domain/calendar/deadline";
import { decideEditionReview } from "@/lib/domain/workflow/edition-review";
import { effectiveRoles, orgsVisibleTo } from "@/lib/domain/orgs/permissions";
import { CHAIN_STEP_LABELS, pendingStep, statusLabel } from "@/lib/domain/workflow/report-status";
import { availableActions } from "@/lib/domain/workflow/workflow";
import type { TodoItem, TodoList } from "@/lib/domain/views/workspace";
import type { Actor } from "../auth/actor";
import { loadOrgTree, type DbClient } from "../auth/authorize";
import { db as defaultDb } from "../platform/db";
import { deadlineIsoOf, fourEyesHistories } from "./subject";

// The actor's to-do list: reports waiting for their decision at the current chain step, approved reports they may
// publish, reports returned to them, and force-published editions waiting for their review afterwards. What the
// list offers is what the workflow would allow them (four-eyes included), decided by the same pure rules.

export async function listTodo(actor: Actor, db: DbClient = defaultDb, now = new Date()): Promise<TodoList> {
  const tree = await loadOrgTree(db);
  const orgIds = orgsVisibleTo(actor, tree);
  const reports = await db.report.findMany({
    where: {
      orgId: { in: orgIds },
      OR: [
        { status: { in: ["PENDING", "APPROVED", "RETURNED"] } },
        { editions: { some: { isUnreviewed: true, reviewedAfterById: null, withdrawnAt: null } } },
      ],
    },
    include: {
      org: { include: { deadlines: true } },
      editions: { where: { isUnreviewed: true, reviewedAfterById: null, withdrawnAt: null } },
      _count: { select: { editions: true } },
    },
    orderBy: { updatedAt: "asc" },
  });
  const history = await fourEyesHistories(
    reports.filter((r) => r.status === "PENDING" || r.status === "APPROVED").map((r) => r.id),
    db,
  );
  const list: TodoList = { decide: [], publish: [], returned: [], reviewAfter: [] };
  for (const r of reports) {
    const roles = effectiveRoles(actor, r.orgId, tree);
    const step = pendingStep({ ...r, chain: r.org.approvalChain });
    const deadline = deadlineEnd(
      deadlineIsoOf(r.org, r.year, r.org.deadlines.find((d) => d.year === r.year)?.deadline),
    );
    const item = (task: string): TodoItem => ({
      reportId: r.id,
      orgName: r.org.name,
      year: r.year,
      statusLabel: statusLabel(r.status, step),
      task,
      since: r.updatedAt,
      daysLeft: daysUntil(deadline, now),
      href: `/workspace/reports/${r.id}/review`,
    });
    const actions = availableActions({
      report: {
        ...r,
        chain: r.org.approvalChain,
        hasEditions: r._count.editions > 0,
        reviewActionsSinceSubmit: 0,
        ...history.get(r.id),
      },
      actorUserId: actor.userId,
      actorRoles: roles,
      input: { now, deadline },
    });
    if (r.status === "PENDING" && actions.includes("approve") && step)
      list.decide.push(item(CHAIN_STEP_LABELS[step]));
    if (r.status === "APPROVED" && !r.scheduledPublishAt && actions.includes("publish"))
      list.publish.push(item("发布"));
    if (r.status === "RETURNED" && [r.submittedById, r.lastEditedById].includes(actor.userId))
      list.returned.push(item("修改后重新提交"));
    const unreviewed = r.editions[0];
    if (
      unreviewed &&
      decideEditionReview({ edition: unreviewed, report: r, actorUserId: actor.userId, actorRoles: roles }).ok
    ) {
      list.reviewAfter.push(item(`补充审核第${unreviewed.number}版`));
    }
  }
  return list;
}

export const todoCount = (list: TodoList) =>
  list.decide.length + list.publish.length + list.returned.length + list.reviewAfter.length;
