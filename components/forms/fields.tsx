"use client";

import { useId, type ReactNode } from "react";
import { useFormContext } from "react-hook-form";
import { useServerSide } from "./action-form";

// The labelled controls of ActionForm: each is registered with react-hook-form, rendered with its default value
// (so the page works before and without JavaScript), and tied to its hint and error by aria-describedby.

export interface Option {
  value: string;
  label: string;
}

interface Common {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  size?: "short" | "medium";
}

function useField(name: string, hint?: ReactNode) {
  const id = useId();
  const { register, getFieldState, formState } = useFormContext();
  const server = useServerSide();
  const error = getFieldState(name, formState).error?.message ?? server.errors[name];
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return {
    id,
    error,
    defaultValue: server.defaults[name],
    control: {
      ...register(name),
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy || undefined,
    },
  };
}

const asText = (value: unknown) => (typeof value === "string" ? value : undefined);

function Label({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={htmlFor}>
      {label}
      {required && <span className="field__required">（必填）</span>}
    </label>
  );
}

function Extras({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </>
  );
}

const fieldClass = (size?: "short" | "medium") => (size ? `field field--${size}` : "field");

interface TextFieldProps extends Common {
  type?: "text" | "password" | "email" | "tel" | "url" | "date" | "datetime-local";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "tel" | "email" | "url";
}

export function TextField({ name, label, hint, required, size, ...input }: TextFieldProps) {
  const { id, error, defaultValue, control } = useField(name, hint);
  return (
    <div className={fieldClass(size)}>
      <Label htmlFor={id} label={label} required={required} />
      <input id={id} required={required} defaultValue={asText(defaultValue)} {...input} {...control} />
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({ name, label, hint, required }: Common) {
  const { id, error, defaultValue, control } = useField(name, hint);
  return (
    <div className="field">
      <Label htmlFor={id} label={label} required={required} />
      <textarea
        id={id}
        rows={3}
        className="field__textarea--short"
        required={required}
        defaultValue={asText(defaultValue)}
        {...control}
      />
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

interface SelectFieldProps extends Common {
  options: Option[];
  placeholder?: string;
  /** Called with the chosen value before the form takes it, so the form still holds the previous one. */
  onValueChange?(value: string): void;
}

export function SelectField(props: SelectFieldProps) {
  const { name, label, hint, required, size, options, placeholder, onValueChange } = props;
  const { id, error, defaultValue, control } = useField(name, hint);
  const onChange: typeof control.onChange = (event) => {
    onValueChange?.((event.target as HTMLSelectElement).value);
    return control.onChange(event);
  };
  return (
    <div className={fieldClass(size)}>
      <Label htmlFor={id} label={label} required={required} />
      <select
        id={id}
        required={required}
        defaultValue={asText(defaultValue)}
        {...control}
        onChange={onChange}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

interface CheckboxProps {
  name: string;
  label: string;
  hint?: ReactNode;
  /** For one checkbox of a group sharing `name`: the value it adds to the list. */
  value?: string;
}

export function CheckboxField({ name, label, hint, value }: CheckboxProps) {
  const { id, error, defaultValue, control } = useField(name, hint);
  const checked = Array.isArray(defaultValue)
    ? value !== undefined && defaultValue.includes(value)
    : defaultValue === true || defaultValue === "on" || (value !== undefined && defaultValue === value);
  return (
    <div className="field field--check">
      <input id={id} type="checkbox" value={value} defaultChecked={checked} {...control} />
      <label htmlFor={id}>{label}</label>
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

interface RadioGroupProps extends Common {
  options: (Option & { hint?: string })[];
}

export function RadioGroup({ name, label, options }: RadioGroupProps) {
  const { id, error, defaultValue, control } = useField(name);
  return (
    <fieldset className="fieldset fieldset--plain" aria-describedby={control["aria-describedby"]}>
      <legend>{label}</legend>
      {options.map((o) => (
        <div key={o.value} className="field field--check">
          <input
            {...control}
            id={`${id}-${o.value}`}
            type="radio"
            value={o.value}
            defaultChecked={defaultValue === o.value}
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
      <Extras id={id} error={error} />
    </fieldset>
  );
}
