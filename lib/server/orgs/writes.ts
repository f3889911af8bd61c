import "server-only";
import type { z } from "zod";
import { defaultDeadlineMonthDay } from "@/lib/domain/calendar/deadline";
import { ORG_KIND_LABELS } from "@/lib/domain/orgs/tree";
import { decideOrgMove, effectiveRoles } from "@/lib/domain/orgs/permissions";
import { fail } from "../platform/action";
import { auditActor, recordAudit, type WithIp } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { assertCan, loadOrgTree, NOT_FOUND_MESSAGE, type DbClient } from "../auth/authorize";
import { db as defaultDb, type Db } from "../platform/db";
import { recordSiteChange } from "../site/outbox";
import {
  APPROVAL_STEPS,
  type createOrgSchema,
  type moveOrgSchema,
  type orgFieldsSchema,
  type updateOrgSchema,
} from "@/lib/domain/forms/org";

// Organisations for administrators: create, edit and move. Every function checks permission against the tree
// read in its own transaction; the per-year deadline overrides are in ./deadlines.ts, the reads in ./reads.ts.

type OrgFields = z.output<typeof orgFieldsSchema>;

const FIELD_LABELS: Record<keyof ReturnType<typeof orgData>, string> = {
  kind: "机构类型",
  name: "全称",
  shortName: "简称",
  slug: "网址标识",
  hasRuleMakingPower: "规章制定权",
  deadlineMonth: "截止月份",
  deadlineDay: "截止日",
  approvalChain: "审批流程",
  contactOffice: "联系机构",
  contactAddress: "地址",
  contactPhone: "电话",
  contactPostcode: "邮编",
  portalUrl: "门户网站",
};

function orgData(input: OrgFields) {
  const fallback = defaultDeadlineMonthDay(input.kind);
  const steps = new Set(input.approvalChain);
  return {
    kind: input.kind,
    name: input.name,
    shortName: input.shortName,
    slug: input.slug,
    hasRuleMakingPower: input.hasRuleMakingPower,
    deadlineMonth: input.deadlineMonth ?? fallback.month,
    deadlineDay: input.deadlineDay ?? fallback.day,
    approvalChain: APPROVAL_STEPS.filter((step) => step === "REVIEW" || steps.has(step)),
    contactOffice: input.contactOffice,
    contactAddress: input.contactAddress,
    contactPhone: input.contactPhone,
    contactPostcode: input.contactPostcode,
    portalUrl: input.portalUrl,
  };
}

async function assertSlugFree(tx: DbClient, slug: string, exceptOrgId?: string) {
  const taken = await tx.organization.findFirst({
    where: { slug, id: exceptOrgId ? { not: exceptOrgId } : undefined },
  });
  if (taken)
    fail("INVALID_INPUT", "填写内容有误，请检查标出的项目。", { slug: "该网址标识已被其他机构使用" });
}

export async function createOrg(
  actor: Actor,
  input: z.output<typeof createOrgSchema> & WithIp,
  db: Db = defaultDb,
) {
  return db.$transaction(async (tx) => {
    await assertCan(actor, "org.create", input.parentId, tx);
    await assertSlugFree(tx, input.slug);
    const org = await tx.organization.create({ data: { ...orgData(input), parentId: input.parentId } });
    await recordAudit(tx, {
      ...auditActor(actor, input),
      action: "org.create",
      orgId: org.id,
      targetType: "org",
      targetId: org.id,
      summary: `新建机构「${org.name}」（${ORG_KIND_LABELS[org.kind]}）`,
    });
    await recordSiteChange(tx, { orgId: org.id, reason: "orgUpdate" });
    return org;
  });
}

export async function updateOrg(
  actor: Actor,
  input: z.output<typeof updateOrgSchema> & WithIp,
  db: Db = defaultDb,
) {
  return db.$transaction(async (tx) => {
    await assertCan(actor, "org.edit", input.orgId, tx);
    await assertSlugFree(tx, input.slug, input.orgId);
    const before = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId } });
    const org = await tx.organization.update({ where: { id: input.orgId }, data: orgData(input) });
    const keys = Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[];
    const changed = keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(org[key]));
    await recordAudit(tx, {
      ...auditActor(actor, input),
      action: "org.update",
      orgId: org.id,
      targetType: "org",
      targetId: org.id,
      summary: `修改机构「${org.name}」${changed.length ? `：${changed.map((k) => FIELD_LABELS[k]).join("、")}` : "（无变化）"}`,
      data: { changed },
    });
    // Names and slugs are on public pages (the body page, breadcrumbs, every ancestor's lists).
    if (changed.length)
      await recordSiteChange(tx, {
        orgId: org.id,
        staleSlug: before.slug !== org.slug ? before.slug : null,
        reason: "orgUpdate",
      });
    return org;
  });
}

/** Moves an organisation (with its subtree) under a new parent; both must lie in the actor's subtree. */
export async function moveOrg(
  actor: Actor,
  input: z.output<typeof moveOrgSchema> & WithIp,
  db: Db = defaultDb,
) {
  return db.$transaction(async (tx) => {
    // Serialise tree changes: two concurrent moves must not build a cycle between them.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('nianbao.org-tree'))`;
    const tree = await loadOrgTree(tx);
    const reaches = (orgId: string) => effectiveRoles(actor, orgId, tree).length > 0;
    if (!reaches(input.orgId) || !reaches(input.newParentId)) fail("NOT_FOUND", NOT_FOUND_MESSAGE);
    const decision = decideOrgMove(actor, input.orgId, input.newParentId, tree);
    if (!decision.allowed) fail("FORBIDDEN", `不能移动：${decision.reason}。`);
    const from = tree.parentOf(input.orgId);
    const org = await tx.organization.update({
      where: { id: input.orgId },
      data: { parentId: input.newParentId },
    });
    const names = await orgNames(tx, [from, input.newParentId]);
    await recordAudit(tx, {
      ...auditActor(actor, input),
      action: "org.move",
      orgId: org.id,
      targetType: "org",
      targetId: org.id,
      summary: `将机构「${org.name}」从「${names.get(from ?? "") ?? "—"}」移到「${names.get(input.newParentId)}」之下`,
      data: { from, to: input.newParentId },
    });
    // The old parent's pages lose the body, the new parent's gain it.
    if (from) await recordSiteChange(tx, { orgId: from, reason: "orgMove" });
    await recordSiteChange(tx, { orgId: org.id, reason: "orgMove" });
    return org;
  });
}

async function orgNames(tx: DbClient, ids: (string | null)[]) {
  const present = ids.filter((id): id is string => id !== null);
  const orgs = await tx.organization.findMany({
    where: { id: { in: present } },
    select: { id: true, name: true },
  });
  return new Map(orgs.map((o) => [o.id, o.name]));
}
