"use client";

import { signInSchema } from "@/lib/domain/forms/account";
import type { FormAction } from "@/lib/domain/forms/form-state";
import { ActionForm } from "./forms/action-form";
import { TextField } from "./forms/fields";

export function SignInForm({ action, next }: { action: FormAction; next?: string }) {
  return (
    <ActionForm
      schema={signInSchema}
      action={action}
      hidden={next ? { next } : undefined}
      defaultValues={{ login: "", password: "" }}
      submitLabel="登录"
      pendingLabel="正在登录…"
    >
      <TextField name="login" label="用户名 / 手机号 / 邮箱" autoComplete="username" />
      <TextField name="password" label="密码" type="password" autoComplete="current-password" />
    </ActionForm>
  );
}
