"use client";

import { useId } from "react";
import { useFieldError } from "@/components/admin/action-form";

// Labelled multi-line text and date-time inputs for ActionForm, with their hint and error tied to the control.

interface Props {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  defaultValue?: string;
}

function useDescribed(name: string, hint?: string) {
  const id = useId();
  const error = useFieldError(name);
  const describedBy =
    [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return { id, error, describedBy };
}

function Extras({ id, hint, error }: { id: string; hint?: string; error?: string }) {
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

function Label({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={htmlFor}>
      {label}
      {required && <span className="field__required">（必填）</span>}
    </label>
  );
}

export function TextAreaField({ name, label, hint, required, defaultValue }: Props) {
  const { id, error, describedBy } = useDescribed(name, hint);
  return (
    <div className="field">
      <Label htmlFor={id} label={label} required={required} />
      <textarea
        id={id}
        name={name}
        rows={3}
        className="field__textarea--short"
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

export function DateTimeField({ name, label, hint, required, defaultValue }: Props) {
  const { id, error, describedBy } = useDescribed(name, hint);
  return (
    <div className="field field--medium">
      <Label htmlFor={id} label={label} required={required} />
      <input
        id={id}
        name={name}
        type="datetime-local"
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}
