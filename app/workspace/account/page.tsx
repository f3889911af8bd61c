import type { Metadata } from "next";
import { PasswordChangeForm, SignOutEverywhereForm } from "@/components/admin/account-forms";
import { formatDateTimeZh } from "@/lib/domain/dates";
import { requireActor } from "@/lib/server/auth/session";
import { getOwnAccount } from "@/lib/server/users/reads";
import { changePasswordAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "我的账号" };

export default async function AccountPage() {
  const actor = await requireActor("/workspace/account");
  const account = await getOwnAccount(actor);
  return (
    <>
      <h1>我的账号</h1>
      <dl className="facts">
        <dt>用户名</dt>
        <dd>{account.username}</dd>
        <dt>姓名</dt>
        <dd>{account.displayName}</dd>
        <dt>角色</dt>
        <dd>{account.roles.join("；") || "—"}</dd>
        <dt>手机号</dt>
        <dd>{account.phone ?? "—"}</dd>
        <dt>邮箱</dt>
        <dd>{account.email ?? "—"}</dd>
        <dt>密码修改于</dt>
        <dd>{formatDateTimeZh(account.passwordChangedAt)}</dd>
      </dl>
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading" className="panel__title">
          修改密码
        </h2>
        <PasswordChangeForm action={changePasswordAction} />
      </section>
      <section className="panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="panel__title">
          登录设备
        </h2>
        <p>
          您当前共有 {account.sessionCount}{" "}
          个登录会话。如果怀疑账号在其他设备上被使用，请退出全部设备并修改密码。
        </p>
        <SignOutEverywhereForm action={signOutEverywhereAction} />
      </section>
    </>
  );
}
