import "server-only";
import type { z } from "zod";
import { ROLE_LABELS } from "@/lib/domain/orgs/permissions";
import { fail } from "../platform/action";
import { auditActor, recordAudit, type WithIp } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { assertCanInTree, loadOrgTree, NOT_FOUND_MESSAGE, orgIdsPermitting } from "../auth/authorize";
import { db as defaultDb, type Db } from "../platform/db";
import { visibleUsersWhere } from "./visibility";
import type { assignRoleSchema, membershipSchema } from "@/lib/domain/forms/user";

// Roles of an account: assign one in an organisation the actor administers, remove one (never the last).

export async function assignRole(
  actor: Actor,
  input: z.output<typeof assignRoleSchema> & WithIp,
  db: Db = defaultDb,
) {
  return db.$transaction(async (tx) => {
    const tree = await loadOrgTree(tx);
    const user = await tx.user.findFirst({
      where: { AND: [{ id: input.userId }, visibleUsersWhere(actor, tree)] },
    });
    if (!user) return fail("NOT_FOUND", NOT_FOUND_MESSAGE);
    assertCanInTree(actor, "user.assignRole", input.orgId, tree);
    const existing = await tx.membership.findFirst({
      where: { userId: user.id, orgId: input.orgId, role: input.role },
    });
    if (existing) fail("CONFLICT", "该用户在这个机构已有此角色。");
    const membership = await tx.membership.create({
      data: { userId: user.id, orgId: input.orgId, role: input.role },
    });
    await recordAudit(tx, {
      ...auditActor(actor, input),
      action: "user.roleAssigned",
      orgId: input.orgId,
      targetType: "user",
      targetId: user.id,
      summary: `为 ${user.username} 分配角色：${ROLE_LABELS[input.role]}`,
    });
    return membership;
  });
}

export async function removeRole(
  actor: Actor,
  input: z.output<typeof membershipSchema> & WithIp,
  db: Db = defaultDb,
) {
  await db.$transaction(async (tx) => {
    const tree = await loadOrgTree(tx);
    const visible = orgIdsPermitting(actor, "user.view", tree);
    const membership = await tx.membership.findFirst({
      where: { id: input.membershipId, orgId: { in: visible } },
      include: { user: true },
    });
    if (!membership) return fail("NOT_FOUND", NOT_FOUND_MESSAGE);
    assertCanInTree(actor, "user.assignRole", membership.orgId, tree);
    if (membership.userId === actor.userId && membership.role === "ADMIN") {
      fail("FORBIDDEN", "不能移除自己的管理员角色，请由其他管理员操作。");
    }
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${membership.userId} FOR UPDATE`;
    if ((await tx.membership.count({ where: { userId: membership.userId } })) <= 1) {
      fail("CONFLICT", "这是该用户唯一的角色。如该账号不再使用，请停用账号；如需调岗，请先分配新角色。");
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, {
      ...auditActor(actor, input),
      action: "user.roleRemoved",
      orgId: membership.orgId,
      targetType: "user",
      targetId: membership.userId,
      summary: `移除 ${membership.user.username} 的角色：${ROLE_LABELS[membership.role]}`,
    });
  });
}
