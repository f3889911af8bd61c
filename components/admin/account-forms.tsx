"use client";

import { changePasswordSchema, signOutEverywhereSchema } from "@/lib/domain/forms/account";
import type { FormAction } from "@/lib/domain/forms/form-state";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";

export function PasswordChangeForm({ action }: { action: FormAction }) {
  return (
    <ActionForm
      schema={changePasswordSchema}
      action={action}
      submitLabel="修改密码"
      pendingLabel="正在修改…"
      successMessage="密码已修改。其他设备上的登录已退出，本设备保持登录。"
      resetOnSuccess
    >
      <TextField
        name="currentPassword"
        label="当前密码"
        type="password"
        required
        autoComplete="current-password"
        size="medium"
      />
      <TextField
        name="newPassword"
        label="新密码"
        type="password"
        required
        autoComplete="new-password"
        size="medium"
        hint="至少 10 个字符；建议使用一句容易记住的话。"
      />
      <TextField
        name="confirmPassword"
        label="再次输入新密码"
        type="password"
        required
        autoComplete="new-password"
        size="medium"
      />
    </ActionForm>
  );
}

export function SignOutEverywhereForm({ action }: { action: FormAction }) {
  return (
    <ActionForm
      schema={signOutEverywhereSchema}
      action={action}
      submitLabel="退出全部设备"
      pendingLabel="正在退出…"
      variant="plain"
      label="退出全部设备"
    />
  );
}
