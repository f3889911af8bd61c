"use client";

import { useState } from "react";
import type { FormAction } from "@/lib/domain/forms/form-state";
import { setUserActiveSchema, userIdSchema } from "@/lib/domain/forms/user";
import { ActionForm } from "@/components/forms/action-form";
import { ResetLink } from "./reset-link";

interface Props {
  userId: string;
  username: string;
  isActive: boolean;
  isSelf: boolean;
  setActiveAction: FormAction;
  issueResetAction: FormAction;
}

export function UserAccount({
  userId,
  username,
  isActive,
  isSelf,
  setActiveAction,
  issueResetAction,
}: Props) {
  const [resetPath, setResetPath] = useState<string | null>(null);
  return (
    <div className="stack">
      <div>
        <h3>{isActive ? "停用账号" : "启用账号"}</h3>
        {isSelf ? (
          <p className="muted">不能停用自己的账号。</p>
        ) : (
          <>
            <p>
              {isActive
                ? "停用后该用户的全部登录会话立即失效，且不能再登录；角色保留，可随时重新启用。"
                : "启用后该用户可以重新登录。"}
            </p>
            <ActionForm
              schema={setUserActiveSchema}
              action={setActiveAction}
              hidden={{ userId, isActive: isActive ? "false" : "true" }}
              submitLabel={isActive ? "停用账号" : "启用账号"}
              variant={isActive ? "danger" : "primary"}
            />
          </>
        )}
      </div>
      {isActive && (
        <div>
          <h3>密码重置链接</h3>
          <p>
            用户忘记密码时，签发一次性链接（24
            小时内有效），由本人设置新密码。之前签发的未使用链接仍然有效，直到过期。
          </p>
          <ActionForm
            schema={userIdSchema}
            action={issueResetAction}
            hidden={{ userId }}
            submitLabel="签发重置链接"
            pendingLabel="正在签发…"
            variant="plain"
            onSuccess={(data) => setResetPath((data as { resetPath: string }).resetPath)}
          />
          {resetPath && <ResetLink path={resetPath} username={username} />}
        </div>
      )}
    </div>
  );
}
