"use client";

import type { Finding } from "@/lib/domain/findings";
import type { ReportMeta } from "@/lib/domain/report-schema";
import { TITLE_INPUT_ID } from "./dom-ids";
import { InlineFindings } from "./inline-findings";

// The report's metadata: 标题, 机关全称, the contact named in the preamble, and the 落款 with its date.

type Contact = NonNullable<ReportMeta["contact"]>;
const CONTACT_FIELDS: [keyof Contact, string][] = [
  ["office", "联系机构"],
  ["address", "地址"],
  ["phone", "电话"],
  ["postcode", "邮编"],
];

interface Props {
  meta: ReportMeta;
  defaultTitle: string;
  readOnly: boolean;
  titleFindings: Finding[];
  onChange(change: (meta: ReportMeta) => ReportMeta): void;
  onLocate(finding: Finding): void;
}

function TextInput(props: {
  id: string;
  label: string;
  value: string;
  readOnly: boolean;
  onChange(v: string): void;
  wide?: boolean;
  type?: string;
}) {
  return (
    <div className={props.wide ? "field" : "field field--medium"}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? "text"}
        value={props.value}
        readOnly={props.readOnly}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

export function MetaForm({ meta, defaultTitle, readOnly, titleFindings, onChange, onLocate }: Props) {
  const set = <K extends keyof ReportMeta>(key: K, value: ReportMeta[K]) =>
    onChange((m) => ({ ...m, [key]: value }));
  const setContact = (key: keyof Contact, value: string) =>
    onChange((m) => ({
      ...m,
      contact: { office: "", address: "", phone: "", postcode: "", ...m.contact, [key]: value },
    }));
  return (
    <div className="meta-form">
      <div className="field">
        <label htmlFor={TITLE_INPUT_ID}>标题</label>
        <div className="field-inline">
          <input
            id={TITLE_INPUT_ID}
            value={meta.title}
            readOnly={readOnly}
            onChange={(e) => set("title", e.target.value)}
          />
          {!readOnly && meta.title !== defaultTitle && (
            <button type="button" className="button button--small" onClick={() => set("title", defaultTitle)}>
              使用标准标题
            </button>
          )}
        </div>
        <InlineFindings findings={titleFindings} onLocate={onLocate} labelKey="title" />
      </div>
      <div className="field-row">
        <TextInput
          id="meta-body"
          label="机关全称"
          value={meta.bodyName}
          readOnly={readOnly}
          onChange={(v) => set("bodyName", v)}
        />
        <div className="field field--short">
          <span className="field__label">报告年度</span>
          <span className="field__static">{meta.year}年</span>
        </div>
      </div>
      <fieldset className="fieldset">
        <legend>联系方式（写入导语）</legend>
        <div className="field-row">
          {CONTACT_FIELDS.map(([key, label]) => (
            <TextInput
              key={key}
              id={`meta-contact-${key}`}
              label={label}
              value={meta.contact?.[key] ?? ""}
              readOnly={readOnly}
              onChange={(v) => setContact(key, v)}
            />
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        <TextInput
          id="meta-signature"
          label="落款（机关名称）"
          value={meta.signatureName}
          readOnly={readOnly}
          onChange={(v) => set("signatureName", v)}
        />
        <TextInput
          id="meta-signature-date"
          label="落款日期"
          type="date"
          value={meta.signatureDate ?? ""}
          readOnly={readOnly}
          onChange={(v) => set("signatureDate", /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null)}
        />
      </div>
    </div>
  );
}
