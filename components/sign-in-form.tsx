"use client";

import { useActionState } from "react";

export interface SignInFormState {
  message?: string;
  fieldErrors?: { login?: string; password?: string };
  login?: string;
}

interface Props {
  action: (prev: SignInFormState, form: FormData) => Promise<SignInFormState>;
  next?: string;
}

export function SignInForm({ action, next }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="form" noValidate>
      {state.message && (
        <p role="alert" className="form__alert">
          {state.message}
        </p>
      )}
      {next && <input type="hidden" name="next" value={next} />}
      <div className="field">
        <label htmlFor="login">用户名 / 手机号 / 邮箱</label>
        <input
          id="login"
          name="login"
          autoComplete="username"
          defaultValue={state.login}
          aria-invalid={!!state.fieldErrors?.login}
          aria-describedby={state.fieldErrors?.login ? "login-error" : undefined}
          required
        />
        {state.fieldErrors?.login && (
          <p id="login-error" className="field__error">
            {state.fieldErrors.login}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="password">密码</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!state.fieldErrors?.password}
          aria-describedby={state.fieldErrors?.password ? "password-error" : undefined}
          required
        />
        {state.fieldErrors?.password && (
          <p id="password-error" className="field__error">
            {state.fieldErrors.password}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
