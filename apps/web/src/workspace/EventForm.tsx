import { Confidence, type Stage, StageEvent, stageIds } from "@commitments/core";
import { confidenceAllowed, settableFields } from "@commitments/core/access";
import { useState } from "react";
import { actorOf } from "../account/access.ts";
import { apiError, client, csrfHeaders, type Session } from "../api.ts";
import { useMessages } from "../i18n/index.ts";
import { CommitmentSelect } from "./CommitmentSelect.tsx";
import {
  changedFields,
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
import { ErrorSummary } from "./ErrorSummary.tsx";
import { fieldId, InputField, SelectField, TextAreaField } from "./FormField.tsx";
import { FormFrame, ReasonField } from "./FormFrame.tsx";
import { MeasureFields, PeriodFields } from "./MeasureFields.tsx";
import { messages } from "./messages.ts";
import type { DonorRecords, EventRead, Saved } from "./queries.ts";
import { SourcesFields } from "./SourcesFields.tsx";
import { useRecordForm } from "./useRecordForm.ts";
import { check, sharedLabel } from "./validation.ts";

/** The body of a create, as the API's EventCreate checks it: core's StageEvent, id left to the API, not synthetic. */
const EventBody = StageEvent.omit({ id: true, synthetic: true });
const editable = settableFields.event.filter((f) => f !== "id");
/** What a save sends: a new record, or the fields an update changes and why. */
type Body =
  | { kind: "create"; record: ReturnType<typeof EventBody.parse> }
  | { kind: "update"; set: Record<string, unknown>; reason: string };

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
  onSaved,
  onReload,
}: {
  session: Session;
  records: DonorRecords;
  existing?: EventRead | undefined;
  onSaved: (saved: Saved) => void;
  onReload?: () => void;
}) {
  const [draft, setDraft] = useState<EventDraft>(() =>
    existing
      ? {
          commitment: existing.commitment,
          stage: existing.stage,
          date: existing.date,
          period: fromPeriod(existing.period),
          measure: fromMeasure(existing.measure),
          confidence: existing.confidence,
          sources: fromSources(existing.sources),
          note: existing.note ?? "",
        }
      : {
          commitment: "",
          stage: "",
          date: "",
          period: emptyPeriod(),
          measure: emptyMeasure(),
          confidence: "reported_by_donor",
          sources: [emptySource()],
          note: "",
        },
  );
  const [reason, setReason] = useState("");
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const form = "event-form";
  // Who vouches for a figure is the role's to say: a ministry reports, only the recipient confirms receipt.
  const actor = actorOf(session);
  const confidences = Confidence.options.filter(
    (c) => confidenceAllowed(actor, c) || c === existing?.confidence,
  );

  const t = useMessages(messages);
  const { submit, errors, errorAt, summary, saving, ...state } = useRecordForm<Body>({
    labelOf: (path) => labelOf(path),
    prepare: () => {
      const record = withoutAbsent({
        commitment: draft.commitment,
        stage: draft.stage,
        date: draft.date.trim(),
        period: toPeriod(draft.period),
        measure: toMeasure(draft.measure),
        confidence: draft.confidence,
        sources: toSources(draft.sources),
        note: optional(draft.note),
      });
      const checked = check(EventBody, record, t.errors);
      const problems: Record<string, string> = checked.ok ? {} : { ...checked.errors };
      if (existing && reason.trim().length < 3) problems.reason = t.errors.reason;
      if (!checked.ok || Object.keys(problems).length > 0) return { ok: false, errors: { fields: problems } };
      if (!existing) return { ok: true, body: { kind: "create" as const, record: checked.record } };
      const set = changedFields(existing, checked.record, editable);
      if (Object.keys(set).length === 0)
        return { ok: false, errors: { fields: {}, form: t.form.nothingChanged } };
      return { ok: true, body: { kind: "update" as const, set, reason: reason.trim() } };
    },
    send: async (body) => {
      const response =
        body.kind === "create"
          ? await client.v1.events.$post(
              { json: body.record, header: { "idempotency-key": idempotencyKey } },
              csrfHeaders(session),
            )
          : await client.v1.events[":id"].$patch(
              {
                param: { id: existing?.id ?? "" },
                header: { "if-match": `"${existing?.version}"` },
                json: { set: body.set, reason: body.reason },
              },
              csrfHeaders(session),
            );
      if (!response.ok) throw await apiError(response);
      const { data } = await response.json();
      return { kind: "event", id: data.id, version: data.version, status: data.status };
    },
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
    reason: t.form.reason,
  };
  function labelOf(path: string): string | undefined {
    return labels[path] ?? sharedLabel(t, path);
  }
  const id = (path: string) => fieldId(form, path);
  const set = (change: Partial<EventDraft>) => setDraft((d) => ({ ...d, ...change }));
  const commitmentTitle = records.commitments.find((c) => c.id === existing?.commitment)?.title ?? "";

  return (
    <FormFrame
      form={form}
      title={existing ? t.form.editEvent(t.stages[existing.stage], commitmentTitle) : t.form.newEvent}
      existing={existing}
      conflict={state.conflict}
      conflictNotice={state.conflictNotice}
      onReload={onReload}
      saving={saving}
      onSubmit={submit}
    >
      <ErrorSummary form={form} errors={errors} labelOf={labelOf} ref={summary} />
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
      {existing ? (
        <ReasonField id={id("reason")} value={reason} onChange={setReason} error={errorAt("reason")} />
      ) : null}
    </FormFrame>
  );
}
