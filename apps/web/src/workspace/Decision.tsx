import { useEffect, useId, useRef, useState } from "react";
import { useMessages } from "../i18n/index.ts";
import { reviewMessages } from "./review-messages.ts";

/*
 * The two steps before an approver's decision takes effect: a confirmation that says what becomes public, and a
 * reason, required, for a return (or an editor's retraction). Both take focus when they open, so a keyboard or
 * screen-reader user lands on what is asked.
 */

/** "This becomes public": the step between choosing to publish and publishing. */
export function ConfirmStep({
  text,
  confirm,
  busy,
  onConfirm,
  onCancel,
}: {
  text: string;
  confirm: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useMessages(reviewMessages);
  const lead = useRef<HTMLParagraphElement>(null);
  useEffect(() => lead.current?.focus(), []);
  return (
    <div className="decision-confirm">
      <p tabIndex={-1} ref={lead}>
        {text}
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}

/** Minimal reason the API accepts (core's `Reason`: at least 3 characters once trimmed). */
export const reasonIsValid = (reason: string) => reason.trim().length >= 3;

/** A required reason, checked here before anything is sent: the error stands at the field. */
export function ReasonStep({
  lead,
  label,
  hint,
  error,
  submit,
  busy,
  onSubmit,
  onCancel,
}: {
  /** What the step does, said before the field: what becomes public, say. */
  lead?: string;
  label: string;
  hint: string;
  /** What the field says when the reason is missing or too short. */
  error: string;
  submit: string;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const t = useMessages(reviewMessages);
  const id = useId();
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  return (
    <form
      className="decision-reason"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!reasonIsValid(reason)) {
          setInvalid(true);
          field.current?.focus();
          return;
        }
        setInvalid(false);
        onSubmit(reason.trim());
      }}
    >
      {lead ? <p>{lead}</p> : null}
      <div className="field">
        <label htmlFor={`${id}-reason`}>{label}</label>
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
        {invalid ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <textarea
          id={`${id}-reason`}
          ref={field}
          rows={3}
          value={reason}
          required
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {submit}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
