"use client";

import { useState } from "react";
import type { FormAction } from "@/lib/domain/forms/form-state";
import { formatDateTimeZh } from "@/lib/domain/dates";
import { CHAIN_STEP_LABELS } from "@/lib/domain/workflow/report-status";
import type { WorkflowBarState } from "@/lib/domain/views/review";
import { actionLabel, type WorkflowAction } from "@/lib/domain/workflow/workflow";
import { WorkflowActionForm } from "./workflow-action-form";

// The workflow action bar: the report's status and approval chain, and a button for each action the actor may
// take now; an action opens its confirmation form. Embeddable in the editor page: pass the state from
// getWorkflowBarState (lib/server/workflow/review.ts) and transitionAction (app/workspace/reports/[id]/review/actions.ts).

export interface WorkflowBarProps extends WorkflowBarState {
  transition: FormAction;
}

function ChainProgress({
  chain,
  status,
  reviewStep,
}: Pick<WorkflowBarProps, "chain" | "status" | "reviewStep">) {
  const stateOf = (i: number) =>
    status === "PENDING"
      ? i < reviewStep
        ? "done"
        : i === reviewStep
          ? "current"
          : "todo"
      : ["APPROVED", "PUBLISHED"].includes(status)
        ? "done"
        : "todo";
  const words = { done: "已完成", current: "进行中", todo: "未开始" } as const;
  return (
    <ol className="chain-progress" aria-label="审批流程">
      {chain.map((step, i) => (
        <li
          key={step}
          className={`chain-progress__step is-${stateOf(i)}`}
          aria-current={stateOf(i) === "current" ? "step" : undefined}
        >
          {CHAIN_STEP_LABELS[step]}
          <span className="visually-hidden">（{words[stateOf(i)]}）</span>
        </li>
      ))}
    </ol>
  );
}

export function WorkflowBar(props: WorkflowBarProps) {
  const [open, setOpen] = useState<WorkflowAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const context = {
    reportId: props.reportId,
    version: props.version,
    step: props.step,
    hasEditions: props.hasEditions,
    submitBlockers: props.submitBlockers,
  };
  return (
    <section className="workflow-bar no-print" aria-labelledby="workflow-bar-title">
      <div className="workflow-bar__head">
        <h2 id="workflow-bar-title" className="workflow-bar__title">
          状态：{props.statusLabel}
        </h2>
        <ChainProgress chain={props.chain} status={props.status} reviewStep={props.reviewStep} />
        <span className="muted">公开期限：{props.deadline}</span>
      </div>
      {props.scheduledPublishAt && (
        <p className="notice">已设定于 {formatDateTimeZh(new Date(props.scheduledPublishAt))} 自动发布。</p>
      )}
      {done && (
        <p role="status" className="notice">
          已完成：{done}
        </p>
      )}
      {props.fourEyesNote && (
        <p className="workflow-bar__four-eyes" role="note">
          {props.fourEyesNote}
        </p>
      )}
      {props.actions.length === 0 ? (
        <p className="muted">当前没有需要您处理的审批操作。</p>
      ) : (
        <div className="workflow-bar__actions">
          {props.actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`button${open === action ? " is-active" : ""}`}
              aria-expanded={open === action}
              aria-controls={open === action ? `workflow-panel-${action}` : undefined}
              onClick={() => setOpen(open === action ? null : action)}
            >
              {actionLabel(action, props.step)}
            </button>
          ))}
        </div>
      )}
      {open && props.actions.includes(open) && (
        <WorkflowActionForm
          key={`${open}-${props.version}`}
          action={open}
          context={context}
          transition={props.transition}
          onDone={() => {
            setDone(actionLabel(open, props.step));
            setOpen(null);
          }}
        />
      )}
    </section>
  );
}
