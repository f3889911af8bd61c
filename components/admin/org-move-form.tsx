"use client";

import { moveOrgSchema } from "@/lib/domain/forms/org";
import type { FormAction } from "@/lib/domain/forms/form-state";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, type Option } from "@/components/forms/fields";

interface Props {
  action: FormAction;
  orgId: string;
  currentParentId: string | null;
  targets: Option[];
}

export function OrgMoveForm({ action, orgId, currentParentId, targets }: Props) {
  return (
    <ActionForm
      schema={moveOrgSchema}
      action={action}
      hidden={{ orgId }}
      defaultValues={{ newParentId: currentParentId ?? "" }}
      submitLabel="移动"
      pendingLabel="正在移动…"
      successMessage="已移动。"
      variant="plain"
    >
      <SelectField
        name="newParentId"
        label="新的上级机构"
        required
        options={targets}
        hint="连同其全部下级机构一起移动；不能移到它自身或其下级机构之下。"
      />
    </ActionForm>
  );
}
