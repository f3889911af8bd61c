import type { Metadata } from "next";
import Link from "next/link";
import { UserAccount } from "@/components/admin/user-account";
import { UserRoles } from "@/components/admin/user-roles";
import { formatDateTimeZh } from "@/lib/domain/dates";
import { orNotFound } from "@/lib/server/auth/authorize";
import { listOrgOptions } from "@/lib/server/orgs/reads";
import { requireActor } from "@/lib/server/auth/session";
import { getUserForAdmin } from "@/lib/server/users/reads";
import { assignRoleAction, issueResetLinkAction, removeRoleAction, setUserActiveAction } from "../actions";

export const metadata: Metadata = { title: "用户详情" };

interface Props {
  params: Promise<{ userId: string }>;
  searchParams: Promise<{ created?: string }>;
}

export default async function UserPage({ params, searchParams }: Props) {
  const { userId } = await params;
  const actor = await requireActor(`/workspace/admin/users/${userId}`);
  const user = await orNotFound(getUserForAdmin(actor, userId));
  const orgs = (await listOrgOptions(actor, "user.assignRole")).map((o) => ({ value: o.id, label: o.label }));
  const { created } = await searchParams;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/workspace/admin/users">用户管理</Link> / {user.username}
      </p>
      <h1>
        {user.displayName}（{user.username}）
      </h1>
      {created && (
        <p role="status" className="notice">
          用户已创建，可以用设置的初始密码登录。
        </p>
      )}
      <dl className="facts">
        <dt>状态</dt>
        <dd>{user.isActive ? "启用" : <span className="tag tag--off">已停用</span>}</dd>
        <dt>手机号</dt>
        <dd>{user.phone ?? "—"}</dd>
        <dt>邮箱</dt>
        <dd>{user.email ?? "—"}</dd>
        <dt>创建时间</dt>
        <dd>{formatDateTimeZh(user.createdAt)}</dd>
        <dt>登录会话</dt>
        <dd>{user.sessionCount} 个</dd>
      </dl>
      <section className="panel" aria-labelledby="roles-heading">
        <h2 id="roles-heading" className="panel__title">
          角色
        </h2>
        <UserRoles
          userId={user.id}
          roles={user.roles}
          hiddenRoleCount={user.hiddenRoleCount}
          orgOptions={orgs}
          assignAction={assignRoleAction}
          removeAction={removeRoleAction}
        />
      </section>
      <section className="panel" aria-labelledby="account-heading">
        <h2 id="account-heading" className="panel__title">
          账号
        </h2>
        {user.canManageAccount ? (
          <UserAccount
            userId={user.id}
            username={user.username}
            isActive={user.isActive}
            isSelf={user.isSelf}
            setActiveAction={setUserActiveAction}
            issueResetAction={issueResetLinkAction}
          />
        ) : (
          <p>该用户在您管理范围以外的机构也有角色，停用账号或重置密码须由上级管理员操作。</p>
        )}
      </section>
      <p>
        <Link href={`/workspace/admin/audit?actor=${encodeURIComponent(user.username)}`}>
          查看该用户的操作记录
        </Link>
      </p>
    </>
  );
}
