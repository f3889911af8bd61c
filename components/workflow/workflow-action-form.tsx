"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField, TextField } from "@/components/forms/fields";
import type { FormAction } from "@/lib/domain/forms/form-state";
import type { ChainStep } from "@/lib/domain/workflow/report-status";
import { actionLabel, type WorkflowAction } from "@/lib/domain/workflow/workflow";
import { transitionFormSchema } from "@/lib/domain/workflow/input";

// The confirmation form of one workflow action: what it will do, the texts it needs, and the button.

export interface ActionContext {
  reportId: string;
  version: number;
  step?: ChainStep;
  hasEditions: boolean;
  submitBlockers: string[];
}

const EXPLAIN: Record<WorkflowAction, string> = {
  submit: "提交后内容将锁定，按审批流程逐级审核；审核开始前可以撤回。",
  withdraw: "撤回后年报回到草稿状态，可以继续修改。",
  approve: "确认本步骤审核通过，年报将转入下一步骤；意见可不填。",
  return: "退回后年报回到填报人处修改，请写明修改意见。",
  publish: "发布后公众即可在年报专栏看到本版本；已发布的版本不可修改，只能更正。",
  schedule: "到达设定时间后由系统自动发布，发布人记为您。",
  cancelSchedule: "取消后年报保持已批准状态，不会自动发布。",
  forcePublish: "强制发布的版本将标注「未经第二人审核」，直至另一位审核人员补充审核。",
  reopen: "开启更正后可以修改内容；在更正发布之前，公众仍看到当前版本。",
  withdrawPublication: "撤销后公众在原网址看到撤销说明，不再看到报告内容。",
};

/**
 * Decisions on what the actor saw carry the version shown, so a report changed meanwhile is a CONFLICT; the
 * author's own moves do not, since the editor's autosave moves the version while this bar stays on screen.
 */
const AUTHOR_MOVES: readonly WorkflowAction[] = ["submit", "withdraw", "reopen"];

const DANGER: readonly WorkflowAction[] = ["return", "forcePublish", "withdrawPublication", "withdraw"];

function ActionFields({ action, hasEditions }: { action: WorkflowAction; hasEditions: boolean }) {
  const needsNote = hasEditions && (action === "publish" || action === "schedule");
  return (
    <>
      {action === "approve" && <TextAreaField name="remark" label="审核意见" hint="选填，将记入审核意见。" />}
      {action === "return" && (
        <TextAreaField
          name="remark"
          label="修改意见"
          required
          hint="具体到单元格的意见可在“审核意见”中逐条标注。"
        />
      )}
      {action === "schedule" && (
        <TextField
          name="publishAt"
          label="发布时间（北京时间）"
          type="datetime-local"
          required
          size="medium"
        />
      )}
      {needsNote && (
        <TextAreaField
          name="changeNote"
          label="更正说明"
          required
          hint="将在公开页面显示，说明更正了什么、为什么更正。"
        />
      )}
      {action === "forcePublish" && <TextAreaField name="reason" label="强制发布理由" required />}
      {action === "withdrawPublication" && (
        <TextAreaField name="reason" label="向公众的说明" required hint="将显示在原网址，说明撤销的原因。" />
      )}
    </>
  );
}

export function WorkflowActionForm(props: {
  action: WorkflowAction;
  context: ActionContext;
  transition: FormAction;
  onDone(): void;
}) {
  const { action, context } = props;
  const label = actionLabel(action, context.step);
  return (
    <div className="workflow-bar__panel" id={`workflow-panel-${action}`}>
      <p>{EXPLAIN[action]}</p>
      {action === "submit" && context.submitBlockers.length > 0 && (
        <ul className="workflow-bar__blockers">
          {context.submitBlockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      <ActionForm
        schema={transitionFormSchema(action, context.hasEditions)}
        action={props.transition}
        hidden={{
          action,
          reportId: context.reportId,
          ...(AUTHOR_MOVES.includes(action) ? {} : { expectedVersion: context.version }),
        }}
        defaultValues={{ remark: "", changeNote: "", reason: "", publishAt: "" }}
        submitLabel={`确认${label}`}
        pendingLabel="正在处理…"
        variant={DANGER.includes(action) ? "danger" : "primary"}
        label={label}
        onSuccess={props.onDone}
      >
        <ActionFields action={action} hasEditions={context.hasEditions} />
      </ActionForm>
    </div>
  );
}
