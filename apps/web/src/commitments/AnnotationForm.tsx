import type { RecordRef } from "@commitments/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ApiProblem, apiError, client, csrfHeaders, refreshSessionOn401 } from "../api.ts";
import { useMessages } from "../i18n/index.ts";
import { useRemarker } from "./abilities.ts";
import { FormField } from "./FormField.tsx";
import { messages } from "./messages.ts";
import { remarkedQueryKeys } from "./queries.ts";
import {
  AnnotationBody,
  emptySource,
  errorsFrom,
  type FieldErrors,
  issuesOf,
  type SourceDraft,
  sourceOf,
} from "./remarkSchemas.ts";
import { SourceFields } from "./SourceFields.tsx";

const fieldOrder = ["text", "sources.0.title", "sources.0.url", "sources.0.kind", "sources"];

/**
 * An analyst's note on a published record, with a source if there is one. Checked with core's schema before it is
 * sent; the API's refusals are placed at the field they name.
 */
export function AnnotationForm({
  target,
  what,
  commitmentId,
  onCancel,
  onDone,
}: {
  target: RecordRef;
  what: string;
  commitmentId: string;
  onCancel: () => void;
  onDone: (notice: string) => void;
}) {
  const t = useMessages(messages);
  const { session } = useRemarker();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [text, setText] = useState("");
  const [source, setSource] = useState<SourceDraft>(emptySource());
  const [errors, setErrors] = useState<FieldErrors>({});
  const controls = useRef(new Map<string, HTMLElement | null>());
  const formError = useRef<HTMLParagraphElement>(null);
  const register = (field: string) => (element: HTMLElement | null) => {
    controls.current.set(field, element);
  };
  useEffect(() => controls.current.get("text")?.focus(), []);

  function show(next: FieldErrors) {
    setErrors(next);
    queueMicrotask(() => {
      const first = fieldOrder.find((field) => next[field]);
      const element =
        first === "sources"
          ? controls.current.get("sources.0.title")
          : first
            ? controls.current.get(first)
            : undefined;
      (element ?? formError.current)?.focus();
    });
  }

  const annotate = useMutation({
    mutationFn: async (json: ReturnType<typeof AnnotationBody.parse>) => {
      if (!session) throw new ApiProblem(401, "Sign in first");
      const response = await client.v1.annotations.$post({ json }, csrfHeaders(session));
      if (!response.ok) throw await apiError(response);
      return (await response.json()).data;
    },
    onSuccess: async () => {
      await Promise.all(
        remarkedQueryKeys(commitmentId).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      onDone(t.actions.annotated);
    },
    onError: (problem) => {
      refreshSessionOn401(queryClient, problem);
      if (!(problem instanceof ApiProblem)) return show({ form: problem.message });
      const placed = errorsFrom(
        problem.details.filter((d) => d.location === "json"),
        t.form,
        problem.status === 400,
      );
      show(
        Object.keys(placed).length > 0
          ? { ...placed, form: placed.form ?? t.form.checkFields }
          : { form: problem.message },
      );
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The source is optional: a title or an address typed makes it one, to be checked whole.
    const withSource = source.title.trim() !== "" || source.url.trim() !== "";
    const body = { target, text, ...(withSource ? { sources: [sourceOf(source)] } : {}) };
    const checked = AnnotationBody.safeParse(body);
    if (!checked.success)
      return show({ ...errorsFrom(issuesOf(checked.error.issues), t.form), form: t.form.checkFields });
    setErrors({});
    annotate.mutate(checked.data);
  }

  return (
    <form
      className="form remark-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={titleId}
      data-remark-form="annotation"
    >
      <h3 id={titleId}>{t.form.annotateTitle(what)}</h3>
      {errors.form ? (
        <p className="form-error" role="alert" tabIndex={-1} ref={formError}>
          {errors.form}
        </p>
      ) : null}
      <FormField label={t.form.text} error={errors.text}>
        {(control) => (
          <textarea
            {...control}
            ref={register("text")}
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </FormField>
      <fieldset className="field source-fields">
        <legend>{t.form.optionalSource}</legend>
        {errors.sources ? <p className="field-error">{errors.sources}</p> : null}
        <SourceFields index={0} source={source} errors={errors} register={register} onChange={setSource} />
      </fieldset>
      <p className="button-row">
        <button type="submit" className="button" disabled={annotate.isPending}>
          {annotate.isPending ? t.form.sending : t.form.submitNote}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t.form.cancel}
        </button>
      </p>
    </form>
  );
}
