"use client";

import { ActionForm, type FormAction } from "./action-form";
import { SelectField, type Option } from "./fields";

interface Props {
  action: FormAction;
  orgId: string;
  currentParentId: string | null;
  targets: Option[];
}

export function OrgMoveForm({ action, orgId, currentParentId, targets }: Props) {
  return (
    <ActionForm
      action={action}
      submitLabel="移动"
      pendingLabel="正在移动…"
      successMessage="已移动。"
      variant="plain"
    >
      <input type="hidden" name="orgId" value={orgId} />
      <SelectField
        name="newParentId"
        label="新的上级机构"
        required
        options={targets}
        defaultValue={currentParentId ?? undefined}
        hint="连同其全部下级机构一起移动；不能移到它自身或其下级机构之下。"
      />
    </ActionForm>
  );
}
