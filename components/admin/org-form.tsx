"use client";

import { useFormContext } from "react-hook-form";
import { defaultDeadline } from "@/lib/domain/calendar/deadline";
import { createOrgSchema, updateOrgSchema } from "@/lib/domain/forms/org";
import type { FormAction } from "@/lib/domain/forms/form-state";
import { ORG_KIND_LABELS, ORG_KINDS, type OrgKind } from "@/lib/domain/orgs/tree";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, SelectField, TextField, type Option } from "@/components/forms/fields";

export interface OrgFormValues {
  kind: OrgKind;
  name: string;
  shortName: string;
  slug: string;
  hasRuleMakingPower: boolean;
  deadlineMonth: number;
  deadlineDay: number;
  approvalChain: string[];
  contactOffice: string;
  contactAddress: string;
  contactPhone: string;
  contactPostcode: string;
  portalUrl: string;
}

interface Props {
  action: FormAction;
  /** Editing: the organisation's id and current values. Creating: the parents to choose from. */
  orgId?: string;
  values?: OrgFormValues;
  parentOptions?: Option[];
  defaultParentId?: string;
}

const KIND_OPTIONS = ORG_KINDS.map((kind) => ({ value: kind, label: ORG_KIND_LABELS[kind] }));
const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }));
const DAYS = Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}日` }));

const defaultMonthDay = (kind: OrgKind) => defaultDeadline(kind, 2000).slice(5);
const monthDay = (month: string, day: string) => `${month.padStart(2, "0")}-${day.padStart(2, "0")}`;

/** A deadline still at the old kind's default follows the new kind's (3月31日 for a government's own report). */
function KindField() {
  const { getValues, setValue } = useFormContext();
  function followKind(next: string) {
    const { kind, deadlineMonth, deadlineDay } = getValues();
    if (monthDay(deadlineMonth, deadlineDay) !== defaultMonthDay(kind)) return;
    const [month, day] = defaultMonthDay(next as OrgKind).split("-");
    setValue("deadlineMonth", String(Number(month)));
    setValue("deadlineDay", String(Number(day)));
  }
  return (
    <SelectField name="kind" label="机构类型" required options={KIND_OPTIONS} onValueChange={followKind} />
  );
}

export function OrgForm({ action, orgId, values, parentOptions, defaultParentId }: Props) {
  const editing = orgId !== undefined;
  const defaults = {
    kind: values?.kind ?? "SUBDISTRICT",
    name: values?.name ?? "",
    shortName: values?.shortName ?? "",
    slug: values?.slug ?? "",
    portalUrl: values?.portalUrl ?? "",
    hasRuleMakingPower: values?.hasRuleMakingPower ?? false,
    deadlineMonth: String(values?.deadlineMonth ?? 1),
    deadlineDay: String(values?.deadlineDay ?? 31),
    approvalChain: values?.approvalChain ?? [],
    contactOffice: values?.contactOffice ?? "",
    contactAddress: values?.contactAddress ?? "",
    contactPhone: values?.contactPhone ?? "",
    contactPostcode: values?.contactPostcode ?? "",
    ...(editing ? {} : { parentId: defaultParentId ?? "" }),
  };
  return (
    <ActionForm
      schema={editing ? updateOrgSchema : createOrgSchema}
      action={action}
      defaultValues={defaults}
      hidden={editing ? { orgId } : undefined}
      submitLabel={editing ? "保存修改" : "创建机构"}
      pendingLabel="正在保存…"
      successMessage={editing ? "已保存。" : undefined}
    >
      <fieldset className="fieldset">
        <legend>基本信息</legend>
        {!editing && (
          <SelectField
            name="parentId"
            label="上级机构"
            required
            options={parentOptions ?? []}
            placeholder="请选择"
          />
        )}
        <KindField />
        <TextField
          name="name"
          label="机构全称"
          required
          hint="印在年报标题中，如：柳州市柳北区人民政府钢城街道办事处"
        />
        <TextField name="shortName" label="简称" required size="medium" hint="如：钢城街道" />
        <TextField
          name="slug"
          label="网址标识"
          required
          size="medium"
          autoComplete="off"
          hint="用于公开网址 /reports/网址标识/年度，只能使用小写字母、数字和连字符，如 gangcheng"
        />
        <TextField name="portalUrl" label="门户网站地址" type="url" hint="如：https://www.example.gov.cn" />
        <CheckboxField
          name="hasRuleMakingPower"
          label="具有规章制定权"
          hint="仅国务院部门、省级政府和设区的市、自治州政府具有；影响表二「规章」栏的校验"
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>年报公开截止日期（报告年度的次年）</legend>
        <p className="field__hint">
          默认：部门、街道、乡镇、开发区为1月31日；区县、市人民政府的本级年报为3月31日。个别年度可在保存后单独设置。
        </p>
        <div className="field-row">
          <SelectField name="deadlineMonth" label="月" size="short" options={MONTHS} />
          <SelectField name="deadlineDay" label="日" size="short" options={DAYS} />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>审批流程</legend>
        <p className="field__hint">提交后先由本机构审核人审核（必经），再依次经过下列勾选的环节。</p>
        <CheckboxField name="approvalChain" value="SIGN" label="签发人签发" />
        <CheckboxField name="approvalChain" value="SUPERVISOR" label="上级政务公开办审核" />
      </fieldset>
      <fieldset className="fieldset">
        <legend>联系方式（印在年报中）</legend>
        <TextField name="contactOffice" label="联系机构" hint="如：钢城街道党政办公室" />
        <TextField name="contactAddress" label="地址" />
        <div className="field-row">
          <TextField name="contactPhone" label="电话" type="tel" size="medium" />
          <TextField name="contactPostcode" label="邮政编码" inputMode="numeric" size="short" />
        </div>
      </fieldset>
    </ActionForm>
  );
}
