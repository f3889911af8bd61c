// Reviewing a force-published edition afterwards: the edition carries 「未经第二人审核」 until a reviewer, signer
// or supervisor of the body who neither wrote the report nor force-published it has reviewed it.
import { rolesPermit, type Role } from "../orgs/permissions";

export interface EditionReviewRequest {
  edition: {
    isUnreviewed: boolean;
    reviewedAfterById: string | null;
    publishedById: string | null;
    withdrawnAt: Date | null;
  };
  report: { submittedById: string | null; lastEditedById: string | null };
  actorUserId: string;
  actorRoles: readonly Role[];
}

export type EditionReviewDecision =
  { ok: true } | { ok: false; code: "INVALID_STATE" | "FORBIDDEN"; message: string };

const refuse = (code: "INVALID_STATE" | "FORBIDDEN", message: string): EditionReviewDecision => ({
  ok: false,
  code,
  message,
});

export function decideEditionReview({
  edition,
  report,
  actorUserId,
  actorRoles,
}: EditionReviewRequest): EditionReviewDecision {
  if (!edition.isUnreviewed) return refuse("INVALID_STATE", "该版本已经过审核，无需补充审核");
  if (edition.reviewedAfterById) return refuse("INVALID_STATE", "该版本已由他人补充审核");
  if (edition.withdrawnAt) return refuse("INVALID_STATE", "该版本已撤销发布");
  const mayReview = (["report.review", "report.sign", "report.superviseReview"] as const).some((a) =>
    rolesPermit(actorRoles, a),
  );
  if (!mayReview) return refuse("FORBIDDEN", "补充审核需要本机构的审核人、签发人角色或上级政务公开办角色");
  if (actorUserId === edition.publishedById)
    return refuse("FORBIDDEN", "强制发布的人不能自己补充审核（四眼原则）");
  if ([report.submittedById, report.lastEditedById].includes(actorUserId)) {
    return refuse("FORBIDDEN", "提交或最后修改该年报的人不能补充审核（四眼原则）");
  }
  return { ok: true };
}
