import "server-only";
import type { Explanation } from "@/lib/domain/explanations";
import { can } from "@/lib/domain/orgs/permissions";
import { reportStatusLabel } from "@/lib/domain/workflow/report-status";
import type { Report } from "@/lib/domain/report-schema";
import type { BodyProfile } from "@/lib/domain/rules/check-report";
import { isContentEditable } from "@/lib/domain/workflow/workflow";
import { fail } from "../platform/action";
import type { Actor } from "../auth/actor";
import { assertCan, NOT_FOUND_MESSAGE, type DbClient } from "../auth/authorize";
import { db as defaultDb } from "../platform/db";
import { getLastYearsContent, loadWorkflowSubject } from "../workflow/subject";

// What the editor page needs: the draft and its version, whether this actor may edit it now (and why not),
// last year's published report for the cross-year rules and the 上年 figures, and the body's profile, so the
// editor's live checkReport gets exactly the context the server's submit gate uses.

export interface EditorData {
  report: {
    id: string;
    orgId: string;
    orgName: string;
    year: number;
    status: string;
    statusLabel: string;
    version: number;
    content: Report;
    explanations: Explanation[];
  };
  mayEdit: boolean;
  /** Why the content is read-only for this actor, when it is. */
  readOnlyReason: string | null;
  previous: Report | null;
  profile: BodyProfile;
  deadline: string;
  portalUrl: string;
}

function readOnlyReason(
  mayEditRole: boolean,
  status: Parameters<typeof isContentEditable>[0],
  label: string,
): string | null {
  if (!mayEditRole) return "您在本机构没有填报员角色，只能查看。";
  if (!isContentEditable(status))
    return `当前状态为「${label}」，报告内容不能修改；退回修改或开启更正后方可编辑。`;
  return null;
}

export async function getEditorData(
  actor: Actor,
  reportId: string,
  db: DbClient = defaultDb,
): Promise<EditorData> {
  const subject = (await loadWorkflowSubject(reportId, db)) ?? fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  const tree = await assertCan(actor, "report.view", subject.orgId, db);
  const label = reportStatusLabel(subject);
  const org = await db.organization.findUnique({ where: { id: subject.orgId }, select: { portalUrl: true } });
  const reason = readOnlyReason(can(actor, "report.edit", subject.orgId, tree), subject.status, label);
  return {
    report: {
      id: subject.id,
      orgId: subject.orgId,
      orgName: subject.orgName,
      year: subject.year,
      status: subject.status,
      statusLabel: label,
      version: subject.version,
      content: subject.content,
      explanations: subject.explanations,
    },
    mayEdit: reason === null,
    readOnlyReason: reason,
    previous: await getLastYearsContent(subject, db),
    profile: { hasRuleMakingPower: subject.hasRuleMakingPower, deadline: subject.deadlineIso },
    deadline: subject.deadlineIso,
    portalUrl: org?.portalUrl ?? "",
  };
}
