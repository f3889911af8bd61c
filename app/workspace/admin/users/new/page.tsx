import type { Metadata } from "next";
import Link from "next/link";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { listOrgOptions } from "@/lib/server/orgs/reads";
import { requireActor } from "@/lib/server/auth/session";
import { createUserAction } from "../actions";

export const metadata: Metadata = { title: "新建用户" };

export default async function NewUserPage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const actor = await requireActor("/workspace/admin/users/new");
  const { org } = await searchParams;
  const orgs = (await listOrgOptions(actor, "user.create")).map((o) => ({ value: o.id, label: o.label }));
  return (
    <>
      <p className="breadcrumb">
        <Link href="/workspace/admin/users">用户管理</Link> / 新建用户
      </p>
      <h1>新建用户</h1>
      <div className="panel">
        <UserCreateForm
          action={createUserAction}
          orgOptions={orgs}
          defaultOrgId={orgs.some((o) => o.value === org) ? org : undefined}
        />
      </div>
    </>
  );
}
