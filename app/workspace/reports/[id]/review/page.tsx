import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewFindingsPanel } from "@/components/workflow/findings-panel";
import { ConfirmedCarried } from "@/components/workflow/confirmed-carried";
import { RemarksPanel } from "@/components/workflow/remarks-panel";
import { ReportDiffView } from "@/components/workflow/report-diff";
import { ReviewDocument, type CellMark } from "@/components/workflow/review-document";
import { REVIEW_VIEWS, ReviewTabs, type ReviewView } from "@/components/workflow/review-tabs";
import { UnreviewedNotice } from "@/components/workflow/unreviewed-notice";
import { WorkflowBar } from "@/components/workflow/workflow-bar";
import { cellId } from "@/lib/domain/format";
import { anchoredCellId, describeAnchor, listTextAnchors, parseAnchor } from "@/lib/domain/remark-anchor";
import { ActionError } from "@/lib/server/platform/action";
import { listRemarkThreads } from "@/lib/server/reports/remarks";
import type { RemarkThreadView, ReviewFinding } from "@/lib/domain/views/review";
import { getReviewScreen, type ComparisonKey } from "@/lib/server/workflow/review";
import { requireActor } from "@/lib/server/auth/session";
import {
  addRemarkAction,
  replyRemarkAction,
  resolveRemarkAction,
  reviewEditionAction,
  transitionAction,
} from "./actions";

export const metadata: Metadata = { title: "审核年报" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ view?: string; anchor?: string }> };

const COMPARISON_LABELS: Record<ComparisonKey, string> = {
  previous: "上次提交的版本",
  lastYear: "上年已发布的报告",
  published: "当前已发布的版本",
};

async function load(actor: Awaited<ReturnType<typeof requireActor>>, id: string) {
  try {
    return await Promise.all([getReviewScreen(actor, id), listRemarkThreads(actor, id)]);
  } catch (err) {
    if (err instanceof ActionError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}

function cellMarksOf(findings: ReviewFinding[], threads: RemarkThreadView[]): Record<string, CellMark[]> {
  const marks: Record<string, CellMark[]> = {};
  const add = (id: string, mark: CellMark) => (marks[id] = [...new Set([...(marks[id] ?? []), mark])]);
  for (const f of findings) for (const ref of f.cells ?? []) add(cellId(ref), f.severity);
  for (const t of threads) {
    const cell = t.resolvedAt === null ? anchoredCellId(t.anchor) : null;
    if (cell) add(cell, "remark");
  }
  return marks;
}

export default async function ReviewPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const actor = await requireActor(`/workspace/reports/${id}/review`);
  const [screen, threads] = await load(actor, id);
  const available: ReviewView[] = [
    "document",
    ...REVIEW_VIEWS.filter((v): v is ComparisonKey => v !== "document" && !!screen.comparisons[v]),
  ];
  const view = available.find((v) => v === query.view) ?? "document";
  const selected = query.anchor && parseAnchor(query.anchor) ? query.anchor : "report";
  const selectedAnchor = parseAnchor(selected)!;
  const places = listTextAnchors();
  if (selectedAnchor.kind === "cell")
    places.push({ anchor: selected, label: describeAnchor(selectedAnchor) });
  const openRemarks: Record<string, number> = {};
  for (const t of threads)
    if (t.resolvedAt === null) openRemarks[t.anchor] = (openRemarks[t.anchor] ?? 0) + 1;
  const { report } = screen;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/workspace">我的年报</Link> / <Link href="/workspace/todo">待办事项</Link>
      </p>
      <div className="page-head">
        <h1>
          {report.orgName} {report.year}年度报告 · 审核
        </h1>
        <Link href={`/workspace/reports/${report.id}`}>打开编辑页</Link>
      </div>
      {screen.unreviewed && (
        <UnreviewedNotice
          edition={screen.unreviewed}
          mayReview={screen.unreviewed.mayReview}
          review={reviewEditionAction}
        />
      )}
      <WorkflowBar {...screen.bar} transition={transitionAction} />
      <ReviewTabs reportId={report.id} current={view} available={available} />
      <div className="review-layout">
        <div className="panel review-layout__main">
          {view === "document" ? (
            <ReviewDocument
              report={report.content}
              fallbackTitle={`${report.orgName}${report.year}年政府信息公开工作年度报告`}
              cellMarks={cellMarksOf(screen.findings, threads)}
              openRemarks={openRemarks}
              remarkHref={
                screen.mayRemark ? (anchor) => `?anchor=${encodeURIComponent(anchor)}#remark-form` : undefined
              }
            />
          ) : (
            <ReportDiffView
              before={screen.comparisons[view]!}
              after={report.content}
              beforeLabel={COMPARISON_LABELS[view]}
              afterLabel="当前版本"
            />
          )}
        </div>
        <aside className="review-layout__side" aria-label="校验结果与审核意见">
          <ReviewFindingsPanel findings={screen.findings} />
          <ConfirmedCarried items={screen.confirmedCarried} />
          <RemarksPanel
            reportId={report.id}
            threads={threads}
            places={places}
            selectedAnchor={selected}
            mayRemark={screen.mayRemark}
            mayReply={screen.mayRemark || actor.memberships.some((m) => m.role === "EDITOR")}
            currentUserId={actor.userId}
            add={addRemarkAction}
            reply={replyRemarkAction}
            resolve={resolveRemarkAction}
          />
        </aside>
      </div>
    </>
  );
}
