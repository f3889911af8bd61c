"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextAreaField } from "@/components/forms/fields";
import type { FormAction } from "@/lib/domain/forms/form-state";
import { addRemarkSchema } from "@/lib/domain/forms/remark";
import type { RemarkThreadView } from "@/lib/domain/views/review";
import { RemarkThread } from "./remark-thread";

// The review's remarks: the form for a new remark (its place preselected from the document's links) and every
// thread, open ones first.

interface Props {
  reportId: string;
  threads: RemarkThreadView[];
  places: { anchor: string; label: string }[];
  selectedAnchor: string;
  mayRemark: boolean;
  mayReply: boolean;
  /** Authors may resolve their own remarks. */
  currentUserId: string;
  add: FormAction;
  reply: FormAction;
  resolve: FormAction;
}

export function RemarksPanel(props: Props) {
  const open = props.threads.filter((t) => t.resolvedAt === null);
  const resolved = props.threads.filter((t) => t.resolvedAt !== null);
  return (
    <section className="panel review-panel" aria-labelledby="remarks-title">
      <h2 id="remarks-title" className="panel__title">
        审核意见（{open.length} 条未解决）
      </h2>
      {props.mayRemark && (
        <div id="remark-form" className="remark-form">
          <ActionForm
            key={props.selectedAnchor}
            schema={addRemarkSchema}
            action={props.add}
            hidden={{ reportId: props.reportId }}
            defaultValues={{ anchor: props.selectedAnchor, body: "" }}
            submitLabel="添加意见"
            resetOnSuccess
            successMessage="意见已添加。"
            label="添加审核意见"
          >
            <SelectField
              name="anchor"
              label="意见针对"
              options={props.places.map((p) => ({ value: p.anchor, label: p.label }))}
            />
            <TextAreaField name="body" label="意见内容" required />
          </ActionForm>
        </div>
      )}
      {props.threads.length === 0 && <p className="muted">暂无审核意见。</p>}
      {[...open, ...resolved].map((thread, i, all) => (
        <div
          key={thread.id}
          id={all.findIndex((t) => t.anchor === thread.anchor) === i ? `remarks-${thread.anchor}` : undefined}
        >
          <RemarkThread
            thread={thread}
            mayReply={props.mayReply}
            mayResolve={props.mayRemark || thread.authorId === props.currentUserId}
            reply={props.reply}
            resolve={props.resolve}
          />
        </div>
      ))}
    </section>
  );
}
