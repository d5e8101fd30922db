import { type CategoryId, CommitmentRecord, categoryIds, homeCurrency } from "@commitments/core";
import { settableFields } from "@commitments/core/access";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { agreementsQuery, partiesQuery, type Session } from "../api.ts";
import { fieldId, InputField, SelectField, TextAreaField } from "../forms/Field.tsx";
import { agreementTitle, byAgreementTitle } from "../i18n/agreements.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import {
  emptyMeasure,
  emptyPeriod,
  emptySource,
  fromMeasure,
  fromPeriod,
  fromSources,
  type MeasureDraft,
  optional,
  type PeriodDraft,
  type SourceDraft,
  toMeasure,
  toPeriod,
  toSources,
  withoutAbsent,
} from "./drafts.ts";
import { FormFrame } from "./FormFrame.tsx";
import { MeasureFields, PeriodFields } from "./MeasureFields.tsx";
import { messages } from "./messages.ts";
import { PromiseFields } from "./PromiseFields.tsx";
import { PromisePreview } from "./PromisePreview.tsx";
import { checkPromise, emptyPromise, type PromiseDraft, promiseParts } from "./promise.ts";
import { promiseMessages } from "./promise-messages.ts";
import type { CommitmentRead, Saved } from "./queries.ts";
import { SourcesFields } from "./SourcesFields.tsx";
import { sendPromise, sendTo } from "./send.ts";
import { useRecordForm } from "./useRecordForm.ts";

/**
 * The body of a create, checked as the API checks it: its CommitmentCreate is core's CommitmentRecord with the id
 * left to the API. `synthetic` is the tracker's own flag, which a ministry may not set.
 */
const CommitmentBody = CommitmentRecord.omit({ id: true, synthetic: true });
/** What a ministry may change in an update: its settable fields, less the id and the schedule (tranches of its own). */
const editable = settableFields.commitment.filter((f) => f !== "id" && f !== "schedule");
interface CommitmentDraft {
  recipient: string;
  agreement: string;
  title: string;
  category: CategoryId | "";
  measure: MeasureDraft;
  measureBasis: "total" | "per_year";
  period: PeriodDraft;
  conditions: string;
  sources: SourceDraft[];
}

function draftOf(existing: CommitmentRead | undefined, party: string): CommitmentDraft {
  if (!existing)
    return {
      recipient: "UA",
      agreement: "",
      title: "",
      category: "",
      measure: emptyMeasure(homeCurrency(party)),
      measureBasis: "total",
      period: emptyPeriod(),
      conditions: "",
      sources: [emptySource()],
    };
  return {
    recipient: existing.recipient,
    agreement: existing.agreement ?? "",
    title: existing.title,
    category: existing.category,
    measure: fromMeasure(existing.measure),
    measureBasis: existing.measureBasis,
    period: fromPeriod(existing.period),
    conditions: existing.conditions.join("\n"),
    sources: fromSources(existing.sources),
  };
}

/** A new commitment of the ministry's country, saved as its draft; or a correction of one, with the reason. */
export function CommitmentForm({
  session,
  party,
  existing,
  copyOf,
  onSaved,
  onReload,
}: {
  session: Session;
  party: string;
  existing?: CommitmentRead | undefined;
  /** A record to start a new one from (Copy): its fields, none of its identity or history. */
  copyOf?: CommitmentRead | undefined;
  onSaved: (saved: Saved) => void;
  onReload?: () => void;
}) {
  const lang = useLang();
  const parties = useQuery(partiesQuery);
  const agreements = useQuery(agreementsQuery);
  const [draft, setDraft] = useState(() => draftOf(existing ?? copyOf, party));
  // A new commitment is entered with its promise: the stage its amount reached, and its schedule.
  const [promise, setPromise] = useState<PromiseDraft>(emptyPromise);
  const promiseWords = useMessages(promiseMessages);
  const form = "commitment-form";
  const partyName = (id: string) => {
    const found = parties.data?.find((p) => p.id === id);
    return (lang === "uk" ? found?.nameUk : undefined) ?? found?.name ?? id;
  };

  // By name in the page's language, as a clerk looks for a country (the codes' order reads as no order).
  const recipients = (parties.data?.map((p) => p.id) ?? [draft.recipient])
    .map((id) => ({ id, name: partyName(id) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));

  const t = useMessages(messages);
  const { errorAt, frame } = useRecordForm({
    schema: CommitmentBody,
    editable,
    existing,
    labelOf,
    record: (read) =>
      withoutAbsent({
        donor: party,
        recipient: draft.recipient,
        agreement: optional(draft.agreement),
        title: draft.title.trim(),
        category: draft.category,
        measure: toMeasure(draft.measure, read),
        measureBasis: draft.measureBasis,
        period: toPeriod(draft.period, read),
        conditions: draft.conditions
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
        sources: toSources(draft.sources, read),
      }),
    alsoCheck: (read) => checkPromise(promiseParts(promise, draft, read), t.errors),
    send: existing
      ? sendTo("commitment", session, existing)
      : sendPromise(
          session,
          () => ({ draft: promise, basis: draft, lang }),
          sendTo("commitment", session, existing),
          promiseWords,
        ),
    onSaved,
  });

  const f = t.fields;
  const labels: Record<string, string> = {
    recipient: f.recipient,
    agreement: f.agreement,
    title: f.title,
    category: f.category,
    measureBasis: f.measureBasis,
    period: f.period,
    "period.start": `${f.period}: ${f.periodStart}`,
    "period.end": `${f.period}: ${f.periodEnd}`,
    conditions: f.conditions,
  };
  function labelOf(path: string): string | undefined {
    if (path.startsWith("conditions.")) return f.conditions;
    return labels[path];
  }
  const id = (path: string) => fieldId(form, path);
  const set = (change: Partial<CommitmentDraft>) => setDraft((d) => ({ ...d, ...change }));

  return (
    <FormFrame
      form={form}
      title={
        existing
          ? t.form.editCommitment(existing.title)
          : copyOf
            ? t.form.copied(t.form.newCommitment)
            : t.form.newCommitment
      }
      existing={existing}
      onReload={onReload}
      frame={frame}
    >
      <InputField id={id("donor")} label={f.donor} hint={f.donorHint} value={partyName(party)} readOnly />
      <InputField
        id={id("title")}
        label={f.title}
        hint={f.titleHint}
        maxLength={500}
        value={draft.title}
        error={errorAt("title")}
        onChange={(event) => set({ title: event.target.value })}
      />
      <div className="field-row">
        <SelectField
          id={id("recipient")}
          label={f.recipient}
          value={draft.recipient}
          error={errorAt("recipient")}
          onChange={(event) => set({ recipient: event.target.value })}
        >
          {recipients.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={id("category")}
          label={f.category}
          value={draft.category}
          error={errorAt("category")}
          onChange={(event) => set({ category: event.target.value as CategoryId | "" })}
        >
          <option value="">{f.choose}</option>
          {categoryIds.map((category) => (
            <option key={category} value={category}>
              {t.categories[category]}
            </option>
          ))}
        </SelectField>
      </div>
      <SelectField
        id={id("agreement")}
        label={f.agreement}
        hint={f.agreementHint}
        value={draft.agreement}
        error={errorAt("agreement")}
        onChange={(event) => set({ agreement: event.target.value })}
      >
        <option value="">{f.agreementNone}</option>
        {byAgreementTitle(agreements.data ?? [], lang).map((a) => (
          <option key={a.id} value={a.id}>
            {agreementTitle(a, lang)}
          </option>
        ))}
      </SelectField>
      <MeasureFields
        form={form}
        value={draft.measure}
        onChange={(measure) => set({ measure })}
        errorAt={errorAt}
      />
      <fieldset className="field-group" id={id("measureBasis")} tabIndex={-1}>
        <legend>{f.measureBasis}</legend>
        {errorAt("measureBasis") ? <p className="field-error">{errorAt("measureBasis")}</p> : null}
        {(["total", "per_year"] as const).map((basis) => (
          <label key={basis} className="choice">
            <input
              type="radio"
              name={id("measureBasis-choice")}
              value={basis}
              checked={draft.measureBasis === basis}
              onChange={() => set({ measureBasis: basis })}
            />{" "}
            {f.bases[basis]}
          </label>
        ))}
      </fieldset>
      <PeriodFields
        form={form}
        legend={f.period}
        hint={f.periodHint}
        value={draft.period}
        onChange={(period) => set({ period })}
        errorAt={errorAt}
      />
      <TextAreaField
        id={id("conditions")}
        label={f.conditions}
        hint={f.conditionsHint}
        value={draft.conditions}
        error={errorAt("conditions")}
        onChange={(event) => set({ conditions: event.target.value })}
      />
      <SourcesFields
        form={form}
        value={draft.sources}
        onChange={(sources) => set({ sources })}
        errorAt={errorAt}
      />
      {existing ? null : (
        <>
          <PromiseFields
            form={form}
            value={promise}
            onChange={setPromise}
            unitWord={draft.measure.kind === "money" ? draft.measure.currency : t.measure.count}
            errorAt={errorAt}
          />
          <PromisePreview promise={promise} basis={draft} />
        </>
      )}
    </FormFrame>
  );
}
