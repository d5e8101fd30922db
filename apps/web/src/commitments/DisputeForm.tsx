import type { Measure, RecordRef } from "@commitments/core";
import { type FormEvent, useEffect, useId, useState } from "react";
import { client } from "../api.ts";
import { formatMeasure, type Lang } from "../format.ts";
import { FormField } from "../forms/Field.tsx";
import { useLang, useMessages } from "../i18n/index.ts";
import { label } from "../i18n/vocabulary.ts";
import { messages } from "./messages.ts";
import { DisputeBody, emptySource, figureOf, type SourceDraft, sourceOf } from "./remarkSchemas.ts";
import { SourceFields } from "./SourceFields.tsx";
import { useRemarkForm } from "./useRemarkForm.ts";

/** The order fields are visited in, so focus goes to the first one at fault. */
const fieldOrder = (sources: number) => [
  "figure",
  "statement",
  ...Array.from({ length: sources }, (_, i) => [
    `sources.${i}.title`,
    `sources.${i}.url`,
    `sources.${i}.kind`,
  ]).flat(),
  "sources",
];

/** What a figure is counted in, for its label: "EUR", or "155mm shells, rounds". */
export function unitOf(measure: Measure, lang: Lang): string {
  return measure.kind === "money"
    ? measure.currency
    : `${measure.item}, ${label("quantityUnit", measure.unit, lang)}`;
}

/**
 * Dispute a published figure: the organisation's own figure, in the record's currency or unit, why, and the
 * evidence. Checked with core's schema before it is sent; the API's refusals are placed at the field they name.
 */
export function DisputeForm({
  target,
  recorded,
  what,
  commitmentId,
  onCancel,
  onDone,
}: {
  target: RecordRef;
  recorded: Measure;
  /** What is disputed, to follow "Dispute": "the delivery of 15 July 2024". */
  what: string;
  commitmentId: string;
  onCancel: () => void;
  onDone: (notice: string) => void;
}) {
  const t = useMessages(messages);
  const lang = useLang();
  const titleId = useId();
  const [figure, setFigure] = useState("");
  const [statement, setStatement] = useState("");
  const [sources, setSources] = useState<SourceDraft[]>([emptySource()]);
  const { errors, register, controls, formError, send, sending } = useRemarkForm({
    fieldOrder: fieldOrder(sources.length),
    schema: DisputeBody,
    post: (json, init) => client.v1.disputes.$post({ json }, init),
    commitmentId,
    notice: t.actions.disputed,
    onDone,
  });
  useEffect(() => controls.current.get("figure")?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = figureOf(figure, recorded, lang);
    const body = {
      target,
      statement,
      ...(typed ? { figure: typed } : {}),
      sources: sources.map(sourceOf),
    };
    send(body);
  }

  const sourcesErrorId = `${titleId}-sources-error`;
  return (
    <form
      className="form remark-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={titleId}
      data-remark-form="dispute"
    >
      <h3 id={titleId}>{t.form.disputeTitle(what)}</h3>
      <p className="field-hint">{t.form.recorded(formatMeasure(recorded, { exact: true, lang }))}</p>
      {errors.form ? (
        <p className="form-error" role="alert" tabIndex={-1} ref={formError}>
          {errors.form}
        </p>
      ) : null}
      <FormField label={t.form.figure(unitOf(recorded, lang))} hint={t.form.figureHint} error={errors.figure}>
        {(control) => (
          <input
            {...control}
            ref={register("figure")}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={figure}
            onChange={(event) => setFigure(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t.form.statement} hint={t.form.statementHint} error={errors.statement}>
        {(control) => (
          <textarea
            {...control}
            ref={register("statement")}
            rows={3}
            value={statement}
            onChange={(event) => setStatement(event.target.value)}
          />
        )}
      </FormField>
      <fieldset className="field evidence" aria-describedby={errors.sources ? sourcesErrorId : undefined}>
        <legend>{t.form.sources}</legend>
        {errors.sources ? (
          <p id={sourcesErrorId} className="field-error">
            {errors.sources}
          </p>
        ) : null}
        {sources.map((source, i) => (
          // Sources are edited in place and removed by position: the index is their identity while the form is open.
          <fieldset key={i} className="source-fields">
            <legend>{t.form.sourceLegend(i + 1)}</legend>
            <SourceFields
              index={i}
              source={source}
              errors={errors}
              register={register}
              onChange={(next) => setSources(sources.map((s, j) => (j === i ? next : s)))}
            />
            {sources.length > 1 ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setSources(sources.filter((_, j) => j !== i))}
              >
                {t.form.removeSource(i + 1)}
              </button>
            ) : null}
          </fieldset>
        ))}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setSources([...sources, emptySource()])}
        >
          {t.form.addSource}
        </button>
      </fieldset>
      <p className="button-row">
        <button type="submit" className="button" disabled={sending}>
          {sending ? t.form.sending : t.form.submitDispute}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t.form.cancel}
        </button>
      </p>
    </form>
  );
}
