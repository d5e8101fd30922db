import type { ProblemDetail } from "../api.ts";
import type { Messages as RemarkMessages } from "../commitments/messages.ts";
import { type FieldErrors, fieldOf, messageAt } from "../commitments/remarkSchemas.ts";
import type { Lang } from "../i18n/index.ts";
import { sayRefusal } from "../problems.ts";
import type { ConfirmMessages } from "./messages.ts";

/** Problems at the confirmation form's fields, in the verifier's words where the forms have them. */
export function confirmationErrors(
  problems: readonly { path: string; message: string }[],
  t: ConfirmMessages,
  remark: RemarkMessages["form"],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of problems) {
    const top = path.split(".")[0];
    if (top === "received" || top === "note") errors[top] ??= t.form.errors[top];
    else {
      const field = fieldOf(path);
      errors[field] ??= messageAt(field, message, remark);
    }
  }
  return errors;
}

/**
 * A refusal of the API in the verifier's words: what happened and what to do, never a status code. A refusal of
 * the fields is placed at them; anything else is said above the form, in the tracker's words for refusals.
 */
export function refusalOf(
  problem: { message: string; status?: number; details?: readonly ProblemDetail[] },
  t: ConfirmMessages,
  remark: RemarkMessages["form"],
  lang: Lang,
): FieldErrors {
  const words: Record<number, string> = {
    401: t.refused.signedOut,
    403: t.refused.forbidden,
    404: t.refused.gone,
    409: t.refused.notDelivery,
    412: t.refused.stale,
  };
  const said = problem.status === undefined ? undefined : words[problem.status];
  if (said) return { form: said };
  // What names no field of the form is said above it in words, not in the API's English.
  const { form: _unplaced, ...placed } = confirmationErrors(
    (problem.details ?? []).filter((d) => d.location === "json"),
    t,
    remark,
  );
  return Object.keys(placed).length > 0
    ? { ...placed, form: t.form.checkFields }
    : { form: sayRefusal(problem, lang) };
}
