"use client";

import { useId, type ReactNode } from "react";
import { useFieldError } from "./action-form";

// Labelled form controls for ActionForm: every input has a visible label, an optional hint and its error,
// both tied to the input with aria-describedby.

interface Common {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  size?: "short" | "medium";
}

const fieldClass = (size?: "short" | "medium") => (size ? `field field--${size}` : "field");

function useDescribed(name: string, hint?: ReactNode) {
  const id = useId();
  const error = useFieldError(name);
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, error, describedBy: describedBy || undefined };
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={htmlFor}>
      {label}
      {required && <span className="field__required">（必填）</span>}
    </label>
  );
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="field__hint">
      {hint}
    </p>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="field__error">
      {error}
    </p>
  ) : null;
}

interface TextFieldProps extends Common {
  defaultValue?: string;
  type?: "text" | "password" | "email" | "tel" | "url" | "number" | "date";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "tel" | "email" | "url";
}

export function TextField({ name, label, hint, required, size, ...input }: TextFieldProps) {
  const { id, error, describedBy } = useDescribed(name, hint);
  return (
    <div className={fieldClass(size)}>
      <Label htmlFor={id} label={label} required={required} />
      <Hint id={id} hint={hint} />
      <input
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps extends Common {
  options: Option[];
  defaultValue?: string;
  value?: string;
  onChange?(value: string): void;
  placeholder?: string;
}

export function SelectField(props: SelectFieldProps) {
  const { name, label, hint, required, size, options, placeholder, onChange, ...rest } = props;
  const { id, error, describedBy } = useDescribed(name, hint);
  return (
    <div className={fieldClass(size)}>
      <Label htmlFor={id} label={label} required={required} />
      <Hint id={id} hint={hint} />
      <select
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
}

interface CheckboxProps {
  name: string;
  label: string;
  hint?: ReactNode;
  defaultChecked?: boolean;
  /** For a checkbox inside a group named `name[]`. */
  value?: string;
}

export function CheckboxField({ name, label, hint, defaultChecked, value }: CheckboxProps) {
  const { id, error, describedBy } = useDescribed(name, hint);
  return (
    <div className="field field--check">
      <input
        id={id}
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        aria-describedby={describedBy}
      />
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <ErrorText id={id} error={error} />
    </div>
  );
}

interface RadioGroupProps extends Common {
  options: (Option & { hint?: string })[];
  value: string;
  onChange(value: string): void;
}

export function RadioGroup({ name, label, options, value, onChange }: RadioGroupProps) {
  const id = useId();
  return (
    <fieldset className="fieldset fieldset--plain">
      <legend>{label}</legend>
      {options.map((o) => (
        <div key={o.value} className="field field--check">
          <input
            id={`${id}-${o.value}`}
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          {o.hint && (
            <p id={`${id}-${o.value}-hint`} className="field__hint">
              {o.hint}
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}
