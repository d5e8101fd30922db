import type { RecordRef } from "@commitments/core";
import { type FormEvent, useEffect, useId, useState } from "react";
import { client } from "../api.ts";
import { FormField } from "../forms/Field.tsx";
import { useMessages } from "../i18n/index.ts";
import { messages } from "./messages.ts";
import { AnnotationBody, emptySource, type SourceDraft, sourceOf } from "./remarkSchemas.ts";
import { SourceFields } from "./SourceFields.tsx";
import { useRemarkForm } from "./useRemarkForm.ts";

const fieldOrder = ["text", "sources.0.title", "sources.0.url", "sources.0.kind", "sources"];

/**
 * An analyst's note on a published record, with a source if there is one. Checked with core's schema before it is
 * sent; the API's refusals are placed at the field they name.
 */
export function AnnotationForm({
  target,
  what,
  commitmentId,
  onCancel,
  onDone,
}: {
  target: RecordRef;
  what: string;
  commitmentId: string;
  onCancel: () => void;
  onDone: (notice: string) => void;
}) {
  const t = useMessages(messages);
  const titleId = useId();
  const [text, setText] = useState("");
  const [source, setSource] = useState<SourceDraft>(emptySource());
  const { errors, register, controls, formError, send, sending } = useRemarkForm({
    fieldOrder,
    schema: AnnotationBody,
    post: (json, init) => client.v1.annotations.$post({ json }, init),
    commitmentId,
    notice: t.actions.annotated,
    onDone,
  });
  useEffect(() => controls.current.get("text")?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The source is optional: a title or an address typed makes it one, to be checked whole.
    const withSource = source.title.trim() !== "" || source.url.trim() !== "";
    const body = { target, text, ...(withSource ? { sources: [sourceOf(source)] } : {}) };
    send(body);
  }

  return (
    <form
      className="form remark-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={titleId}
      data-remark-form="annotation"
    >
      <h3 id={titleId}>{t.form.annotateTitle(what)}</h3>
      {errors.form ? (
        <p className="form-error" role="alert" tabIndex={-1} ref={formError}>
          {errors.form}
        </p>
      ) : null}
      <FormField label={t.form.text} error={errors.text}>
        {(control) => (
          <textarea
            {...control}
            ref={register("text")}
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </FormField>
      <fieldset className="field source-fields">
        <legend>{t.form.optionalSource}</legend>
        {errors.sources ? <p className="field-error">{errors.sources}</p> : null}
        <SourceFields index={0} source={source} errors={errors} register={register} onChange={setSource} />
      </fieldset>
      <p className="button-row">
        <button type="submit" className="button" disabled={sending}>
          {sending ? t.form.sending : t.form.submitNote}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t.form.cancel}
        </button>
      </p>
    </form>
  );
}
