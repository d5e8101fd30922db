import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/** The id of a form's field for a record path ("measure.amount"): the error summary links to it. */
export function fieldId(form: string, path: string): string {
  return `${form}-${path.replaceAll(".", "-")}`;
}

interface Framing {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/**
 * The label, hint and error around one control, tied to it (aria-describedby, aria-invalid) so a screen reader
 * announces the error with the field, and the eye finds it where it is already looking. As account/Field.tsx,
 * but with the id given (the error summary links to it) and for selects and text areas too.
 */
function Frame({ id, label, hint, error, children }: Framing & { children: (aria: object) => ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
    </div>
  );
}

export function InputField({
  id,
  label,
  hint,
  error,
  ...input
}: Framing & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      {(aria) => <input {...input} {...aria} />}
    </Frame>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  ...select
}: Framing & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <select {...select} {...aria}>
          {children}
        </select>
      )}
    </Frame>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  ...area
}: Framing & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      {(aria) => <textarea rows={3} {...area} {...aria} />}
    </Frame>
  );
}

/**
 * A group of fields under a legend (a measure, a period, a source), with an error of the group as a whole (no
 * source at all, a period that ends before it starts). It takes focus from the error summary's link.
 */
export function FieldGroup({
  id,
  legend,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`field-group${error ? " field-group-invalid" : ""}${className ? ` ${className}` : ""}`}
      aria-describedby={describedBy || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
