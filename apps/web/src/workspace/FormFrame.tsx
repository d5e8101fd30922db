import type { WorkflowStatus } from "@commitments/core/access";
import { type ReactNode, useEffect, useRef } from "react";
import { formatMoment } from "../format.ts";
import { fieldId, TextAreaField } from "../forms/Field.tsx";
import { useLang, useMessages } from "../i18n/index.ts";
import { ViewLink } from "../ViewLink.tsx";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { messages } from "./messages.ts";
import type { RecordFormFrame } from "./useRecordForm.ts";

/**
 * What every record form has around its fields: its heading (focused when the form opens, so a screen reader
 * says where the person is), where the record stands in its workflow, the notice that someone else saved it
 * first, the summary of its problems, the reason a correction needs, and the buttons.
 */
export function FormFrame({
  form,
  title,
  existing,
  onReload,
  frame: { onSubmit, errors, labelOf, summary, conflict, conflictNotice, saving, reason, setReason },
  children,
}: {
  form: string;
  title: string;
  existing?: { version: number; status: WorkflowStatus; recordedAt: string } | undefined;
  onReload?: (() => void) | undefined;
  /** The form's state, from useRecordForm. */
  frame: RecordFormFrame;
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
      <ErrorSummary form={form} errors={errors} labelOf={labelOf} ref={summary} />
      {children}
      {existing ? (
        <ReasonField
          id={fieldId(form, "reason")}
          value={reason}
          onChange={setReason}
          error={errors.fields.reason}
        />
      ) : null}
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
function ReasonField({
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
