import "server-only";
import { findCarriedSentences, findConfirmation } from "@/lib/domain/carried-over";
import { findExplanation, listEmptySections } from "@/lib/domain/explanations";
import { placeLabel } from "@/lib/domain/text-runs";
import type { Finding } from "@/lib/domain/findings";
import { decideEditionReview } from "@/lib/domain/workflow/edition-review";
import { effectiveRoles, type Role } from "@/lib/domain/orgs/permissions";
import { parseApprovalChain, pendingStep, statusLabel } from "@/lib/domain/workflow/report-status";
import { parseReport, type Report } from "@/lib/domain/report-schema";
import { checkGate } from "@/lib/domain/workflow/checks";
import type {
  ConfirmedCarriedSentence,
  ReviewFinding,
  UnreviewedEditionView,
  WorkflowBarState,
} from "@/lib/domain/views/review";
import { availableActions, decideTransition } from "@/lib/domain/workflow/workflow";
import { fail } from "../platform/action";
import type { Actor } from "../auth/actor";
import { assertCan, NOT_FOUND_MESSAGE, type DbClient } from "../auth/authorize";
import { db as defaultDb } from "../platform/db";
import { canRemark } from "../reports/remarks";
import {
  checkSubject,
  gateOf,
  getLastYearsContent,
  loadWorkflowSubject,
  workflowReportOf,
  type WorkflowSubject,
} from "./subject";

// What the review screen and the editor's workflow bar show: the report's state and chain, the actions the actor
// may take now, the findings with the author's explanations, and the versions to compare with.

async function loadForActor(actor: Actor, reportId: string, db: DbClient) {
  const subject = (await loadWorkflowSubject(reportId, db)) ?? fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  const tree = await assertCan(actor, "report.view", subject.orgId, db);
  return { subject, roles: effectiveRoles(actor, subject.orgId, tree) };
}

function barState(
  actor: Actor,
  subject: WorkflowSubject,
  roles: Role[],
  findings: Finding[],
  now: Date,
): WorkflowBarState {
  const chain = parseApprovalChain(subject.chain) ?? [];
  const step = pendingStep(subject);
  const actions = availableActions({
    report: workflowReportOf(subject),
    actorUserId: actor.userId,
    actorRoles: roles,
    input: { now, deadline: subject.deadline },
  });
  const fourEyes = (["approve", "publish"] as const)
    .map((action) =>
      decideTransition({
        report: workflowReportOf(subject),
        action,
        actorUserId: actor.userId,
        actorRoles: roles,
        input: { now, deadline: subject.deadline },
      }),
    )
    .find((d) => !d.ok && d.code === "FOUR_EYES");
  const gateFailure = actions.includes("submit") ? checkGate(gateOf(subject, findings), "submit") : null;
  const empty = gateFailure ? listEmptySections(subject.content).map((s) => `未填写：${s}`) : [];
  return {
    reportId: subject.id,
    version: subject.version,
    statusLabel: statusLabel(subject.status, step),
    chain,
    status: subject.status,
    reviewStep: subject.reviewStep,
    actions,
    step,
    hasEditions: subject.hasEditions,
    scheduledPublishAt: subject.scheduledPublishAt,
    submitBlockers: gateFailure ? [gateFailure.message, ...empty] : [],
    fourEyesNote: fourEyes && !fourEyes.ok ? fourEyes.message : null,
    deadline: subject.deadlineIso,
  };
}

/** For the editor page: everything <WorkflowBar> needs except the action. */
export async function getWorkflowBarState(
  actor: Actor,
  reportId: string,
  db: DbClient = defaultDb,
  now = new Date(),
) {
  const { subject, roles } = await loadForActor(actor, reportId, db);
  return barState(actor, subject, roles, await checkSubject(subject, db), now);
}

export async function getReviewScreen(
  actor: Actor,
  reportId: string,
  db: DbClient = defaultDb,
  now = new Date(),
) {
  const { subject, roles } = await loadForActor(actor, reportId, db);
  const findings = await checkSubject(subject, db);
  const reviewFindings: ReviewFinding[] = findings.map((f) => {
    const e =
      f.severity === "warning" ? findExplanation(f, subject.explanations, subject.content.tables) : undefined;
    return { ...f, explanation: e ? { text: e.text, at: e.at } : null };
  });
  const comparisons = await loadComparisons(db, subject);
  const confirmedCarried = await listConfirmedCarried(db, subject);
  const unreviewed = await unreviewedEdition(db, subject, actor, roles);
  return {
    report: {
      id: subject.id,
      orgName: subject.orgName,
      orgSlug: subject.orgSlug,
      year: subject.year,
      content: subject.content,
    },
    bar: barState(actor, subject, roles, findings, now),
    findings: reviewFindings,
    confirmedCarried,
    comparisons,
    unreviewed,
    mayRemark: await canRemark(actor, subject.orgId, db),
  };
}

export type ComparisonKey = "previous" | "lastYear" | "published";

/** The versions to compare the current content with, when they exist. */
async function loadComparisons(
  db: DbClient,
  subject: WorkflowSubject,
): Promise<Partial<Record<ComparisonKey, Report>>> {
  const submissions = await db.reportRevision.findMany({
    where: { reportId: subject.id, kind: "submission" },
    orderBy: { createdAt: "desc" },
    take: 2,
    select: { content: true },
  });
  // Under review the content is the latest submission, so "previous" is the one before; in a draft, the latest.
  const underReview = subject.status === "PENDING" || subject.status === "APPROVED";
  const previous = submissions[underReview ? 1 : 0];
  const published = subject.hasEditions
    ? await db.reportEdition.findFirst({
        where: { reportId: subject.id, withdrawnAt: null },
        orderBy: { number: "desc" },
        select: { content: true },
      })
    : null;
  const lastYear = await getLastYearsContent(subject, db);
  return {
    ...(previous && { previous: parseReport(previous.content) }),
    ...(lastYear && { lastYear }),
    ...(published && subject.status !== "PUBLISHED" && { published: parseReport(published.content) }),
  };
}

/** A force-published edition still waiting for its review afterwards, and whether this actor may give it. */
async function unreviewedEdition(
  db: DbClient,
  subject: WorkflowSubject,
  actor: Actor,
  roles: Role[],
): Promise<UnreviewedEditionView | null> {
  const edition = await db.reportEdition.findFirst({
    where: { reportId: subject.id, isUnreviewed: true, reviewedAfterById: null, withdrawnAt: null },
    select: {
      id: true,
      number: true,
      unreviewedReason: true,
      publishedAt: true,
      publishedById: true,
      isUnreviewed: true,
      reviewedAfterById: true,
      withdrawnAt: true,
    },
  });
  if (!edition) return null;
  const decision = decideEditionReview({
    edition,
    report: subject,
    actorUserId: actor.userId,
    actorRoles: roles,
  });
  return {
    id: edition.id,
    number: edition.number,
    unreviewedReason: edition.unreviewedReason,
    publishedAt: edition.publishedAt,
    mayReview: decision.ok,
  };
}

/** Sentences still last year's that the author confirmed as unchanged (「照搬上年」, TXT-CARRIED-OVER). */
async function listConfirmedCarried(
  db: DbClient,
  subject: WorkflowSubject,
): Promise<ConfirmedCarriedSentence[]> {
  const previous = await getLastYearsContent(subject, db);
  const confirmed = findCarriedSentences(subject.content, previous).flatMap((sentence) => {
    const e = findConfirmation(sentence, subject.explanations);
    return e ? [{ sentence, e }] : [];
  });
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(confirmed.map((c) => c.e.by))] } },
    select: { id: true, displayName: true },
  });
  const name = new Map(users.map((u) => [u.id, u.displayName]));
  return confirmed.map(({ sentence, e }) => ({
    place: placeLabel(sentence.place),
    paragraph: sentence.paragraph,
    text: sentence.text,
    confirmedBy: name.get(e.by) ?? "",
    confirmedAt: e.at,
  }));
}
