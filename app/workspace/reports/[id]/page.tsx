import type { Metadata } from "next";
import Link from "next/link";
import { ReportEditor } from "@/components/editor/report-editor";
import { WorkflowBar } from "@/components/workflow/workflow-bar";
import { orNotFound } from "@/lib/server/auth/authorize";
import { getEditorData } from "@/lib/server/reports/editor";
import { getWorkflowBarState } from "@/lib/server/workflow/review";
import { requireActor } from "@/lib/server/auth/session";
import { transitionAction } from "./review/actions";
import { latestDraftAction, leaveReportAction, presenceAction, saveDraftAction } from "./actions";

export const metadata: Metadata = { title: "编辑年度报告" };

type Params = Promise<{ id: string }>;

const ACTIONS = {
  save: saveDraftAction,
  latest: latestDraftAction,
  presence: presenceAction,
  leave: leaveReportAction,
};

export default async function EditorPage({ params }: { params: Params }) {
  const { id } = await params;
  const actor = await requireActor(`/workspace/reports/${id}`);
  const data = await orNotFound(getEditorData(actor, id));
  const bar = await getWorkflowBarState(actor, id);
  const { report } = data;
  return (
    <div className="editor-page">
      <p className="breadcrumb">
        <Link href="/workspace">我的年报</Link> › {report.orgName}
      </p>
      <div className="page-head">
        <h1>
          {report.orgName}
          {report.year}年度报告
        </h1>
        <Link href={`/workspace/reports/${id}/review`}>审核与历史</Link>
      </div>
      {/* The workflow engineer's bar: status, approval chain, submit/withdraw and the other transitions. */}
      <WorkflowBar {...bar} transition={transitionAction} />
      <ReportEditor
        key={`${id}:${data.mayEdit}`}
        reportId={id}
        userId={actor.userId}
        year={report.year}
        orgName={report.orgName}
        version={report.version}
        initial={{ content: report.content, explanations: report.explanations }}
        previous={data.previous}
        profile={data.profile}
        portalUrl={data.portalUrl}
        readOnlyReason={data.readOnlyReason}
        previewHref={`/workspace/reports/${id}/preview`}
        actions={ACTIONS}
      />
    </div>
  );
}
