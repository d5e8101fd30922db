import { ApiProblem } from "../api.ts";
import type { WorkspaceMessages } from "./messages.ts";

/** Field errors by record path ("measure.amount", "sources.0.url"), and one for the form as a whole. */
export interface FormErrors {
  fields: Record<string, string>;
  form?: string | undefined;
}

export const noErrors: FormErrors = { fields: {} };

/**
 * The API's refusal placed at the fields it names (`error.details[].path`, under "set." for an update). What it
 * names no field of (a refusal of the whole request) is said above the form.
 */
export function fromProblem(error: Error, known: (path: string) => boolean): FormErrors {
  if (!(error instanceof ApiProblem)) return { fields: {}, form: error.message };
  const fields: Record<string, string> = {};
  for (const detail of error.details) {
    if (detail.location !== "json") continue;
    const path = detail.path.replace(/^set\.?/, "");
    if (path !== "" && known(path)) fields[path] ??= detail.message;
  }
  return Object.keys(fields).length > 0 ? { fields } : { fields, form: error.message };
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
