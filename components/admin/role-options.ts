import { ROLE_LABELS, ROLES, type Role } from "@/lib/domain/orgs/permissions";

const ROLE_HINTS: Record<Role, string> = {
  EDITOR: "填写本机构的年报",
  REVIEWER: "审核本机构的年报",
  SIGNER: "本机构负责人签发",
  SUPERVISOR: "查看、审核和发布本机构及全部下级机构的年报",
  ADMIN: "管理本机构及全部下级机构的机构和用户",
};

export const ROLE_OPTIONS = ROLES.map((role) => ({
  value: role,
  label: `${ROLE_LABELS[role]}（${ROLE_HINTS[role]}）`,
}));
