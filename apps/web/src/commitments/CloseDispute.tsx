import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ApiProblem, client, csrfHeaders, refreshSessionOn401, unwrap } from "../api.ts";
import { FormField } from "../forms/Field.tsx";
import { useLang, useMessages } from "../i18n/index.ts";
import { sayRefusal } from "../problems.ts";
import { useRemarker } from "./abilities.ts";
import { messages } from "./messages.ts";
import { remarkedQueryKeys } from "./queries.ts";
import type { DisputeView } from "./remarkViews.ts";

/**
 * Closes an open dispute: withdrawn by the organisation that opened it, or resolved (upheld or rejected) by the
 * tracker's administrators. Either is a new version of the dispute, based on the version on screen (If-Match), so
 * a dispute closed meanwhile by someone else is not closed twice.
 */
export function CloseDispute({
  mode,
  dispute,
  commitmentId,
  onCancel,
  onDone,
}: {
  mode: "withdraw" | "resolve";
  dispute: DisputeView;
  commitmentId: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const t = useMessages(messages).form;
  const lang = useLang();
  const { session } = useRemarker();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [resolution, setResolution] = useState("");
  const [outcome, setOutcome] = useState<"upheld" | "rejected">("upheld");
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  useEffect(() => reasonInput.current?.focus(), []);

  const close = useMutation({
    mutationFn: async () => {
      if (!session) throw new ApiProblem(401, "Sign in first");
      const common = { param: { id: dispute.id }, header: { "if-match": `"${dispute.version}"` } };
      const response =
        mode === "withdraw"
          ? await client.v1.disputes[":id"].withdraw.$post(
              { ...common, json: { resolution: resolution.trim() } },
              csrfHeaders(session),
            )
          : await client.v1.disputes[":id"].resolve.$post(
              { ...common, json: { outcome, resolution: resolution.trim() } },
              csrfHeaders(session),
            );
      return await unwrap(response);
    },
    onSuccess: async () => {
      await Promise.all(
        remarkedQueryKeys(commitmentId).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      onDone();
    },
    onError: (problem) => {
      refreshSessionOn401(queryClient, problem);
      const field = problem instanceof ApiProblem ? problem.fieldMessage("resolution") : undefined;
      setError(field ? { field: t.errors.resolution } : { form: sayRefusal(problem, lang) });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The API's Reason: at least 3 characters once trimmed.
    if (resolution.trim().length < 3) {
      setError({ field: t.errors.resolution });
      reasonInput.current?.focus();
      return;
    }
    setError({});
    close.mutate();
  }

  return (
    <form className="form close-dispute" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h4 id={titleId}>{t.closeTitle[mode]}</h4>
      {error.form ? (
        <p className="form-error" role="alert">
          {error.form}
        </p>
      ) : null}
      {mode === "resolve" ? (
        <fieldset className="field">
          <legend>{t.outcome}</legend>
          {(["upheld", "rejected"] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`outcome-${dispute.id}`}
                value={value}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
              />{" "}
              {t[value]}
            </label>
          ))}
        </fieldset>
      ) : null}
      <FormField label={t.closeReason} error={error.field}>
        {(control) => (
          <textarea
            {...control}
            ref={reasonInput}
            rows={2}
            value={resolution}
            onChange={(event) => setResolution(event.target.value)}
          />
        )}
      </FormField>
      <p className="button-row">
        <button type="submit" className="button" disabled={close.isPending}>
          {close.isPending ? t.sending : mode === "withdraw" ? t.submitWithdraw : t.submitResolve}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </p>
    </form>
  );
}
