import "server-only";
import type { z } from "zod";
import { defaultDeadline } from "@/lib/domain/deadline";
import { isSelfOrDescendant, ORG_KIND_LABELS, ORG_KINDS, type OrgKind } from "@/lib/domain/org-tree";
import { decideOrgMove, effectiveRoles, type Action } from "@/lib/domain/permissions";
import { fail } from "../platform/action";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../auth/auth";
import {
  assertCan,
  assertCanInTree,
  loadOrgTree,
  NOT_FOUND_MESSAGE,
  orgIdsPermitting,
  type DbClient,
} from "../auth/authorize";
import { db as defaultDb, type Db } from "../platform/db";
import { recordSiteChange } from "../site/outbox";
import {
  APPROVAL_STEPS,
  type createOrgSchema,
  type moveOrgSchema,
  type orgDeadlineSchema,
  type orgFieldsSchema,
  type removeOrgDeadlineSchema,
  type updateOrgSchema,
} from "@/lib/domain/forms/org";

// Organisations for administrators: the tree of the actor's administrable subtree, create, edit, move, and the
// per-year deadline overrides. Every function checks permission against the tree read in its own transaction.

// The forms' schemas live in lib/domain/forms, where the forms validate with them too.
export {
  APPROVAL_STEPS,
  createOrgSchema,
  moveOrgSchema,
  orgDeadlineSchema,
  removeOrgDeadlineSchema,
  updateOrgSchema,
} from "@/lib/domain/forms/org";

type OrgFields = z.output<typeof orgFieldsSchema>;
interface WithIp {
  ip?: string;
}

/** Month and day of the default deadline for a kind: 3月31日 for a government's own report, else 1月31日. */
export function defaultDeadlineOf(kind: OrgKind): { month: number; day: number } {
  const [, month, day] = defaultDeadline(kind, 2000).split("-").map(Number);
  return { month: month!, day: day! };
}

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
  const fallback = defaultDeadlineOf(input.kind);
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

export const auditActor = (actor: Actor, input: WithIp) => ({
  actorId: actor.userId,
  actorName: actor.username,
  ip: input.ip ?? "",
});

async function orgNames(tx: DbClient, ids: (string | null)[]) {
  const present = ids.filter((id): id is string => id !== null);
  const orgs = await tx.organization.findMany({
    where: { id: { in: present } },
    select: { id: true, name: true },
  });
  return new Map(orgs.map((o) => [o.id, o.name]));
}

// ---- reads ---------------------------------------------------------------------------------------------

export interface OrgOption {
  id: string;
  label: string;
  depth: number;
}

/** Organisations on which the actor may do `action`, in tree order, for selects (label indented by depth). */
export async function listOrgOptions(
  actor: Actor,
  action: Action,
  db: DbClient = defaultDb,
): Promise<OrgOption[]> {
  const tree = await loadOrgTree(db);
  const ids = orgIdsPermitting(actor, action, tree);
  const orgs = await db.organization.findMany({
    where: { id: { in: ids } },
    select: { id: true, parentId: true, kind: true, shortName: true, name: true },
  });
  return inTreeOrder(orgs).map(({ org, depth }) => ({
    id: org.id,
    label: `${"　".repeat(depth)}${org.name}`,
    depth,
  }));
}

/** The actor's administrable organisations as a forest (roots are the tops of their subtrees). */
export async function listOrgTree(actor: Actor, db: DbClient = defaultDb) {
  const tree = await loadOrgTree(db);
  const ids = orgIdsPermitting(actor, "org.edit", tree);
  const [orgs, members] = await Promise.all([
    db.organization.findMany({
      where: { id: { in: ids } },
      select: { id: true, parentId: true, kind: true, name: true, shortName: true, slug: true },
    }),
    db.membership.findMany({
      where: { orgId: { in: ids } },
      select: { orgId: true, userId: true },
      distinct: ["orgId", "userId"],
    }),
  ]);
  const userCount = new Map<string, number>();
  for (const m of members) userCount.set(m.orgId, (userCount.get(m.orgId) ?? 0) + 1);
  return inTreeOrder(orgs).map(({ org, depth }) => ({
    ...org,
    depth,
    userCount: userCount.get(org.id) ?? 0,
  }));
}

/** One organisation for its edit screen, with what the actor may do to it. */
export async function getOrgForAdmin(actor: Actor, orgId: string, db: DbClient = defaultDb) {
  const tree = await loadOrgTree(db);
  assertCanInTree(actor, "org.edit", orgId, tree);
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    include: { parent: { select: { id: true, name: true } }, deadlines: { orderBy: { year: "desc" } } },
  });
  const moveTargets = (await listOrgOptions(actor, "org.create", db)).filter(
    (o) => !isSelfOrDescendant(tree, o.id, orgId),
  );
  const canMove = moveTargets.some((t) => decideOrgMove(actor, orgId, t.id, tree).allowed);
  return { org, canMove, moveTargets: canMove ? moveTargets : [] };
}

const KIND_ORDER = new Map(ORG_KINDS.map((kind, i) => [kind, i]));

/** Depth-first, children by kind (市, 区县, 街道 …) then name; an org whose parent is absent is a root. */
export function inTreeOrder<T extends { id: string; parentId: string | null; kind: OrgKind; name: string }>(
  orgs: T[],
) {
  const present = new Set(orgs.map((o) => o.id));
  const children = new Map<string | null, T[]>();
  for (const org of orgs) {
    const key = org.parentId && present.has(org.parentId) ? org.parentId : null;
    children.set(key, [...(children.get(key) ?? []), org]);
  }
  const byKindThenName = (a: T, b: T) =>
    KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || a.name.localeCompare(b.name, "zh-CN");
  const out: { org: T; depth: number }[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const org of (children.get(parentId) ?? []).sort(byKindThenName)) {
      out.push({ org, depth });
      visit(org.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
