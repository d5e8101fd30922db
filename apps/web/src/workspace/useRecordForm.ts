import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiProblem, refreshSessionOn401 } from "../api.ts";
import { type Saved, workspaceKey } from "./queries.ts";
import { type FormErrors, fromProblem, noErrors } from "./validation.ts";

/**
 * The life of a record form: check in the browser with core's schema, send, and place every refusal at its field
 * (the API's too). Focus moves to the error summary after a refused save, and to the conflict notice when someone
 * else saved the record first (412): the person is told, and may reload it.
 */
export function useRecordForm<Body>({
  prepare,
  send,
  labelOf,
  onSaved,
}: {
  /** The checked request, or the problems by field: core's schema, and the reason an update needs. */
  prepare: () => { ok: true; body: Body } | { ok: false; errors: FormErrors };
  send: (body: Body) => Promise<Saved>;
  /** A field's label, for the fields the form shows; undefined for any other path. */
  labelOf: (path: string) => string | undefined;
  onSaved: (saved: Saved) => void;
}) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [conflict, setConflict] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const conflictNotice = useRef<HTMLDivElement>(null);
  // What to focus once the outcome of a save is on screen: each attempt moves focus again, even to the same place.
  const [focus, setFocus] = useState<{ on: "summary" | "conflict"; attempt: number } | null>(null);
  useEffect(() => {
    if (focus?.on === "summary") summary.current?.focus();
    if (focus?.on === "conflict") conflictNotice.current?.focus();
  }, [focus]);

  const save = useMutation({
    mutationFn: send,
    onSuccess: async (saved) => {
      // The lists and histories, not the record being edited: its form is closing.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...workspaceKey, "records"] }),
        queryClient.invalidateQueries({ queryKey: [...workspaceKey, "history", saved.kind, saved.id] }),
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
      show(fromProblem(error, (path) => labelOf(path) !== undefined));
    },
  });

  function show(next: FormErrors) {
    setErrors(next);
    setFocus((f) => ({ on: "summary", attempt: (f?.attempt ?? 0) + 1 }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const prepared = prepare();
    if (!prepared.ok) return show(prepared.errors);
    setErrors(noErrors);
    save.mutate(prepared.body);
  }

  return {
    submit,
    errors,
    errorAt: (path: string) => errors.fields[path],
    summary,
    conflict,
    conflictNotice,
    saving: save.isPending,
  };
}
