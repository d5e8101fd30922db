import { TrancheRecord } from "@commitments/core";
import { settableFields } from "@commitments/core/access";
import { useState } from "react";
import { apiError, client, csrfHeaders, type Session } from "../api.ts";
import { useMessages } from "../i18n/index.ts";
import { CommitmentSelect } from "./CommitmentSelect.tsx";
import {
  changedFields,
  emptyMeasure,
  fromMeasure,
  type MeasureDraft,
  measureLike,
  optional,
  toMeasure,
  withoutAbsent,
} from "./drafts.ts";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { fieldId, InputField, TextAreaField } from "./FormField.tsx";
import { FormFrame, ReasonField } from "./FormFrame.tsx";
import { MeasureFields } from "./MeasureFields.tsx";
import { messages } from "./messages.ts";
import type { DonorRecords, Saved, TrancheRead } from "./queries.ts";
import { useRecordForm } from "./useRecordForm.ts";
import { check, sharedLabel } from "./validation.ts";

/** The body of a create, as the API's TrancheCreate checks it: core's TrancheRecord, the id left to the API. */
const TrancheBody = TrancheRecord.omit({ id: true });
const editable = settableFields.tranche.filter((f) => f !== "id");
/** What a save sends: a new record, or the fields an update changes and why. */
type Body =
  | { kind: "create"; record: ReturnType<typeof TrancheBody.parse> }
  | { kind: "update"; set: Record<string, unknown>; reason: string };

interface TrancheDraft {
  commitment: string;
  position: string;
  due: string;
  measure: MeasureDraft;
  note: string;
}

/** The next free place in a commitment's schedule: after its last tranche. */
function nextPosition(records: DonorRecords, commitment: string): number {
  const taken = records.tranches.filter((t) => t.commitment === commitment).map((t) => t.position);
  return taken.length === 0 ? 0 : Math.max(...taken) + 1;
}

/**
 * One planned instalment of a commitment: how much is due by when. A tranche carries no sources of its own; it is
 * cited through its commitment's.
 */
export function TrancheForm({
  session,
  records,
  existing,
  onSaved,
  onReload,
}: {
  session: Session;
  records: DonorRecords;
  existing?: TrancheRead | undefined;
  onSaved: (saved: Saved) => void;
  onReload?: () => void;
}) {
  const [draft, setDraft] = useState<TrancheDraft>(() =>
    existing
      ? {
          commitment: existing.commitment,
          position: String(existing.position),
          due: existing.due,
          measure: fromMeasure(existing.measure),
          note: existing.note ?? "",
        }
      : { commitment: "", position: "0", due: "", measure: emptyMeasure(), note: "" },
  );
  const [reason, setReason] = useState("");
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const form = "tranche-form";

  const t = useMessages(messages);
  const { submit, errors, errorAt, summary, saving, ...state } = useRecordForm<Body>({
    labelOf: (path) => labelOf(path),
    prepare: () => {
      const position = draft.position.trim() === "" ? Number.NaN : Number(draft.position);
      const record = withoutAbsent({
        commitment: draft.commitment,
        position,
        due: draft.due.trim(),
        measure: toMeasure(draft.measure),
        note: optional(draft.note),
      });
      const checked = check(TrancheBody, record, t.errors);
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
          ? await client.v1.tranches.$post(
              { json: body.record, header: { "idempotency-key": idempotencyKey } },
              csrfHeaders(session),
            )
          : await client.v1.tranches[":id"].$patch(
              {
                param: { id: existing?.id ?? "" },
                header: { "if-match": `"${existing?.version}"` },
                json: { set: body.set, reason: body.reason },
              },
              csrfHeaders(session),
            );
      if (!response.ok) throw await apiError(response);
      const { data } = await response.json();
      return { kind: "tranche", id: data.id, version: data.version, status: data.status };
    },
    onSaved,
  });

  const f = t.fields;
  const labels: Record<string, string> = {
    commitment: f.commitment,
    position: f.position,
    due: f.due,
    note: f.note,
    reason: t.form.reason,
  };
  function labelOf(path: string): string | undefined {
    return labels[path] ?? sharedLabel(t, path);
  }
  const id = (path: string) => fieldId(form, path);
  const set = (change: Partial<TrancheDraft>) => setDraft((d) => ({ ...d, ...change }));
  const commitmentTitle = records.commitments.find((c) => c.id === existing?.commitment)?.title ?? "";

  return (
    <FormFrame
      form={form}
      title={existing ? t.form.editTranche(existing.position + 1, commitmentTitle) : t.form.newTranche}
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
            // A new tranche goes after the schedule's last, measured like its commitment (the API requires it).
            ...(existing || !commitment
              ? {}
              : {
                  position: String(nextPosition(records, value)),
                  measure: measureLike(commitment.measure, d.measure),
                }),
          }))
        }
      />
      <p className="field-hint">{f.trancheSources}</p>
      <div className="field-row">
        <InputField
          id={id("position")}
          className="input-short"
          label={f.position}
          hint={f.positionHint}
          type="number"
          inputMode="numeric"
          min={0}
          max={999}
          step={1}
          value={draft.position}
          error={errorAt("position")}
          onChange={(event) => set({ position: event.target.value })}
        />
        <InputField
          id={id("due")}
          label={f.due}
          hint={f.dateHint}
          autoComplete="off"
          value={draft.due}
          error={errorAt("due")}
          onChange={(event) => set({ due: event.target.value })}
        />
      </div>
      <MeasureFields
        form={form}
        value={draft.measure}
        onChange={(measure) => set({ measure })}
        errorAt={errorAt}
      />
      <TextAreaField
        id={id("note")}
        label={f.note}
        maxLength={1000}
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
