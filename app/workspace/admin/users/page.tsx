import type { Metadata } from "next";
import Link from "next/link";
import { hrefWith, Pager } from "@/components/admin/pager";
import { orNotFound } from "@/lib/server/auth/authorize";
import { listOrgOptions } from "@/lib/server/orgs/reads";
import { requireActor } from "@/lib/server/auth/session";
import { listUsers } from "@/lib/server/users/reads";

export const metadata: Metadata = { title: "用户管理" };

type Search = { org?: string; q?: string; page?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor("/workspace/admin/users");
  const search = await searchParams;
  const [orgs, list] = await Promise.all([
    listOrgOptions(actor, "user.view"),
    orNotFound(
      listUsers(actor, { orgId: search.org || undefined, q: search.q, page: Number(search.page) || 1 }),
    ),
  ]);
  const params = { org: search.org, q: search.q };
  const pageHref = (page: number) =>
    hrefWith("/workspace/admin/users", params, { page: page > 1 ? String(page) : undefined });
  return (
    <>
      <div className="page-head">
        <h1>用户管理</h1>
        <Link
          href={hrefWith("/workspace/admin/users/new", { org: search.org }, {})}
          className="button button--primary"
        >
          新建用户
        </Link>
      </div>
      <form method="get" className="filter-bar" aria-label="筛选用户">
        <div className="field">
          <label htmlFor="filter-org">机构（含下级）</label>
          <select id="filter-org" name="org" defaultValue={search.org ?? ""}>
            <option value="">全部</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-q">用户名、姓名、手机号或邮箱</label>
          <input id="filter-q" name="q" type="search" defaultValue={search.q ?? ""} />
        </div>
        <div className="filter-bar__actions">
          <button type="submit" className="button">
            筛选
          </button>
          <Link href="/workspace/admin/users">清除筛选</Link>
        </div>
      </form>
      <section className="panel" aria-labelledby="users-heading">
        <h2 id="users-heading" className="panel__title">
          用户（共 {list.total} 个）
        </h2>
        {list.users.length === 0 ? (
          <p>没有符合条件的用户。</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">角色</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {list.users.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link href={`/workspace/admin/users/${u.id}`}>{u.username}</Link>
                  </td>
                  <td>{u.displayName}</td>
                  <td>
                    {u.roles.join("；")}
                    {u.hiddenRoleCount > 0 && (
                      <span className="muted">；另有 {u.hiddenRoleCount} 个范围外角色</span>
                    )}
                  </td>
                  <td>{u.isActive ? "启用" : <span className="tag tag--off">已停用</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager
          label="用户列表分页"
          status={list.pageCount > 1 ? `第 ${list.page} / ${list.pageCount} 页` : undefined}
          previousHref={list.page > 1 ? pageHref(list.page - 1) : null}
          nextHref={list.page < list.pageCount ? pageHref(list.page + 1) : null}
        />
      </section>
    </>
  );
}
