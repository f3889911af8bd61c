"use client";

import type { FormAction } from "@/lib/domain/forms/form-state";
import { assignRoleSchema, membershipSchema } from "@/lib/domain/forms/user";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, type Option } from "@/components/forms/fields";
import { ROLE_OPTIONS } from "./role-options";

interface Props {
  userId: string;
  roles: { membershipId: string; orgName: string; roleLabel: string; canRemove: boolean }[];
  hiddenRoleCount: number;
  orgOptions: Option[];
  assignAction: FormAction;
  removeAction: FormAction;
}

export function UserRoles({ userId, roles, hiddenRoleCount, orgOptions, assignAction, removeAction }: Props) {
  return (
    <>
      <table className="data-table">
        <caption className="visually-hidden">当前角色</caption>
        <thead>
          <tr>
            <th scope="col">机构</th>
            <th scope="col">角色</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {roles.map((r) => (
            <tr key={r.membershipId}>
              <td>{r.orgName}</td>
              <td>{r.roleLabel}</td>
              <td>
                {r.canRemove ? (
                  <ActionForm
                    schema={membershipSchema}
                    action={removeAction}
                    hidden={{ membershipId: r.membershipId }}
                    submitLabel="移除"
                    variant="plain"
                    inline
                    label={`移除「${r.orgName}」的${r.roleLabel}角色`}
                  />
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hiddenRoleCount > 0 && (
        <p className="muted">该用户在您管理范围以外的机构另有 {hiddenRoleCount} 个角色。</p>
      )}
      <p className="field__hint">每个账号至少保留一个角色；如需调岗，请先分配新角色再移除旧角色。</p>
      <h3>分配角色</h3>
      <ActionForm
        schema={assignRoleSchema}
        action={assignAction}
        hidden={{ userId }}
        defaultValues={{ orgId: "", role: "EDITOR" }}
        submitLabel="分配角色"
        pendingLabel="正在分配…"
        successMessage="已分配角色。"
        variant="plain"
      >
        <div className="field-row">
          <SelectField name="orgId" label="机构" required options={orgOptions} placeholder="请选择" />
          <SelectField name="role" label="角色" required options={ROLE_OPTIONS} />
        </div>
      </ActionForm>
    </>
  );
}
