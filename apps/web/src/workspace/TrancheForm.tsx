import { homeCurrency, TrancheRecord } from "@commitments/core";
import { settableFields } from "@commitments/core/access";
import { useState } from "react";
import type { Session } from "../api.ts";
import { fieldId, InputField, TextAreaField } from "../forms/Field.tsx";
import { useMessages } from "../i18n/index.ts";
import { CommitmentSelect } from "./CommitmentSelect.tsx";
import {
  emptyMeasure,
  fromMeasure,
  type MeasureDraft,
  measureLike,
  optional,
  toMeasure,
  withoutAbsent,
} from "./drafts.ts";
import { FormFrame } from "./FormFrame.tsx";
import { MeasureFields } from "./MeasureFields.tsx";
import { messages } from "./messages.ts";
import type { DonorRecords, Saved, TrancheRead } from "./queries.ts";
import { sendTo } from "./send.ts";
import { useRecordForm } from "./useRecordForm.ts";

/** The body of a create, as the API's TrancheCreate checks it: core's TrancheRecord, the id left to the API. */
const TrancheBody = TrancheRecord.omit({ id: true });
const editable = settableFields.tranche.filter((f) => f !== "id");
interface TrancheDraft {
  commitment: string;
  position: string;
  due: string;
  measure: MeasureDraft;
  note: string;
}

/** The next free place in a commitment's schedule: after its last tranche. */
/** The number the next instalment of `commitment`'s schedule takes, counted from 1 as people count. */
function nextNumber(records: DonorRecords, commitment: string): number {
  const taken = records.tranches.filter((t) => t.commitment === commitment).map((t) => t.position);
  return taken.length === 0 ? 1 : Math.max(...taken) + 2;
}

/**
 * One planned instalment of a commitment: how much is due by when. A tranche carries no sources of its own; it is
 * cited through its commitment's.
 */
export function TrancheForm({
  session,
  records,
  existing,
  copyOf,
  onSaved,
  onReload,
}: {
  session: Session;
  records: DonorRecords;
  existing?: TrancheRead | undefined;
  /** A tranche to start a new one from (Copy): placed after its commitment's last. */
  copyOf?: TrancheRead | undefined;
  onSaved: (saved: Saved) => void;
  onReload?: () => void;
}) {
  const [draft, setDraft] = useState<TrancheDraft>(() => {
    const from = existing ?? copyOf;
    if (!from)
      return {
        commitment: "",
        position: "1",
        due: "",
        measure: emptyMeasure(homeCurrency(session.organisation.party ?? "")),
        note: "",
      };
    return {
      commitment: from.commitment,
      // The form counts instalments from 1; the record keeps its place from 0. A copy goes after the last.
      position: String(existing ? existing.position + 1 : nextNumber(records, from.commitment)),
      due: from.due,
      measure: fromMeasure(from.measure),
      note: from.note ?? "",
    };
  });
  const form = "tranche-form";

  const t = useMessages(messages);
  const { errorAt, frame } = useRecordForm({
    schema: TrancheBody,
    editable,
    existing,
    labelOf,
    record: (read) =>
      withoutAbsent({
        commitment: draft.commitment,
        position: /^\s*\d+\s*$/.test(draft.position) ? Number(draft.position) - 1 : Number.NaN,
        due: read.date("due", draft.due),
        measure: toMeasure(draft.measure, read),
        note: optional(draft.note),
      }),
    send: sendTo("tranche", session, existing),
    onSaved,
  });

  const f = t.fields;
  const labels: Record<string, string> = {
    commitment: f.commitment,
    position: f.position,
    due: f.due,
    note: f.note,
  };
  function labelOf(path: string): string | undefined {
    return labels[path];
  }
  const id = (path: string) => fieldId(form, path);
  const set = (change: Partial<TrancheDraft>) => setDraft((d) => ({ ...d, ...change }));
  const commitmentTitle = records.commitments.find((c) => c.id === existing?.commitment)?.title ?? "";

  return (
    <FormFrame
      form={form}
      title={
        existing
          ? t.form.editTranche(existing.position + 1, commitmentTitle)
          : copyOf
            ? t.form.copied(t.form.newTranche)
            : t.form.newTranche
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
            // A new tranche goes after the schedule's last, measured like its commitment (the API requires it).
            ...(existing || !commitment
              ? {}
              : {
                  position: String(nextNumber(records, value)),
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
          min={1}
          max={1000}
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
    </FormFrame>
  );
}
