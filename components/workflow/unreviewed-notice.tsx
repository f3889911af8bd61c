"use client";

import { ActionForm } from "@/components/forms/action-form";
import { formatDateTimeZh } from "@/lib/domain/dates";
import type { FormAction } from "@/lib/domain/forms/form-state";
import { reviewEditionSchema } from "@/lib/domain/forms/remark";
import type { UnreviewedEditionView } from "@/lib/domain/views/review";

// A force-published edition waiting for a second person's review, with the review button for those who may.

interface Props {
  edition: Omit<UnreviewedEditionView, "mayReview">;
  mayReview: boolean;
  review: FormAction;
}

export function UnreviewedNotice({ edition, mayReview, review }: Props) {
  return (
    <section className="panel unreviewed-notice" aria-labelledby="unreviewed-title">
      <h2 id="unreviewed-title" className="panel__title">
        第{edition.number}版为强制发布，未经第二人审核
      </h2>
      <p>
        发布时间：{formatDateTimeZh(new Date(edition.publishedAt))}。强制发布理由：
        {edition.unreviewedReason ?? "（未记录）"}
      </p>
      {mayReview ? (
        <ActionForm
          schema={reviewEditionSchema}
          action={review}
          hidden={{ editionId: edition.id }}
          submitLabel="已审核，撤除「未经第二人审核」标记"
          successMessage="已完成补充审核。"
          label="补充审核"
        />
      ) : (
        <p className="muted">
          须由本机构审核人、签发人或上级政务公开办中未参与填报和强制发布的人员补充审核。
        </p>
      )}
    </section>
  );
}
