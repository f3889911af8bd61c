import "server-only";
import { CSV_BOM, csvField } from "@/lib/domain/open-data/export-csv";
import { REPORT_AUDIT_LABELS } from "@/lib/domain/audit-labels";
import { z } from "zod";
import { formatDateTimeZh } from "@/lib/domain/dates";
import { isSelfOrDescendant, type OrgTree } from "@/lib/domain/orgs/tree";
import { can } from "@/lib/domain/orgs/permissions";
import type { AuditRow } from "@/lib/domain/views/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fail } from "../platform/action";
import type { Actor } from "../auth/actor";
import { loadOrgTree, NOT_FOUND_MESSAGE, orgIdsPermitting, type DbClient } from "../auth/authorize";
import { db as defaultDb } from "../platform/db";

// The audit log for administrators (audit.viewAll): events of the organisations in their subtree, and the
// organisation-less events (sign-ins, password changes) of the accounts that belong there. Only an administrator
// of the whole tree also sees events tied to no known account, such as failed sign-ins with unknown names.

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_BATCH = 1000;
const EXPORT_LIMIT = 100_000;

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.signIn": "登录",
  "auth.signIn.failed": "登录失败",
  "auth.signIn.locked": "登录被锁定拒绝",
  "auth.signOut": "退出登录",
  "auth.signOutAll": "退出全部设备",
  "auth.passwordChanged": "修改密码",
  "auth.passwordChange.failed": "修改密码：当前密码错误",
  "auth.passwordReset": "通过链接重置密码",
  "admin.bootstrap": "创建首个管理员",
  "user.create": "新建用户",
  "user.roleAssigned": "分配角色",
  "user.roleRemoved": "移除角色",
  "user.deactivate": "停用账号",
  "user.reactivate": "启用账号",
  "user.resetIssued": "签发密码重置链接",
  "org.create": "新建机构",
  "org.update": "修改机构",
  "org.move": "移动机构",
  "org.deadlineSet": "设置年度截止日期",
  "org.deadlineRemoved": "删除年度截止日期",
  "report.import": "导入年报",
};

const blank = (v: unknown) => (v === "" ? undefined : v);
const optionalText = (schema: z.ZodType<string>) => z.preprocess(blank, schema.optional()).catch(undefined);

/** Search parameters of the viewer and the CSV export; a malformed value is ignored rather than refused. */
export const auditFilterSchema = z.object({
  org: optionalText(z.string().max(40)),
  actor: optionalText(z.string().trim().max(60)),
  action: optionalText(z.string().max(60)),
  from: optionalText(z.iso.date()),
  to: optionalText(z.iso.date()),
  before: optionalText(z.string().regex(/^\d{1,19}$/)),
  after: optionalText(z.string().regex(/^\d{1,19}$/)),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

const startOfChinaDay = (iso: string) => new Date(`${iso}T00:00:00+08:00`);
const DAY_MS = 86_400_000;

/** The `where` of everything the actor may see under the filter; NOT_FOUND for a non-administrator. */
async function auditScope(
  actor: Actor,
  filter: AuditFilter,
  db: DbClient,
): Promise<Prisma.AuditEventWhereInput> {
  const tree = await loadOrgTree(db);
  const allowed = orgIdsPermitting(actor, "audit.viewAll", tree);
  if (allowed.length === 0 || (filter.org && !allowed.includes(filter.org)))
    fail("NOT_FOUND", NOT_FOUND_MESSAGE);
  const conditions: Prisma.AuditEventWhereInput[] = [];
  if (filter.org || !isWholeTreeAdmin(actor, tree)) {
    const orgIds = filter.org ? allowed.filter((id) => isSelfOrDescendant(tree, id, filter.org!)) : allowed;
    conditions.push(await orgCondition(orgIds, db));
  }
  if (filter.actor)
    conditions.push({ actorName: { contains: filter.actor.toLowerCase(), mode: "insensitive" } });
  if (filter.action) conditions.push({ action: filter.action });
  if (filter.from) conditions.push({ at: { gte: startOfChinaDay(filter.from) } });
  if (filter.to) conditions.push({ at: { lt: new Date(startOfChinaDay(filter.to).getTime() + DAY_MS) } });
  return { AND: conditions };
}

function isWholeTreeAdmin(actor: Actor, tree: OrgTree): boolean {
  const roots = tree.ids.filter((id) => tree.parentOf(id) === null);
  return roots.length > 0 && roots.every((id) => can(actor, "audit.viewAll", id, tree));
}

async function orgCondition(orgIds: string[], db: DbClient): Promise<Prisma.AuditEventWhereInput> {
  const members = await db.membership.findMany({
    where: { orgId: { in: orgIds } },
    select: { userId: true },
    distinct: ["userId"],
  });
  const userIds = members.map((m) => m.userId);
  return {
    OR: [
      { orgId: { in: orgIds } },
      { orgId: null, actorId: { in: userIds } },
      { orgId: null, targetType: "user", targetId: { in: userIds } },
    ],
  };
}

async function toRows(events: Prisma.AuditEventGetPayload<object>[], db: DbClient): Promise<AuditRow[]> {
  const ids = (pick: (e: (typeof events)[number]) => string | null) => [
    ...new Set(events.map(pick).filter((id): id is string => !!id)),
  ];
  const [orgs, users] = await Promise.all([
    db.organization.findMany({
      where: {
        id: { in: ids((e) => e.orgId).concat(ids((e) => (e.targetType === "org" ? e.targetId : null))) },
      },
      select: { id: true, shortName: true },
    }),
    db.user.findMany({
      where: { id: { in: ids((e) => (e.targetType === "user" ? e.targetId : null)) } },
      select: { id: true, username: true },
    }),
  ]);
  const orgNames = new Map(orgs.map((o) => [o.id, o.shortName]));
  const usernames = new Map(users.map((u) => [u.id, u.username]));
  const targetLabel = (e: (typeof events)[number]) =>
    (e.targetType === "user"
      ? usernames.get(e.targetId)
      : e.targetType === "org"
        ? orgNames.get(e.targetId)
        : "") ?? "";
  return events.map((e) => ({
    id: e.id.toString(),
    at: e.at,
    atLabel: formatDateTimeZh(e.at),
    actorName: e.actorName,
    action: e.action,
    actionLabel: AUDIT_ACTION_LABELS[e.action] ?? REPORT_AUDIT_LABELS[e.action] ?? e.action,
    orgName: e.orgId ? (orgNames.get(e.orgId) ?? "（已删除的机构）") : "",
    targetLabel: targetLabel(e),
    targetType: e.targetType,
    targetId: e.targetId,
    summary: e.summary,
    ip: e.ip,
  }));
}

/** One page, newest first, by keyset on the id: `before` pages to older events, `after` back to newer ones. */
export async function listAuditEvents(actor: Actor, filter: AuditFilter, db: DbClient = defaultDb) {
  const scope = await auditScope(actor, filter, db);
  const goingBack = !filter.before && !!filter.after;
  const cursor = filter.before
    ? { id: { lt: BigInt(filter.before) } }
    : goingBack
      ? { id: { gt: BigInt(filter.after!) } }
      : {};
  const found = await db.auditEvent.findMany({
    where: { AND: [scope, cursor] },
    orderBy: { id: goingBack ? "asc" : "desc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const hasMore = found.length > AUDIT_PAGE_SIZE;
  const page = found.slice(0, AUDIT_PAGE_SIZE);
  if (goingBack) page.reverse();
  const rows = await toRows(page, db);
  return {
    rows,
    newerCursor: (goingBack ? hasMore : !!filter.before) ? (rows[0]?.id ?? null) : null,
    olderCursor: (goingBack ? true : hasMore) ? (rows.at(-1)?.id ?? null) : null,
  };
}

/** Distinct actions in the log (names are not secret), labelled, for the filter's select. */
export async function listAuditActions(db: DbClient = defaultDb) {
  const found = await db.auditEvent.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  const actions = new Set([...Object.keys(AUDIT_ACTION_LABELS), ...found.map((f) => f.action)]);
  return [...actions].map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] ?? action }));
}

const CSV_HEADER = ["时间", "操作人", "操作", "机构", "对象", "对象类型", "对象编号", "摘要", "IP"];

/** A cell that a spreadsheet will not run as a formula, quoted as RFC 4180 wants (lib/domain/export-csv). */
export const csvCell = (value: string): string => csvField(value);

/**
 * The filtered log as CSV lines (UTF-8 with BOM so that spreadsheet software reads the Chinese), newest first.
 * The permission check runs before the first line is produced, so a refusal is an error, not an empty file.
 */
export async function auditCsvLines(actor: Actor, filter: AuditFilter, db: DbClient = defaultDb) {
  const scope = await auditScope(actor, filter, db);
  return (async function* () {
    yield `${CSV_BOM}${CSV_HEADER.join(",")}\r\n`;
    let before: bigint | undefined;
    for (let written = 0; written < EXPORT_LIMIT; written += EXPORT_BATCH) {
      const batch = await db.auditEvent.findMany({
        where: { AND: [scope, before === undefined ? {} : { id: { lt: before } }] },
        orderBy: { id: "desc" },
        take: EXPORT_BATCH,
      });
      for (const r of await toRows(batch, db)) {
        const cells = [
          r.atLabel,
          r.actorName,
          r.actionLabel,
          r.orgName,
          r.targetLabel,
          r.targetType,
          r.targetId,
          r.summary,
          r.ip,
        ];
        yield `${cells.map(csvCell).join(",")}\r\n`;
      }
      if (batch.length < EXPORT_BATCH) return;
      before = batch.at(-1)!.id;
    }
  })();
}
