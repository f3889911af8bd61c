"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm, type FormAction } from "./action-form";
import { RadioGroup, SelectField, TextField, type Option } from "./fields";
import { ResetLink } from "./reset-link";
import { ROLE_OPTIONS } from "./role-options";

interface Props {
  action: FormAction;
  orgOptions: Option[];
  defaultOrgId?: string;
}

interface Created {
  userId: string;
  resetPath: string | null;
  username: string;
}

const PASSWORD_MODES = [
  {
    value: "password",
    label: "由我设置初始密码",
    hint: "至少 10 个字符；请提醒本人登录后在「我的账号」中修改。",
  },
  { value: "resetLink", label: "生成重置链接，由本人设置密码", hint: "链接 24 小时内有效，只能使用一次。" },
];

export function UserCreateForm({ action, orgOptions, defaultOrgId }: Props) {
  const router = useRouter();
  const [mode, setMode] = useState("password");
  const [created, setCreated] = useState<Created | null>(null);

  function onSuccess(data: unknown) {
    const result = data as Created;
    if (result.resetPath) setCreated(result);
    else router.push(`/workspace/admin/users/${result.userId}?created=1`);
  }

  if (created?.resetPath) {
    return (
      <>
        <p role="status" className="notice">
          已创建用户 {created.username}。
        </p>
        <ResetLink path={created.resetPath} username={created.username} />
        <p>
          <Link href={`/workspace/admin/users/${created.userId}`}>查看该用户</Link>
        </p>
      </>
    );
  }
  return (
    <ActionForm action={action} submitLabel="创建用户" pendingLabel="正在创建…" onSuccess={onSuccess}>
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
        <SelectField
          name="orgId"
          label="所属机构"
          required
          options={orgOptions}
          defaultValue={defaultOrgId}
          placeholder="请选择"
        />
        <SelectField name="role" label="角色" required options={ROLE_OPTIONS} defaultValue="EDITOR" />
      </fieldset>
      <RadioGroup
        name="passwordMode"
        label="初始密码"
        options={PASSWORD_MODES}
        value={mode}
        onChange={setMode}
      />
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
    </ActionForm>
  );
}
