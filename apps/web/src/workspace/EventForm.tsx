import { Confidence, homeCurrency, type Stage, StageEvent, stageIds } from "@commitments/core";
import { confidenceAllowed, settableFields } from "@commitments/core/access";
import { useState } from "react";
import { actorOf } from "../account/access.ts";
import type { Session } from "../api.ts";
import { fieldId, InputField, SelectField, TextAreaField } from "../forms/Field.tsx";
import { useMessages } from "../i18n/index.ts";
import { CommitmentSelect } from "./CommitmentSelect.tsx";
import {
  emptyMeasure,
  emptyPeriod,
  emptySource,
  fromMeasure,
  fromPeriod,
  fromSources,
  type MeasureDraft,
  measureLike,
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
import type { DonorRecords, EventRead, Saved } from "./queries.ts";
import { SourcesFields } from "./SourcesFields.tsx";
import { sendTo } from "./send.ts";
import { useRecordForm } from "./useRecordForm.ts";

/** The body of a create, as the API's EventCreate checks it: core's StageEvent, id left to the API, not synthetic. */
const EventBody = StageEvent.omit({ id: true, synthetic: true });
const editable = settableFields.event.filter((f) => f !== "id");
interface EventDraft {
  commitment: string;
  stage: Stage | "";
  date: string;
  period: PeriodDraft;
  measure: MeasureDraft;
  confidence: Confidence | "";
  sources: SourceDraft[];
  note: string;
}

/** A dated, sourced step of a commitment: pledged, committed, allocated or delivered. */
export function EventForm({
  session,
  records,
  existing,
  copyOf,
  onSaved,
  onReload,
}: {
  session: Session;
  records: DonorRecords;
  existing?: EventRead | undefined;
  /** An event to start a new one from (Copy): reported by the ministry, whatever the copied one's confidence. */
  copyOf?: EventRead | undefined;
  onSaved: (saved: Saved) => void;
  onReload?: () => void;
}) {
  const from = existing ?? copyOf;
  const [draft, setDraft] = useState<EventDraft>(() =>
    from
      ? {
          commitment: from.commitment,
          stage: from.stage,
          date: from.date,
          period: fromPeriod(from.period),
          measure: fromMeasure(from.measure),
          confidence: existing ? existing.confidence : "reported_by_donor",
          sources: fromSources(from.sources),
          note: from.note ?? "",
        }
      : {
          commitment: "",
          stage: "",
          date: "",
          period: emptyPeriod(),
          measure: emptyMeasure(homeCurrency(session.organisation.party ?? "")),
          confidence: "reported_by_donor",
          sources: [emptySource()],
          note: "",
        },
  );
  const form = "event-form";
  // Who vouches for a figure is the role's to say: a ministry reports, only the recipient confirms receipt.
  const actor = actorOf(session);
  const confidences = Confidence.options.filter(
    (c) => confidenceAllowed(actor, c) || c === existing?.confidence,
  );

  const t = useMessages(messages);
  const { errorAt, frame } = useRecordForm({
    schema: EventBody,
    editable,
    existing,
    labelOf,
    record: (read) =>
      withoutAbsent({
        commitment: draft.commitment,
        stage: draft.stage,
        date: read.date("date", draft.date),
        period: toPeriod(draft.period, read),
        measure: toMeasure(draft.measure, read),
        confidence: draft.confidence,
        sources: toSources(draft.sources, read),
        note: optional(draft.note),
      }),
    send: sendTo("event", session, existing),
    onSaved,
  });

  const f = t.fields;
  const labels: Record<string, string> = {
    commitment: f.commitment,
    stage: f.stage,
    date: f.date,
    period: f.eventPeriod,
    "period.start": `${f.eventPeriod}: ${f.periodStart}`,
    "period.end": `${f.eventPeriod}: ${f.periodEnd}`,
    confidence: f.confidence,
    note: f.note,
  };
  function labelOf(path: string): string | undefined {
    return labels[path];
  }
  const id = (path: string) => fieldId(form, path);
  const set = (change: Partial<EventDraft>) => setDraft((d) => ({ ...d, ...change }));
  const commitmentTitle = records.commitments.find((c) => c.id === existing?.commitment)?.title ?? "";

  return (
    <FormFrame
      form={form}
      title={
        existing
          ? t.form.editEvent(t.stages[existing.stage], commitmentTitle)
          : copyOf
            ? t.form.copied(t.form.newEvent)
            : t.form.newEvent
      }
      existing={existing}
      onReload={onReload}
      frame={frame}
    >
      <CommitmentSelect
        id={id("commitment")}
        commitments={records.commitments}
        value={draft.commitment}
        error={errorAt("commitment")}
        onChange={(commitment, value) =>
          setDraft((d) => ({
            ...d,
            commitment: value,
            // Measured like its commitment, so its figures add up against what was promised.
            ...(existing || !commitment ? {} : { measure: measureLike(commitment.measure, d.measure) }),
          }))
        }
      />
      <div className="field-row">
        <SelectField
          id={id("stage")}
          label={f.stage}
          hint={f.stageHint}
          value={draft.stage}
          error={errorAt("stage")}
          onChange={(event) => set({ stage: event.target.value as Stage | "" })}
        >
          <option value="">{f.choose}</option>
          {stageIds.map((stage) => (
            <option key={stage} value={stage}>
              {t.stageChoices[stage]}
            </option>
          ))}
        </SelectField>
        <InputField
          id={id("date")}
          label={f.date}
          hint={f.dateHint}
          autoComplete="off"
          value={draft.date}
          error={errorAt("date")}
          onChange={(event) => set({ date: event.target.value })}
        />
      </div>
      <MeasureFields
        form={form}
        value={draft.measure}
        onChange={(measure) => set({ measure })}
        errorAt={errorAt}
      />
      <SelectField
        id={id("confidence")}
        label={f.confidence}
        hint={f.confidenceHint}
        value={draft.confidence}
        error={errorAt("confidence")}
        onChange={(event) => set({ confidence: event.target.value as Confidence | "" })}
      >
        {confidences.map((c) => (
          <option key={c} value={c}>
            {t.confidences[c]}
          </option>
        ))}
      </SelectField>
      <PeriodFields
        form={form}
        legend={f.eventPeriod}
        hint={f.eventPeriodHint}
        value={draft.period}
        onChange={(period) => set({ period })}
        errorAt={errorAt}
      />
      <SourcesFields
        form={form}
        value={draft.sources}
        onChange={(sources) => set({ sources })}
        errorAt={errorAt}
      />
      <TextAreaField
        id={id("note")}
        label={f.note}
        maxLength={2000}
        value={draft.note}
        error={errorAt("note")}
        onChange={(event) => set({ note: event.target.value })}
      />
    </FormFrame>
  );
}
