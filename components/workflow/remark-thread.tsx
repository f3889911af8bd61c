"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField } from "@/components/forms/fields";
import { formatDateTimeZh } from "@/lib/domain/dates";
import type { FormAction } from "@/lib/domain/forms/form-state";
import { replyRemarkSchema, resolveRemarkSchema } from "@/lib/domain/forms/remark";
import type { RemarkThreadView, RemarkView } from "@/lib/domain/views/review";

// One thread of remarks: the remark with its place, the replies, a reply form and 「标记为已解决」.

interface Props {
  thread: RemarkThreadView;
  mayReply: boolean;
  mayResolve: boolean;
  reply: FormAction;
  resolve: FormAction;
}

function Byline({ remark }: { remark: RemarkView }) {
  return (
    <p className="remark__byline">
      {remark.authorName} · {formatDateTimeZh(new Date(remark.createdAt))}
    </p>
  );
}

export function RemarkThread({ thread, mayReply, mayResolve, reply, resolve }: Props) {
  const isOpen = thread.resolvedAt === null;
  return (
    <article
      className={`remark${isOpen ? "" : " remark--resolved"}`}
      id={`remark-${thread.id}`}
      aria-labelledby={`remark-${thread.id}-title`}
    >
      <h3 id={`remark-${thread.id}-title`} className="remark__place">
        {thread.anchorLabel}
        {!isOpen && <span className="tag"> 已解决</span>}
      </h3>
      <p className="remark__body">{thread.body}</p>
      <Byline remark={thread} />
      {thread.replies.length > 0 && (
        <ul className="remark__replies">
          {thread.replies.map((r) => (
            <li key={r.id}>
              <p className="remark__body">{r.body}</p>
              <Byline remark={r} />
            </li>
          ))}
        </ul>
      )}
      {!isOpen && thread.resolvedByName && (
        <p className="muted">
          {thread.resolvedByName} 于 {formatDateTimeZh(new Date(thread.resolvedAt!))} 标记为已解决
        </p>
      )}
      {isOpen && mayReply && (
        <details className="remark__reply">
          <summary>回复</summary>
          <ActionForm
            schema={replyRemarkSchema}
            action={reply}
            hidden={{ remarkId: thread.id }}
            defaultValues={{ body: "" }}
            submitLabel="发送回复"
            resetOnSuccess
            variant="plain"
            label={`回复：${thread.anchorLabel}`}
          >
            <TextAreaField name="body" label="回复内容" required />
          </ActionForm>
        </details>
      )}
      {isOpen && mayResolve && (
        <ActionForm
          schema={resolveRemarkSchema}
          action={resolve}
          hidden={{ remarkId: thread.id }}
          submitLabel="标记为已解决"
          variant="plain"
          inline
          label={`将意见标记为已解决：${thread.anchorLabel}`}
        />
      )}
    </article>
  );
}
