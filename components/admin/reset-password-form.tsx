"use client";

import { useActionState } from "react";

export interface ResetFormState {
  message?: string;
  fieldErrors?: { password?: string; confirm?: string };
}

interface Props {
  action: (prev: ResetFormState, form: FormData) => Promise<ResetFormState>;
  token: string;
}

export function ResetPasswordForm({ action, token }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="form" noValidate>
      {state.message && (
        <p role="alert" className="form__alert">
          {state.message}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="password">新密码</label>
        <p id="password-hint" className="field__hint">
          至少 10 个字符。
        </p>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={error.password ? true : undefined}
          aria-describedby={error.password ? "password-hint password-error" : "password-hint"}
        />
        {error.password && (
          <p id="password-error" className="field__error">
            {error.password}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="confirm">再次输入新密码</label>
        <input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={error.confirm ? true : undefined}
          aria-describedby={error.confirm ? "confirm-error" : undefined}
        />
        {error.confirm && (
          <p id="confirm-error" className="field__error">
            {error.confirm}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? "正在保存…" : "设置新密码"}
      </button>
    </form>
  );
}
