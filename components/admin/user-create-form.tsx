"use client";

import Link from "next/link";
import { useFormContext } from "react-hook-form";
import type { FormAction } from "@/lib/domain/forms/form-state";
import { createUserSchema } from "@/lib/domain/forms/user";
import { ActionForm } from "@/components/forms/action-form";
import { RadioGroup, SelectField, TextField, type Option } from "@/components/forms/fields";
import { ResetLink } from "./reset-link";
import { ROLE_OPTIONS } from "./role-options";

interface Created {
  userId: string;
  resetPath: string | null;
  username: string;
}

interface Props {
  action: FormAction<Created>;
  orgOptions: Option[];
  defaultOrgId?: string;
}

const PASSWORD_MODES = [
  {
    value: "password",
    label: "由我设置初始密码",
    hint: "至少 10 个字符；请提醒本人登录后在「我的账号」中修改。",
  },
  { value: "resetLink", label: "生成重置链接，由本人设置密码", hint: "链接 24 小时内有效，只能使用一次。" },
];

function CreatedWithLink({ created }: { created: Created }) {
  return (
    <>
      <p role="status" className="notice">
        已创建用户 {created.username}。
      </p>
      {created.resetPath && <ResetLink path={created.resetPath} username={created.username} />}
      <p>
        <Link href={`/workspace/admin/users/${created.userId}`}>查看该用户</Link>
      </p>
    </>
  );
}

/** The initial password, asked for only when the administrator sets it. */
function InitialPassword() {
  const mode = useFormContext().watch("passwordMode");
  return (
    <>
      <RadioGroup name="passwordMode" label="初始密码" options={PASSWORD_MODES} />
      {mode === "password" && (
        <TextField
          name="password"
          label="初始密码"
          type="password"
          required
          autoComplete="new-password"
          size="medium"
        />
      )}
    </>
  );
}

export function UserCreateForm({ action, orgOptions, defaultOrgId }: Props) {
  const defaults = {
    username: "",
    displayName: "",
    phone: "",
    email: "",
    orgId: defaultOrgId ?? "",
    role: "EDITOR",
    passwordMode: "password",
    password: "",
  };
  return (
    <ActionForm
      schema={createUserSchema}
      action={action}
      defaultValues={defaults}
      submitLabel="创建用户"
      pendingLabel="正在创建…"
      renderSuccess={(created) => <CreatedWithLink created={created} />}
    >
      <fieldset className="fieldset">
        <legend>账号</legend>
        <TextField
          name="username"
          label="用户名"
          required
          autoComplete="off"
          size="medium"
          hint="用于登录，以字母开头，只能使用小写字母、数字、点、下划线和连字符，如 zhang.wei"
        />
        <TextField name="displayName" label="姓名" required size="medium" autoComplete="off" />
        <div className="field-row">
          <TextField
            name="phone"
            label="手机号（选填，可用于登录）"
            type="tel"
            inputMode="tel"
            size="medium"
            autoComplete="off"
          />
          <TextField
            name="email"
            label="邮箱（选填，可用于登录）"
            type="email"
            size="medium"
            autoComplete="off"
          />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>角色</legend>
        <SelectField name="orgId" label="所属机构" required options={orgOptions} placeholder="请选择" />
        <SelectField name="role" label="角色" required options={ROLE_OPTIONS} />
      </fieldset>
      <InitialPassword />
    </ActionForm>
  );
}
