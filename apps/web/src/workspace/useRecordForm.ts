import type { WorkflowStatus } from "@commitments/core/access";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import { ApiProblem, refreshSessionOn401 } from "../api.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { releaseLeaveGuard, useLeaveGuard } from "../leaveGuard.ts";
import { check } from "./check.ts";
import { changedFields } from "./drafts.ts";
import { EntryReader } from "./entry.ts";
import { messages } from "./messages.ts";
import { type Saved, workspaceKey } from "./queries.ts";
import { type FormErrors, fromProblem, noErrors, sharedLabel } from "./validation.ts";

/** A record as the workspace reads it back: what an update names, and where the record stands. */
export interface ExistingRecord {
  id: string;
  version: number;
  status: WorkflowStatus;
  recordedAt: string;
}

/** What a save sends: a new record, or the fields an update changes and why. */
export type RecordSave<T> =
  | { kind: "create"; record: T }
  | { kind: "update"; set: Record<string, unknown>; reason: string };

/**
 * The arguments of a save's request: a create carries the form's idempotency key, an update the version it
 * corrects (the API answers 412 when someone else saved the record since).
 */
export interface SaveRequests<T> {
  create: (record: T) => { json: T; header: { "idempotency-key": string } };
  update: (save: { set: Record<string, unknown>; reason: string }) => {
    param: { id: string };
    header: { "if-match": string };
    json: { set: Record<string, unknown>; reason: string };
  };
}

/** What FormFrame shows of the form's state: its problems, the conflict notice, the reason and the save. */
export interface RecordFormFrame {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  errors: FormErrors;
  labelOf: (path: string) => string | undefined;
  summary: RefObject<HTMLDivElement | null>;
  conflict: boolean;
  conflictNotice: RefObject<HTMLDivElement | null>;
  saving: boolean;
  reason: string;
  setReason: (reason: string) => void;
}

/**
 * The life of a record form: check in the browser with core's schema, send, and place every refusal at its field
 * (the API's too). Focus moves to the error summary after a refused save, and to the conflict notice when someone
 * else saved the record first (412): the person is told, and may reload it.
 */
export function useRecordForm<T>({
  schema,
  editable,
  existing,
  record,
  send,
  labelOf: ownLabel,
  alsoCheck,
  onSaved,
}: {
  /** Core's schema of the record, as the API checks a create. */
  schema: Parameters<typeof check<T>>[0];
  /** The fields an update may change. */
  editable: readonly string[];
  /** The record being corrected; none for a new one. */
  existing: (ExistingRecord & Record<string, unknown>) | undefined;
  /** The draft as the record it would save, its typed figures, dates and addresses read by `read`. */
  record: (read: EntryReader) => Record<string, unknown>;
  send: (save: RecordSave<T>, requests: SaveRequests<T>) => Promise<Saved>;
  /** Problems of fields the record's schema does not check (a new promise's stage and schedule), by path. */
  alsoCheck?: (read: EntryReader) => Record<string, string>;
  /** The label of a field of this form's own, undefined for any other path (the shared ones are known here). */
  labelOf: (path: string) => string | undefined;
  onSaved: (saved: Saved) => void;
}) {
  const t = useMessages(messages);
  const lang = useLang();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [conflict, setConflict] = useState(false);
  const [reason, setReason] = useState("");
  // One key per form: a save retried after a lost answer replays the first one instead of recording it twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const summary = useRef<HTMLDivElement>(null);
  const conflictNotice = useRef<HTMLDivElement>(null);
  // What to focus once the outcome of a save is on screen: each attempt moves focus again, even to the same place.
  const [focus, setFocus] = useState<{ on: "summary" | "conflict"; attempt: number } | null>(null);
  useEffect(() => {
    if (focus?.on === "summary") summary.current?.focus();
    if (focus?.on === "conflict") conflictNotice.current?.focus();
  }, [focus]);

  // Unsaved: the record the entries make differs from the one the form opened with (a reason typed counts too).
  const recordNow = () => JSON.stringify(record(new EntryReader(lang)));
  const [opened] = useState(recordNow);
  const [stored, setStored] = useState(false);
  useLeaveGuard(!stored && (recordNow() !== opened || reason.trim() !== ""), t.form.leaveUnsaved);

  const labelOf = (path: string) =>
    ownLabel(path) ?? (path === "reason" ? t.form.reason : sharedLabel(t, path));

  const requests: SaveRequests<T> = {
    create: (json) => ({ json, header: { "idempotency-key": idempotencyKey } }),
    update: ({ set, reason }) => ({
      param: { id: existing?.id ?? "" },
      header: { "if-match": `"${existing?.version}"` },
      json: { set, reason },
    }),
  };

  const save = useMutation({
    mutationFn: (body: RecordSave<T>) => send(body, requests),
    onSuccess: async (saved) => {
      // Saved: leaving for the list must not ask about entries that are kept.
      setStored(true);
      releaseLeaveGuard();
      // The lists and histories, not the record being edited: its form is closing.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...workspaceKey, "records"] }),
        queryClient.invalidateQueries({ queryKey: [...workspaceKey, "history", saved.kind, saved.id] }),
        // A correction of a published record is a proposal: the record's row says it awaits approval.
        saved.proposal ? queryClient.invalidateQueries({ queryKey: [...workspaceKey, "proposals"] }) : null,
      ]);
      // The public lists read published records: a correction of one changes them.
      void queryClient.invalidateQueries({ queryKey: ["commitments"], refetchType: "none" });
      void queryClient.invalidateQueries({ queryKey: ["commitment", saved.id], refetchType: "none" });
      onSaved(saved);
    },
    onError: (error) => {
      refreshSessionOn401(queryClient, error);
      if (error instanceof ApiProblem && error.status === 412) {
        setConflict(true);
        setFocus((f) => ({ on: "conflict", attempt: (f?.attempt ?? 0) + 1 }));
        return;
      }
      show(fromProblem(error, lang, t, labelOf));
    },
  });

  function show(next: FormErrors) {
    setErrors(next);
    setFocus((f) => ({ on: "summary", attempt: (f?.attempt ?? 0) + 1 }));
  }

  /** The checked save, or the problems by field: core's schema, the reason an update needs, and a change at all. */
  function prepare(): { ok: true; body: RecordSave<T> } | { ok: false; errors: FormErrors } {
    const read = new EntryReader(lang);
    const checked = check(schema, record(read), t.errors);
    const problems: Record<string, string> = {
      ...(checked.ok ? {} : checked.errors),
      ...(existing ? {} : alsoCheck?.(read)),
    };
    // A text that did not read says the form expected, rather than what the schema made of it as typed.
    for (const [path, problem] of Object.entries(read.problems)) problems[path] = t.errors.entry[problem];
    if (existing && reason.trim().length < 3) problems.reason = t.errors.reason;
    if (!checked.ok || Object.keys(problems).length > 0) return { ok: false, errors: { fields: problems } };
    if (!existing) return { ok: true, body: { kind: "create", record: checked.record } };
    const set = changedFields(existing, checked.record as Record<string, unknown>, editable);
    if (Object.keys(set).length === 0)
      return { ok: false, errors: { fields: {}, form: t.form.nothingChanged } };
    return { ok: true, body: { kind: "update", set, reason: reason.trim() } };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const prepared = prepare();
    if (!prepared.ok) return show(prepared.errors);
    setErrors(noErrors);
    save.mutate(prepared.body);
  }

  const frame: RecordFormFrame = {
    onSubmit: submit,
    errors,
    labelOf,
    summary,
    conflict,
    conflictNotice,
    saving: save.isPending,
    reason,
    setReason,
  };
  return { errorAt: (path: string) => errors.fields[path], frame };
}
