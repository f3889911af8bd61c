"use client";

import { formatDateZh } from "@/lib/domain/dates";
import { orgDeadlineSchema, removeOrgDeadlineSchema } from "@/lib/domain/forms/org";
import type { FormAction } from "@/lib/domain/forms/form-state";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";

interface Props {
  orgId: string;
  /** The default, e.g. 1月31日. */
  defaultLabel: string;
  overrides: { year: number; deadline: string }[];
  suggestedYear: number;
  setAction: FormAction;
  removeAction: FormAction;
}

export function OrgDeadlines({
  orgId,
  defaultLabel,
  overrides,
  suggestedYear,
  setAction,
  removeAction,
}: Props) {
  return (
    <>
      <p>
        默认截止日期：报告年度次年的<strong>{defaultLabel}</strong>。个别年度如经批准延期，可在此单独设置。
      </p>
      {overrides.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">单独设置的年度截止日期</caption>
          <thead>
            <tr>
              <th scope="col">报告年度</th>
              <th scope="col">公开截止日期</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {overrides.map((o) => (
              <tr key={o.year}>
                <th scope="row">{o.year}年度</th>
                <td>{formatDateZh(o.deadline)}</td>
                <td>
                  <ActionForm
                    schema={removeOrgDeadlineSchema}
                    action={removeAction}
                    hidden={{ orgId, year: o.year }}
                    submitLabel="删除"
                    variant="plain"
                    inline
                    label={`删除${o.year}年度的截止日期`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>单独设置某一年度</h3>
      <ActionForm
        schema={orgDeadlineSchema}
        action={setAction}
        hidden={{ orgId }}
        defaultValues={{ year: String(suggestedYear), deadline: "" }}
        submitLabel="保存截止日期"
        successMessage="已保存。"
        variant="plain"
        resetOnSuccess
      >
        <div className="field-row">
          <TextField name="year" label="报告年度" required inputMode="numeric" size="short" />
          <TextField name="deadline" label="公开截止日期" type="date" required size="medium" />
        </div>
      </ActionForm>
    </>
  );
}
