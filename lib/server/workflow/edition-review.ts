import "server-only";
import type { z } from "zod";
import type { reviewEditionSchema } from "@/lib/domain/forms/remark";
import { decideEditionReview } from "@/lib/domain/workflow/edition-review";
import { effectiveRoles } from "@/lib/domain/orgs/permissions";
import { fail } from "../platform/action";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { assertCan, NOT_FOUND_MESSAGE } from "../auth/authorize";
import { db as defaultDb, type Db } from "../platform/db";
import { revalidatePublicPages } from "../public/cache";
import { recordSiteChange } from "../site/outbox";

// The review after a force-publication: clears 「未经第二人审核」 from the edition (the content stays as published).

export { reviewEditionSchema } from "@/lib/domain/forms/remark";

export async function reviewUnreviewedEdition(
  actor: Actor,
  input: z.output<typeof reviewEditionSchema> & { ip?: string; now?: Date },
  db: Db = defaultDb,
) {
  const now = input.now ?? new Date();
  const edition = await db.$transaction(async (tx) => {
    const edition = await tx.reportEdition.findUnique({
      where: { id: input.editionId },
      include: { report: { include: { org: true } } },
    });
    if (!edition) return fail("NOT_FOUND", NOT_FOUND_MESSAGE);
    const tree = await assertCan(actor, "report.view", edition.report.orgId, tx);
    const decision = decideEditionReview({
      edition,
      report: edition.report,
      actorUserId: actor.userId,
      actorRoles: effectiveRoles(actor, edition.report.orgId, tree),
    });
    if (!decision.ok) fail(decision.code === "FORBIDDEN" ? "FORBIDDEN" : "CONFLICT", decision.message);
    const { count } = await tx.reportEdition.updateMany({
      where: { id: edition.id, isUnreviewed: true, reviewedAfterById: null },
      data: { reviewedAfterById: actor.userId, reviewedAfterAt: now },
    });
    if (count === 0) fail("CONFLICT", "该版本刚刚已由他人补充审核。");
    await recordAudit(tx, {
      actorId: actor.userId,
      actorName: actor.username,
      ip: input.ip ?? "",
      action: "report.reviewAfter",
      orgId: edition.report.orgId,
      targetType: "report",
      targetId: edition.reportId,
      summary: `补充审核强制发布的第${edition.number}版，撤除「未经第二人审核」标记`,
      data: { editionId: edition.id, number: edition.number },
    });
    await recordSiteChange(tx, {
      orgId: edition.report.orgId,
      year: edition.report.year,
      reason: "reviewAfter",
    });
    return edition;
  });
  revalidatePublicPages(edition.report.org.slug, edition.report.year);
}
