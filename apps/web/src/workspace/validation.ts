import type { Lang } from "../i18n/index.ts";
import { detailWords, refusalIn, sayRefusal } from "../problems.ts";
import { coreMessage } from "./check.ts";
import type { WorkspaceMessages } from "./messages.ts";

/** Field errors by record path ("measure.amount", "sources.0.url"), and one for the form as a whole. */
export interface FormErrors {
  fields: Record<string, string>;
  form?: string | undefined;
}

export const noErrors: FormErrors = { fields: {} };

/**
 * The API's refusal placed at the fields it names (`error.details[].path`, under "set." for an update), in the
 * page's words: core's messages as the form says them, else the tracker's. What it names no field of (a refusal
 * of the whole request) is said above the form, naming in words any field the form does not show.
 */
export function fromProblem(
  error: Error,
  lang: Lang,
  t: WorkspaceMessages,
  labelOf: (path: string) => string | undefined,
): FormErrors {
  const refusal = refusalIn(error);
  const fields: Record<string, string> = {};
  for (const detail of refusal?.details ?? []) {
    if (detail.location !== "json") continue;
    const path = detail.path.replace(/^set\.?/, "");
    if (path !== "" && labelOf(path) !== undefined)
      fields[path] ??= coreMessage(detail.message, t.errors) ?? detailWords(detail, lang);
  }
  return Object.keys(fields).length > 0
    ? { fields }
    : { fields, form: sayRefusal(error, lang, { fieldName: labelOf }) };
}

/** The label of a field every record form shares (its measure and sources), for the error summary. */
export function sharedLabel(t: WorkspaceMessages, path: string): string | undefined {
  const [head, index, field] = path.split(".");
  if (head === "measure") {
    if (index === undefined) return t.measure.legend;
    const measureLabels: Record<string, string> = {
      amount: t.measure.amount,
      currency: t.measure.currency,
      count: t.measure.count,
      unit: t.measure.unit,
      item: t.measure.item,
    };
    return measureLabels[index];
  }
  if (head === "sources") {
    if (index === undefined) return t.sources.legend;
    const sourceLabels: Record<string, string> = {
      title: t.sources.title,
      kind: t.sources.kind,
      url: t.sources.url,
      publisher: t.sources.publisher,
      published: t.sources.published,
      locator: t.sources.locator,
      quote: t.sources.quote,
    };
    const label = field === undefined ? undefined : sourceLabels[field];
    return label ? `${t.sources.source(Number(index) + 1)}: ${label}` : t.sources.source(Number(index) + 1);
  }
  return undefined;
}
