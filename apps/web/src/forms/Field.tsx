import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";

/** The id of a form's field for a record path ("measure.amount"): the error summary links to it. */
export function fieldId(form: string, path: string): string {
  return `${form}-${path.replaceAll(".", "-")}`;
}

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** A field's label, hint and error; the id is given where something links to the field (the error summary). */
interface Framing {
  id?: string | undefined;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** The ids of the hint and the error that are shown, for aria-describedby. */
function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** The hint and the error of a field or a group, where the eye and the screen reader find them. */
function Notes({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
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
    </>
  );
}

/**
 * A labelled control (input, textarea or select) with its hint and its error beside it. The error is tied to the
 * control (aria-describedby, aria-invalid), so a screen reader announces it with the field, and it is read where
 * the eye already is.
 */
export function FormField({
  id: given,
  label,
  hint,
  error,
  children,
}: Framing & { children: (control: ControlProps) => ReactNode }) {
  const generated = useId();
  const id = given ?? generated;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      <Notes id={id} hint={hint} error={error} />
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy(id, hint, error),
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
}: Framing & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(control) => <input {...input} {...control} />}
    </FormField>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  ...select
}: Framing & SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </FormField>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  ...area
}: Framing & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(control) => <textarea rows={3} {...area} {...control} />}
    </FormField>
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
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`field-group${error ? " field-group-invalid" : ""}${className ? ` ${className}` : ""}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>{legend}</legend>
      <Notes id={id} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}
