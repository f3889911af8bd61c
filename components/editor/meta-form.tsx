"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { formatDateZh, toIsoDateInChina } from "@/lib/domain/dates";
import type { Finding } from "@/lib/domain/findings";
import { updateContactSentence } from "@/lib/domain/prefill";
import { metaFieldsSchema, type MetaFields, type ReportMeta } from "@/lib/domain/report-schema";
import { metaFieldId } from "./dom-ids";

// Every part of the published document outside the six sections: 标题, 机关全称, the contact the preamble prints,
// the 落款 and its 成文日期; the 发布日期 is filled at publication. react-hook-form with zodResolver over
// metaFieldsSchema — a pick of the reportMetaSchema the draft save validates — so a field the server would refuse
// is marked on the field as it is typed, and a field error the save returns lands on the same field. Valid values
// flow into the draft (autosaved with it); what a submission requires is said by the rules' findings, shown under
// each field and linked to it for assistive technology.

type Contact = MetaFields["contact"] & object;
const BLANK: Contact = { office: "", address: "", phone: "", postcode: "" };
const CONTACT_FIELDS: [keyof Contact, string, string][] = [
  ["office", "联系机构", "如：钢城街道党政办公室"],
  ["address", "地址", ""],
  ["phone", "电话", "如：0772-2512345"],
  ["postcode", "邮编", "6位数字"],
];

interface Props {
  meta: ReportMeta;
  defaultTitle: string;
  readOnly: boolean;
  /** Findings about the metadata (Finding.field set), shown under their field. */
  findings: Finding[];
  /** Field errors of the last refused save, keyed like "content.meta.title". */
  serverErrors: Record<string, string>;
  onChange(change: (meta: ReportMeta) => ReportMeta): void;
}

const fieldsOf = (meta: ReportMeta): MetaFields => ({
  title: meta.title,
  bodyName: meta.bodyName,
  contact: { ...BLANK, ...meta.contact },
  signatureName: meta.signatureName,
  signatureDate: meta.signatureDate,
});

const same = (a: MetaFields, b: MetaFields) => JSON.stringify(a) === JSON.stringify(b);

function Messages({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="field__error">
      {messages.join("；")}
    </p>
  );
}

export function MetaForm({ meta, defaultTitle, readOnly, findings, serverErrors, onChange }: Props) {
  const form = useForm<MetaFields>({
    resolver: zodResolver(metaFieldsSchema),
    mode: "onChange",
    defaultValues: fieldsOf(meta),
  });
  const { register, formState, setValue, reset, setError, subscribe, control } = form;
  const title = useWatch({ control, name: "title" });
  const sent = useRef<MetaFields>(fieldsOf(meta));

  // The draft changed from elsewhere (a merge, a restored local copy): the form follows.
  useEffect(() => {
    const incoming = fieldsOf(meta);
    if (!same(incoming, sent.current)) {
      sent.current = incoming;
      reset(incoming);
    }
  }, [meta, reset]);

  // Valid values go into the draft; the contact sentence of the preamble follows the contact.
  useEffect(() => {
    return subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        const parsed = metaFieldsSchema.safeParse(values);
        if (!parsed.success || same(parsed.data, sent.current)) return;
        const before = sent.current.contact ?? BLANK;
        sent.current = parsed.data;
        const contact = parsed.data.contact ?? BLANK;
        onChange((m) => ({
          ...m,
          ...parsed.data,
          contact: Object.values(contact).some((v) => v.trim() !== "") ? contact : null,
          preamble: updateContactSentence(m.preamble, before, contact),
        }));
      },
    });
  }, [subscribe, onChange]);

  useEffect(() => {
    for (const [path, message] of Object.entries(serverErrors)) {
      if (path.startsWith("content.meta.")) {
        setError(path.slice("content.meta.".length) as FieldPath<MetaFields>, { type: "server", message });
      }
    }
  }, [serverErrors, setError]);

  const errorOf = (path: string): string | undefined => {
    const parts = path.split(".");
    let node: unknown = formState.errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    return (node as { message?: string } | undefined)?.message;
  };
  /** The field's input props: registered, described by its hint and messages, invalid while anything is wrong. */
  const field = (path: FieldPath<MetaFields>, options: { hint?: boolean; date?: boolean } = {}) => {
    const id = metaFieldId(path);
    const messages = [
      errorOf(path),
      ...findings.filter((f) => f.field === path).map((f) => f.message),
    ].filter((m): m is string => Boolean(m));
    const describedBy = [options.hint ? `${id}-hint` : "", messages.length > 0 ? `${id}-error` : ""].filter(
      Boolean,
    );
    return {
      input: {
        id,
        readOnly,
        "aria-invalid": messages.length > 0 || undefined,
        "aria-describedby": describedBy.join(" ") || undefined,
        ...register(path, options.date ? { setValueAs: (v: string) => (v ? v : null) } : {}),
      },
      messages: <Messages id={`${id}-error`} messages={messages} />,
    };
  };

  const titleField = field("title");
  const body = field("bodyName");
  const signature = field("signatureName", { hint: true });
  const date = field("signatureDate", { hint: true, date: true });
  const setDirty = { shouldValidate: true, shouldDirty: true } as const;
  return (
    <form className="meta-form" noValidate onSubmit={(e) => e.preventDefault()} aria-label="基本信息">
      <p className="field__hint">
        以下各项将印在公开的报告中：标题在最上方，联系方式写入导语，落款和成文日期在文末。提交前须填写齐全。
      </p>
      <div className="field">
        <label htmlFor={titleField.input.id}>标题</label>
        <div className="field-inline">
          <input {...titleField.input} />
          {!readOnly && title !== defaultTitle && (
            <button
              type="button"
              className="button button--small"
              onClick={() => setValue("title", defaultTitle, setDirty)}
            >
              使用标准标题
            </button>
          )}
        </div>
        {titleField.messages}
      </div>
      <div className="field-row">
        <div className="field field--medium">
          <label htmlFor={body.input.id}>机关全称</label>
          <input {...body.input} />
          {body.messages}
        </div>
        <div className="field field--short">
          <span className="field__label">报告年度</span>
          <span className="field__static">{meta.year}年</span>
        </div>
      </div>
      <fieldset className="fieldset">
        <legend>联系方式（写入导语）</legend>
        <div className="field-row">
          {CONTACT_FIELDS.map(([key, label, placeholder]) => {
            const f = field(`contact.${key}`);
            return (
              <div key={key} className="field field--medium">
                <label htmlFor={f.input.id}>{label}</label>
                <input
                  {...f.input}
                  placeholder={placeholder || undefined}
                  inputMode={key === "postcode" ? "numeric" : undefined}
                />
                {f.messages}
              </div>
            );
          })}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>落款（印在文末）</legend>
        <div className="field-row">
          <div className="field field--medium">
            <label htmlFor={signature.input.id}>落款（机关名称）</label>
            <input {...signature.input} />
            <p id={`${signature.input.id}-hint`} className="field__hint">
              通常为机关全称。
            </p>
            {signature.messages}
          </div>
          <div className="field field--medium">
            <label htmlFor={date.input.id}>成文日期（落款日期）</label>
            <div className="field-inline">
              <input {...date.input} type="date" />
              {!readOnly && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setValue("signatureDate", toIsoDateInChina(new Date()), setDirty)}
                >
                  填入今天
                </button>
              )}
            </div>
            <p id={`${date.input.id}-hint`} className="field__hint">
              报告定稿、印发的日期，印在落款下方，也作为网页上的“成文日期”。
            </p>
            {date.messages}
          </div>
          <div className="field field--short">
            <span className="field__label">发布日期</span>
            <span className="field__static">
              {meta.publishedDate ? formatDateZh(meta.publishedDate) : "发布时自动填写"}
            </span>
          </div>
        </div>
      </fieldset>
    </form>
  );
}
