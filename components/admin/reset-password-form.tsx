"use client";

import { resetPasswordSchema } from "@/lib/domain/forms/account";
import type { FormAction } from "@/lib/domain/forms/form-state";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";

export function ResetPasswordForm({ action, token }: { action: FormAction; token: string }) {
  return (
    <ActionForm
      schema={resetPasswordSchema}
      action={action}
      hidden={{ token }}
      defaultValues={{ password: "", confirm: "" }}
      submitLabel="设置新密码"
      pendingLabel="正在保存…"
    >
      <TextField
        name="password"
        label="新密码"
        type="password"
        autoComplete="new-password"
        hint="至少 10 个字符。"
      />
      <TextField name="confirm" label="再次输入新密码" type="password" autoComplete="new-password" />
    </ActionForm>
  );
}
