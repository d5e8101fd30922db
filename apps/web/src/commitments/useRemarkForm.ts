import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { ApiProblem, accepted, type apiError, csrfHeaders, refreshSessionOn401 } from "../api.ts";
import { useLang, useMessages } from "../i18n/index.ts";
import { detailWords, refusalIn, sayRefusal } from "../problems.ts";
import { useRemarker } from "./abilities.ts";
import { messages } from "./messages.ts";
import { remarkedQueryKeys } from "./queries.ts";
import { errorsFrom, type FieldErrors, issuesOf } from "./remarkSchemas.ts";

/**
 * The life of a remark's form (an annotation, a dispute): check the body with core's schema, send it, and place
 * every refusal at its field (the API's too), focus moving to the first field at fault, or to the form's error.
 */
export function useRemarkForm<Body>({
  fieldOrder,
  schema,
  post,
  commitmentId,
  notice,
  onDone,
}: {
  /** The order fields are visited in, so focus goes to the first one at fault. */
  fieldOrder: readonly string[];
  schema: {
    safeParse(
      value: unknown,
    ):
      | { success: true; data: Body }
      | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
  };
  post: (
    json: Body,
    init: ReturnType<typeof csrfHeaders>,
  ) => Promise<Parameters<typeof apiError>[0] & { ok: boolean }>;
  commitmentId: string;
  /** What is said once the remark is recorded. */
  notice: string;
  onDone: (notice: string) => void;
}) {
  const t = useMessages(messages);
  const lang = useLang();
  const { session } = useRemarker();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const controls = useRef(new Map<string, HTMLElement | null>());
  const formError = useRef<HTMLParagraphElement>(null);
  const register = (field: string) => (element: HTMLElement | null) => {
    controls.current.set(field, element);
  };

  /** Shows the errors at their fields and moves focus to the first, so it is announced and can be corrected. */
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

  const remark = useMutation({
    mutationFn: async (json: Body) => {
      if (!session) throw new ApiProblem(401, "Sign in first");
      const response = await post(json, csrfHeaders(session));
      await accepted(response);
    },
    onSuccess: async () => {
      await Promise.all(
        remarkedQueryKeys(commitmentId).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      onDone(notice);
    },
    onError: (problem) => {
      refreshSessionOn401(queryClient, problem);
      // At its field, the form's own words for a field's format, else the tracker's; what names no field of the
      // form (the record remarked on) is said above it, in words.
      const { form: _unplaced, ...placed } = errorsFrom(
        (refusalIn(problem)?.details ?? [])
          .filter((d) => d.location === "json")
          .map((d) => ({ path: d.path, message: detailWords(d, lang) })),
        t.form,
        problem instanceof ApiProblem && problem.status === 400,
      );
      show(
        Object.keys(placed).length > 0
          ? { ...placed, form: t.form.checkFields }
          : { form: sayRefusal(problem, lang) },
      );
    },
  });

  /** Checks the body as the API will, and sends it, or shows what is wrong with it. */
  function send(body: unknown) {
    const checked = schema.safeParse(body);
    if (!checked.success)
      return show({ ...errorsFrom(issuesOf(checked.error.issues), t.form), form: t.form.checkFields });
    setErrors({});
    remark.mutate(checked.data);
  }

  return { errors, register, controls, formError, send, sending: remark.isPending };
}
