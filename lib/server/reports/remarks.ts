import "server-only";
import type { z } from "zod";
import { describeAnchor, parseAnchor } from "@/lib/domain/remark-anchor";
import { rolesPermit, effectiveRoles } from "@/lib/domain/orgs/permissions";
import { fail } from "../platform/action";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { assertCan, loadOrgTree, NOT_FOUND_MESSAGE, type DbClient } from "../auth/authorize";
import { db as defaultDb, type Db } from "../platform/db";
import type { addRemarkSchema, replyRemarkSchema, resolveRemarkSchema } from "@/lib/domain/forms/remark";
import type { RemarkThreadView, RemarkView } from "@/lib/domain/views/review";

// Reviewers' remarks on a report: anchored to the report, a section, a sub-item or a cell; threaded (one level of
// replies, so the author can answer); resolvable. Every write is audited on the report.

// The forms' schemas live in lib/domain/forms, where the forms validate with them too.
export { addRemarkSchema, replyRemarkSchema, resolveRemarkSchema } from "@/lib/domain/forms/remark";

interface WithIp {
  ip?: string;
}
const audit = (actor: Actor, ip: string | undefined) => ({
  actorId: actor.userId,
  actorName: actor.username,
  ip: ip ?? "",
});
const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

export async function addRemark(
  actor: Actor,
  input: z.output<typeof addRemarkSchema> & WithIp,
  db: Db = defaultDb,
) {
  const anchor =
    parseAnchor(input.anchor) ?? fail("INVALID_INPUT", "意见位置无效", { anchor: "请选择意见针对的位置" });
  return db.$transaction(async (tx) => {
    const report =
      (await tx.report.findUnique({ where: { id: input.reportId } })) ?? fail("NOT_FOUND", NOT_FOUND_MESSAGE);
    await assertCan(actor, "report.remark", report.orgId, tx);
    const remark = await tx.reportRemark.create({
      data: { reportId: report.id, anchor: input.anchor, body: input.body, authorId: actor.userId },
    });
    await recordAudit(tx, {
      ...audit(actor, input.ip),
      action: "report.remark",
      orgId: report.orgId,
      targetType: "report",
      targetId: report.id,
      summary: `就「${describeAnchor(anchor)}」提出意见：${excerpt(input.body)}`,
      data: { remarkId: remark.id, anchor: input.anchor },
    });
    return remark;
  });
}

/** The thread's first remark with its report, if the actor may see the report. */
async function loadThreadRoot(actor: Actor, remarkId: string, tx: DbClient) {
  const remark = await tx.reportRemark.findUnique({ where: { id: remarkId }, include: { report: true } });
  if (!remark) return fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  const tree = await assertCan(actor, "report.view", remark.report.orgId, tx);
  if (remark.parentId) fail("INVALID_INPUT", "只能回复或解决一组意见的第一条");
  return { remark, roles: effectiveRoles(actor, remark.report.orgId, tree) };
}

/** Reviewers reply, and so do the body's 填报员, who answer what they changed. */
export async function replyToRemark(
  actor: Actor,
  input: z.output<typeof replyRemarkSchema> & WithIp,
  db: Db = defaultDb,
) {
  return db.$transaction(async (tx) => {
    const { remark, roles } = await loadThreadRoot(actor, input.remarkId, tx);
    if (!rolesPermit(roles, "report.remark") && !rolesPermit(roles, "report.edit")) {
      fail("FORBIDDEN", "只有审核人员和本单位填报员可以回复意见");
    }
    const reply = await tx.reportRemark.create({
      data: {
        reportId: remark.reportId,
        anchor: remark.anchor,
        body: input.body,
        authorId: actor.userId,
        parentId: remark.id,
      },
    });
    await recordAudit(tx, {
      ...audit(actor, input.ip),
      action: "report.remarkReply",
      orgId: remark.report.orgId,
      targetType: "report",
      targetId: remark.reportId,
      summary: `回复意见：${excerpt(input.body)}`,
      data: { remarkId: reply.id, parentId: remark.id },
    });
    return reply;
  });
}

/** Marks a thread resolved, once: a second resolve of the same thread is a CONFLICT. */
export async function resolveRemark(
  actor: Actor,
  input: z.output<typeof resolveRemarkSchema> & WithIp,
  db: Db = defaultDb,
) {
  return db.$transaction(async (tx) => {
    const { remark, roles } = await loadThreadRoot(actor, input.remarkId, tx);
    if (!rolesPermit(roles, "report.remark") && remark.authorId !== actor.userId) {
      fail("FORBIDDEN", "只有审核人员或提出意见的人可以将意见标记为已解决");
    }
    const { count } = await tx.reportRemark.updateMany({
      where: { id: remark.id, resolvedAt: null },
      data: { resolvedAt: new Date(), resolvedById: actor.userId },
    });
    if (count === 0) fail("CONFLICT", "该意见已被标记为已解决。");
    await recordAudit(tx, {
      ...audit(actor, input.ip),
      action: "report.remarkResolve",
      orgId: remark.report.orgId,
      targetType: "report",
      targetId: remark.reportId,
      summary: `将意见标记为已解决：${excerpt(remark.body)}`,
      data: { remarkId: remark.id },
    });
  });
}

export async function listRemarkThreads(
  actor: Actor,
  reportId: string,
  db: DbClient = defaultDb,
): Promise<RemarkThreadView[]> {
  const report =
    (await db.report.findUnique({ where: { id: reportId }, select: { orgId: true } })) ??
    fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  await assertCan(actor, "report.view", report.orgId, db);
  const remarks = await db.reportRemark.findMany({
    where: { reportId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const userIds = [...new Set(remarks.flatMap((r) => [r.authorId, r.resolvedById ?? ""]))];
  const users = await db.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, displayName: true },
  });
  const nameOf = (id: string | null) =>
    id ? (users.find((u) => u.id === id)?.displayName ?? "（已删除的用户）") : null;
  const view = (r: (typeof remarks)[number]): RemarkView => ({
    id: r.id,
    authorId: r.authorId,
    body: r.body,
    authorName: nameOf(r.authorId)!,
    createdAt: r.createdAt,
  });
  return remarks
    .filter((r) => !r.parentId)
    .map((r) => {
      const anchor = parseAnchor(r.anchor);
      return {
        ...view(r),
        anchor: r.anchor,
        anchorLabel: anchor ? describeAnchor(anchor) : r.anchor,
        resolvedAt: r.resolvedAt,
        resolvedByName: nameOf(r.resolvedById),
        replies: remarks.filter((c) => c.parentId === r.id).map(view),
      };
    });
}

/** Used by pages to decide whether to show the remark form (the server still checks on write). */
export async function canRemark(actor: Actor, orgId: string, db: DbClient = defaultDb): Promise<boolean> {
  return rolesPermit(effectiveRoles(actor, orgId, await loadOrgTree(db)), "report.remark");
}
