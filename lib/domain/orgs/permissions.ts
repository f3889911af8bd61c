// Who may do what, where. One source for pages, server functions and the report workflow.
//
// A role held on an organisation is "effective" there. Body roles (填报员, 审核人, 签发人) are effective only on
// their own organisation; the supervisory roles (政务公开办, 管理员) are effective on their own organisation and
// on every descendant. An action is allowed when one of the actor's effective roles on the target is listed for it.
import { isSelfOrDescendant, type OrgTree } from "./tree";

export const ROLES = ["EDITOR", "REVIEWER", "SIGNER", "SUPERVISOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  EDITOR: "填报员",
  REVIEWER: "审核人",
  SIGNER: "签发人",
  SUPERVISOR: "政务公开办",
  ADMIN: "管理员",
};

const SUBTREE_ROLES: readonly Role[] = ["SUPERVISOR", "ADMIN"];

export interface Membership {
  orgId: string;
  role: Role;
}

export interface Actor {
  userId: string;
  isActive: boolean;
  memberships: readonly Membership[];
}

export const ACTIONS = [
  "report.view",
  "report.create",
  "report.edit",
  "report.submit",
  "report.withdraw",
  "report.review",
  "report.sign",
  "report.superviseReview",
  "report.publish",
  "report.forcePublish",
  "report.reopen",
  "report.withdrawPublication",
  "report.remark",
  "report.viewAudit",
  "org.view",
  "org.create",
  "org.edit",
  "org.move",
  "user.view",
  "user.create",
  "user.assignRole",
  "user.deactivate",
  "user.issueReset",
  "audit.viewAll",
  "board.view",
] as const;
export type Action = (typeof ACTIONS)[number];

const EVERY_ROLE = ROLES;
const ADMIN_ONLY: readonly Role[] = ["ADMIN"];

/**
 * The target is the report's organisation for report.*, the organisation itself for org.* (the new child's
 * parent for org.create; for org.move see `decide`), the organisation the account belongs to for user.*, and
 * the root of the audited subtree or board for audit.viewAll and board.view.
 */
export const ACTION_ROLES: Record<Action, readonly Role[]> = {
  "report.view": EVERY_ROLE,
  "report.create": ["EDITOR"],
  "report.edit": ["EDITOR"],
  "report.submit": ["EDITOR"],
  "report.withdraw": ["EDITOR"],
  "report.review": ["REVIEWER"],
  "report.sign": ["SIGNER"],
  "report.superviseReview": ["SUPERVISOR"],
  "report.publish": ["REVIEWER", "SIGNER", "SUPERVISOR"],
  "report.forcePublish": ["SUPERVISOR", "ADMIN"],
  "report.reopen": ["EDITOR", "SUPERVISOR"],
  "report.withdrawPublication": ["SIGNER", "SUPERVISOR"],
  "report.remark": ["REVIEWER", "SIGNER", "SUPERVISOR"],
  "report.viewAudit": EVERY_ROLE,
  "org.view": EVERY_ROLE,
  "org.create": ADMIN_ONLY,
  "org.edit": ADMIN_ONLY,
  "org.move": ADMIN_ONLY,
  "user.view": ADMIN_ONLY,
  "user.create": ADMIN_ONLY,
  "user.assignRole": ADMIN_ONLY,
  "user.deactivate": ADMIN_ONLY,
  "user.issueReset": ADMIN_ONLY,
  "audit.viewAll": ADMIN_ONLY,
  "board.view": ["SUPERVISOR", "ADMIN"],
};

/** The actor's roles that count on `orgId`, deduplicated, in ROLES order. [] for an inactive actor. */
export function effectiveRoles(actor: Actor, orgId: string, tree: OrgTree): Role[] {
  if (!actor.isActive || !tree.has(orgId)) return [];
  const reaches = (m: Membership) =>
    m.orgId === orgId || (SUBTREE_ROLES.includes(m.role) && isSelfOrDescendant(tree, orgId, m.orgId));
  const held = new Set(actor.memberships.filter(reaches).map((m) => m.role));
  return ROLES.filter((role) => held.has(role));
}

export function rolesPermit(roles: readonly Role[], action: Action): boolean {
  return roles.some((role) => ACTION_ROLES[action].includes(role));
}

export interface Decision {
  allowed: boolean;
  /** Chinese, shown to the user. */
  reason: string;
}

const ALLOWED: Decision = { allowed: true, reason: "允许" };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** Moving an organisation changes its parent's children, so it is decided on the current parent. */
export function decide(actor: Actor, action: Action, targetOrgId: string, tree: OrgTree): Decision {
  if (!actor.isActive) return deny("账号已停用");
  if (!tree.has(targetOrgId)) return deny("机构不存在");
  if (action === "org.move") return decideOnParent(actor, targetOrgId, tree);
  const roles = effectiveRoles(actor, targetOrgId, tree);
  if (roles.length === 0) return deny("您在该机构及其上级机构均无角色");
  return rolesPermit(roles, action) ? ALLOWED : deny(`该操作需要${describeRoles(action)}`);
}

export function can(actor: Actor, action: Action, targetOrgId: string, tree: OrgTree): boolean {
  return decide(actor, action, targetOrgId, tree).allowed;
}

function decideOnParent(actor: Actor, orgId: string, tree: OrgTree): Decision {
  const parentId = tree.parentOf(orgId);
  if (parentId === null) return deny("根机构不能移动");
  return rolesPermit(effectiveRoles(actor, parentId, tree), "org.move")
    ? ALLOWED
    : deny("移动机构需要其上级机构或更上级机构的管理员角色");
}

/** e.g. "本机构的审核人、签发人角色，或本级及上级机构的政务公开办角色". */
function describeRoles(action: Action): string {
  const labels = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join("、");
  const own = ACTION_ROLES[action].filter((r) => !SUBTREE_ROLES.includes(r));
  const subtree = ACTION_ROLES[action].filter((r) => SUBTREE_ROLES.includes(r));
  const parts = [
    own.length > 0 ? `本机构的${labels(own)}角色` : "",
    subtree.length > 0 ? `本级及上级机构的${labels(subtree)}角色` : "",
  ];
  return parts.filter(Boolean).join("，或");
}

/** Every organisation on which the actor holds an effective role, in tree order. */
export function orgsVisibleTo(actor: Actor, tree: OrgTree): string[] {
  return tree.ids.filter((orgId) => effectiveRoles(actor, orgId, tree).length > 0);
}

/** Moving needs 管理员 over the current parent and the new parent, and must not put an org under itself. */
export function decideOrgMove(actor: Actor, orgId: string, newParentId: string, tree: OrgTree): Decision {
  const onCurrent = decide(actor, "org.move", orgId, tree);
  if (!onCurrent.allowed) return onCurrent;
  if (!tree.has(newParentId)) return deny("目标上级机构不存在");
  if (isSelfOrDescendant(tree, newParentId, orgId)) return deny("不能把机构移到它自身或其下级机构之下");
  return can(actor, "org.create", newParentId, tree) ? ALLOWED : deny("您无权管理目标上级机构");
}
