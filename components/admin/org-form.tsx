"use client";

import { useState } from "react";
import { defaultDeadline } from "@/lib/domain/deadline";
import { ORG_KIND_LABELS, ORG_KINDS, type OrgKind } from "@/lib/domain/org-tree";
import { ActionForm, type FormAction } from "./action-form";
import { CheckboxField, SelectField, TextField, type Option } from "./fields";

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

export function OrgForm({ action, orgId, values, parentOptions, defaultParentId }: Props) {
  const [kind, setKind] = useState<OrgKind>(values?.kind ?? "SUBDISTRICT");
  const [month, setMonth] = useState(String(values?.deadlineMonth ?? 1));
  const [day, setDay] = useState(String(values?.deadlineDay ?? 31));

  // A deadline still at the old kind's default follows the new kind's (3月31日 for a government's own report).
  function changeKind(next: string) {
    const nextKind = next as OrgKind;
    if (monthDay(month, day) === defaultMonthDay(kind)) {
      const [m, d] = defaultMonthDay(nextKind).split("-");
      setMonth(String(Number(m)));
      setDay(String(Number(d)));
    }
    setKind(nextKind);
  }

  const editing = orgId !== undefined;
  return (
    <ActionForm
      action={action}
      submitLabel={editing ? "保存修改" : "创建机构"}
      pendingLabel="正在保存…"
      successMessage={editing ? "已保存。" : undefined}
    >
      {editing && <input type="hidden" name="orgId" value={orgId} />}
      <fieldset className="fieldset">
        <legend>基本信息</legend>
        {!editing && (
          <SelectField
            name="parentId"
            label="上级机构"
            required
            options={parentOptions ?? []}
            defaultValue={defaultParentId}
            placeholder="请选择"
          />
        )}
        <SelectField
          name="kind"
          label="机构类型"
          required
          options={KIND_OPTIONS}
          value={kind}
          onChange={changeKind}
        />
        <TextField
          name="name"
          label="机构全称"
          required
          defaultValue={values?.name}
          hint="印在年报标题中，如：柳州市柳北区人民政府钢城街道办事处"
        />
        <TextField
          name="shortName"
          label="简称"
          required
          defaultValue={values?.shortName}
          size="medium"
          hint="如：钢城街道"
        />
        <TextField
          name="slug"
          label="网址标识"
          required
          defaultValue={values?.slug}
          size="medium"
          autoComplete="off"
          hint="用于公开网址 /reports/网址标识/年度，只能使用小写字母、数字和连字符，如 gangcheng"
        />
        <TextField
          name="portalUrl"
          label="门户网站地址"
          type="url"
          defaultValue={values?.portalUrl}
          hint="如：https://www.example.gov.cn"
        />
        <CheckboxField
          name="hasRuleMakingPower"
          label="具有规章制定权"
          defaultChecked={values?.hasRuleMakingPower}
          hint="仅国务院部门、省级政府和设区的市、自治州政府具有；影响表二「规章」栏的校验"
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>年报公开截止日期（报告年度的次年）</legend>
        <p className="field__hint">
          默认：部门、街道、乡镇、开发区为1月31日；区县、市人民政府的本级年报为3月31日。个别年度可在保存后单独设置。
        </p>
        <div className="field-row">
          <SelectField
            name="deadlineMonth"
            label="月"
            size="short"
            options={MONTHS}
            value={month}
            onChange={setMonth}
          />
          <SelectField
            name="deadlineDay"
            label="日"
            size="short"
            options={DAYS}
            value={day}
            onChange={setDay}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>审批流程</legend>
        <p className="field__hint">提交后先由本机构审核人审核（必经），再依次经过下列勾选的环节。</p>
        <CheckboxField
          name="approvalChain[]"
          value="SIGN"
          label="签发人签发"
          defaultChecked={values?.approvalChain.includes("SIGN")}
        />
        <CheckboxField
          name="approvalChain[]"
          value="SUPERVISOR"
          label="上级政务公开办审核"
          defaultChecked={values?.approvalChain.includes("SUPERVISOR")}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>联系方式（印在年报中）</legend>
        <TextField
          name="contactOffice"
          label="联系机构"
          defaultValue={values?.contactOffice}
          hint="如：钢城街道党政办公室"
        />
        <TextField name="contactAddress" label="地址" defaultValue={values?.contactAddress} />
        <div className="field-row">
          <TextField
            name="contactPhone"
            label="电话"
            type="tel"
            defaultValue={values?.contactPhone}
            size="medium"
          />
          <TextField
            name="contactPostcode"
            label="邮政编码"
            defaultValue={values?.contactPostcode}
            inputMode="numeric"
            size="short"
          />
        </div>
      </fieldset>
    </ActionForm>
  );
}
