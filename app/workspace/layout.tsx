import Link from "next/link";
import { signOutAction } from "@/app/login/actions";
import { requireActor } from "@/lib/server/auth/session";

// Everything under /workspace is for signed-in staff and is never cached.
export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor("/workspace");
  const isAdmin = actor.memberships.some((m) => m.role === "ADMIN");
  const seesBoard = actor.memberships.some((m) => m.role === "ADMIN" || m.role === "SUPERVISOR");
  return (
    <div className="workspace">
      <div className="workspace__bar no-print">
        <nav aria-label="工作台导航">
          <ul className="inline-list">
            <li>
              <Link href="/workspace">我的年报</Link>
            </li>
            <li>
              <Link href="/workspace/todo">待办事项</Link>
            </li>
            {seesBoard && (
              <li>
                <Link href="/workspace/board">公开期限看板</Link>
              </li>
            )}
            {isAdmin && (
              <li>
                <Link href="/workspace/admin/orgs">机构管理</Link>
              </li>
            )}
            {isAdmin && (
              <li>
                <Link href="/workspace/admin/users">用户管理</Link>
              </li>
            )}
            {isAdmin && (
              <li>
                <Link href="/workspace/admin/audit">审计日志</Link>
              </li>
            )}
            <li>
              <Link href="/workspace/account">我的账号</Link>
            </li>
          </ul>
        </nav>
        <div className="workspace__user">
          <span>
            当前用户：<strong>{actor.displayName}</strong>（{actor.username}）
          </span>
          <form action={signOutAction}>
            <button type="submit" className="button">
              退出登录
            </button>
          </form>
        </div>
      </div>
      {children}
    </div>
  );
}
