import type { WorkflowStatus } from "@commitments/core/access";
import { type FormEvent, type ReactNode, type Ref, useEffect, useRef } from "react";
import { formatMoment } from "../i18n/format.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { ViewLink } from "../ViewLink.tsx";
import { TextAreaField } from "./FormField.tsx";
import { messages } from "./messages.ts";

/**
 * What every record form has around its fields: its heading (focused when the form opens, so a screen reader
 * says where the person is), where the record stands in its workflow, the notice that someone else saved it
 * first, and the buttons.
 */
export function FormFrame({
  form,
  title,
  existing,
  conflict,
  conflictNotice,
  onReload,
  saving,
  onSubmit,
  children,
}: {
  form: string;
  title: string;
  existing?: { version: number; status: WorkflowStatus; recordedAt: string } | undefined;
  conflict: boolean;
  conflictNotice: Ref<HTMLDivElement>;
  onReload?: (() => void) | undefined;
  saving: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const t = useMessages(messages);
  const lang = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <form
      className="form workspace-form"
      id={form}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${form}-heading`}
    >
      <h2 id={`${form}-heading`} tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {existing ? (
        <p className="record-standing">
          <span className={`status status-${existing.status}`}>{t.statuses[existing.status]}</span>{" "}
          {t.form.standing(existing.version, formatMoment(lang, existing.recordedAt))}
        </p>
      ) : null}
      <p className="field-hint">{t.form.notes[existing?.status ?? "new"]}</p>
      {conflict ? (
        <div className="conflict" role="alert" tabIndex={-1} ref={conflictNotice}>
          <h3>{t.form.conflictTitle}</h3>
          <p>{t.form.conflictText}</p>
          {onReload ? (
            <p>
              <button type="button" className="button" onClick={onReload}>
                {t.form.reload}
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
      {children}
      <p className="button-row">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t.form.saving : existing ? t.form.saveCorrection : t.form.saveDraft}
        </button>
        <ViewLink params={{ view: "workspace" }} className="button button-secondary">
          {t.form.cancel}
        </ViewLink>
      </p>
    </form>
  );
}

/** Why a record is changed: kept on its change set and shown in its history. */
export function ReasonField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const t = useMessages(messages).form;
  return (
    <TextAreaField
      id={id}
      label={t.reason}
      hint={t.reasonHint}
      maxLength={2000}
      rows={2}
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
