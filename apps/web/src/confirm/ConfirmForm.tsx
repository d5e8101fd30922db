import { Confirmation, type Measure, readPartialDate } from "@commitments/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ApiProblem, client, csrfHeaders, refreshSessionOn401, unwrap } from "../api.ts";
import { useRemarker } from "../commitments/abilities.ts";
import { messages as remarkMessages } from "../commitments/messages.ts";
import { remarkedQueryKeys } from "../commitments/queries.ts";
import { emptySource, type FieldErrors, type SourceDraft, sourceOf } from "../commitments/remarkSchemas.ts";
import { SourceFields } from "../commitments/SourceFields.tsx";
import { formatMeasure } from "../format.ts";
import { FormField } from "../forms/Field.tsx";
import { useLang, useMessages } from "../i18n/index.ts";
import { waitingQuery } from "../workspace/waiting.ts";
import { messages } from "./messages.ts";
import { toConfirmKey } from "./queries.ts";
import { confirmationErrors, refusalOf } from "./refusals.ts";

/** The body of POST /v1/events/{id}/confirmations, from core's schema as the API builds it. */
const ConfirmBody = Confirmation.pick({ received: true, note: true, sources: true }).strict();

const fieldOrder = ["received", "note", "sources.0.title", "sources.0.url", "sources.0.kind", "sources"];

/** Today's date where the verifier is, as the form's first guess of when the delivery arrived. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The recipient's confirmation that a published delivery arrived: when, and any note or source. Sent with the
 * version on screen as If-Match, so a delivery changed meanwhile is not confirmed unseen; the API then raises the
 * delivery's confidence to the recipient's confirmation.
 */
export function ConfirmForm({
  event,
  what,
  commitmentId,
  onCancel,
  onDone,
}: {
  event: { id: string; version: number; measure: Measure };
  /** The delivery in words: "the delivery of 15 July 2024". */
  what: string;
  commitmentId: string;
  onCancel: () => void;
  onDone: (notice: string) => void;
}) {
  const t = useMessages(messages);
  const remark = useMessages(remarkMessages).form;
  const lang = useLang();
  const { session } = useRemarker();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [received, setReceived] = useState(today);
  const [note, setNote] = useState("");
  const [source, setSource] = useState<SourceDraft>(emptySource());
  const [errors, setErrors] = useState<FieldErrors>({});
  const controls = useRef(new Map<string, HTMLElement | null>());
  const formError = useRef<HTMLParagraphElement>(null);
  const register = (field: string) => (element: HTMLElement | null) => {
    controls.current.set(field, element);
  };
  useEffect(() => controls.current.get("received")?.focus(), []);

  // After the errors are drawn, whatever drew them (a submit, or the API's answer later): focus goes to the first
  // field at fault, or to the form's error, so it is announced and can be corrected.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const first = fieldOrder.find((field) => errors[field] && field !== "sources");
    (first ? controls.current.get(first) : formError.current)?.focus();
  }, [errors]);

  const refresh = () =>
    Promise.all(
      [...remarkedQueryKeys(commitmentId), toConfirmKey, waitingQuery.queryKey].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );

  const confirm = useMutation({
    mutationFn: async (json: ReturnType<typeof ConfirmBody.parse>) => {
      if (!session) throw new ApiProblem(401, "Sign in first");
      const response = await client.v1.events[":id"].confirmations.$post(
        { param: { id: event.id }, header: { "if-match": `"${event.version}"` }, json },
        csrfHeaders(session),
      );
      return await unwrap(response);
    },
    onSuccess: async () => {
      await refresh();
      onDone(t.done);
    },
    onError: (problem) => {
      refreshSessionOn401(queryClient, problem);
      // Someone changed the delivery: show the current record, so the verifier confirms what is there now.
      if (problem instanceof ApiProblem && problem.status === 412) void refresh();
      setErrors(refusalOf(problem, t, remark, lang));
    },
  });

  function submit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    const date = received.trim() ? readPartialDate(received) : null;
    if (date && !date.ok) return setErrors({ received: t.form.errors.received, form: t.form.checkFields });
    // The source is optional: a title or an address typed makes it one, to be checked whole.
    const withSource = source.title.trim() !== "" || source.url.trim() !== "";
    const body = {
      ...(date?.ok ? { received: date.value } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(withSource ? { sources: [sourceOf(source)] } : {}),
    };
    const checked = ConfirmBody.safeParse(body);
    if (!checked.success) {
      const issues = checked.error.issues.map((i) => ({
        path: i.path.map(String).join("."),
        message: i.message,
      }));
      return setErrors({ ...confirmationErrors(issues, t, remark), form: t.form.checkFields });
    }
    setErrors({});
    confirm.mutate(checked.data);
  }

  return (
    <form
      className="form remark-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={titleId}
      data-remark-form="confirmation"
    >
      <h3 id={titleId}>{t.form.title(what)}</h3>
      <p className="field-hint">{t.form.recorded(formatMeasure(event.measure, { exact: true, lang }))}</p>
      {errors.form ? (
        <p className="form-error" role="alert" tabIndex={-1} ref={formError}>
          {errors.form}
        </p>
      ) : null}
      <FormField label={t.form.received} hint={t.form.receivedHint} error={errors.received}>
        {(control) => (
          <input
            {...control}
            ref={register("received")}
            type="text"
            autoComplete="off"
            value={received}
            onChange={(change) => setReceived(change.target.value)}
          />
        )}
      </FormField>
      <FormField label={t.form.note} hint={t.form.noteHint} error={errors.note}>
        {(control) => (
          <textarea
            {...control}
            ref={register("note")}
            rows={3}
            value={note}
            onChange={(change) => setNote(change.target.value)}
          />
        )}
      </FormField>
      <fieldset className="field source-fields">
        <legend>{t.form.source}</legend>
        {errors.sources ? <p className="field-error">{errors.sources}</p> : null}
        <SourceFields index={0} source={source} errors={errors} register={register} onChange={setSource} />
      </fieldset>
      <p className="button-row">
        <button type="submit" className="button" disabled={confirm.isPending}>
          {confirm.isPending ? t.form.sending : t.form.submit}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t.form.cancel}
        </button>
      </p>
    </form>
  );
}
