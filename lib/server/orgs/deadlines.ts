import "server-only";
import type { z } from "zod";
import { fail } from "../platform/action";
import { auditActor, recordAudit, type WithIp } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/authorize";
import { db as defaultDb, type Db } from "../platform/db";
import type { orgDeadlineSchema, removeOrgDeadlineSchema } from "@/lib/domain/forms/org";

// Per-year deadline overrides of an organisation (the default is the organisation's month and day).

export async function setOrgDeadline(
  actor: Actor,
  input: z.output<typeof orgDeadlineSchema> & WithIp,
  db: Db = defaultDb,
) {
  await db.$transaction(async (tx) => {
    await assertCan(actor, "org.edit", input.orgId, tx);
    const deadline = new Date(`${input.deadline}T00:00:00Z`);
    const key = { orgId_year: { orgId: input.orgId, year: input.year } };
    await tx.orgDeadline.upsert({
      where: key,
      create: { orgId: input.orgId, year: input.year, deadline },
      update: { deadline },
    });
    await recordAudit(tx, {
      ...auditActor(actor, input),
      action: "org.deadlineSet",
      orgId: input.orgId,
      targetType: "org",
      targetId: input.orgId,
      summary: `设置${input.year}年度报告的公开截止日期为 ${input.deadline}`,
    });
  });
}

export async function removeOrgDeadline(
  actor: Actor,
  input: z.output<typeof removeOrgDeadlineSchema> & WithIp,
  db: Db = defaultDb,
) {
  await db.$transaction(async (tx) => {
    await assertCan(actor, "org.edit", input.orgId, tx);
    const { count } = await tx.orgDeadline.deleteMany({ where: { orgId: input.orgId, year: input.year } });
    if (count === 0) fail("NOT_FOUND", "该年度没有单独设置的截止日期。");
    await recordAudit(tx, {
      ...auditActor(actor, input),
      action: "org.deadlineRemoved",
      orgId: input.orgId,
      targetType: "org",
      targetId: input.orgId,
      summary: `删除${input.year}年度报告单独设置的截止日期，恢复默认`,
    });
  });
}
