import { Annotation, Dispute, type Measure, readAmount, type SourceKind } from "@commitments/core";
import { inMeasureOf, type Lang } from "../format.ts";
import type { Messages } from "./messages.ts";

// The request bodies of POST /v1/disputes and POST /v1/annotations, from the very core schemas the API builds
// them from: a form the page accepts is a body the API accepts. This module pulls zod in, so only the forms'
// own chunk (loaded when a form is opened) imports it.
export const DisputeBody = Dispute.pick({
  target: true,
  statement: true,
  figure: true,
  sources: true,
}).strict();
export const AnnotationBody = Annotation.pick({ target: true, text: true, sources: true }).strict();

/** A source as typed into a form, before it is checked. */
export interface SourceDraft {
  title: string;
  url: string;
  kind: SourceKind;
}

export const emptySource = (): SourceDraft => ({ title: "", url: "", kind: "research" });

/** A typed source as the API takes it: an empty address is no address. */
export const sourceOf = (draft: SourceDraft) => ({
  title: draft.title,
  kind: draft.kind,
  ...(draft.url.trim() ? { url: draft.url.trim() } : {}),
});

/** Errors by field: "figure", "statement", "text", "sources", "sources.0.url", …, and "form" for the rest. */
export type FieldErrors = Record<string, string>;

/**
 * The form field a problem's path names, the same for the schema's issues and the API's `error.details[].path`
 * (both join the path with dots): "figure.amount" is the figure's field, "sources.1.url" the second source's
 * address; anything the form has no field for (the target) is said above the form.
 */
export function fieldOf(path: string): string {
  if (path === "figure" || path.startsWith("figure.")) return "figure";
  const source = /^sources\.(\d+)\.(title|url|kind)\b/.exec(path);
  if (source) return `sources.${source[1]}.${source[2]}`;
  if (path === "sources" || path.startsWith("sources.")) return "sources";
  if (path === "statement" || path === "text") return path;
  return "form";
}

/** The message shown at a field, in the reader's language; the API's own words where the form has no better. */
export function messageAt(field: string, fallback: string, t: Messages["form"]): string {
  if (field === "form") return fallback;
  const last = field.split(".").at(-1) as string;
  const known: Record<string, string> = t.errors;
  return known[last] ?? fallback;
}

/**
 * Problems as field errors, the first problem of each field kept. `localise: false` keeps the API's own words for
 * refusals that are not about the field's format (a figure in another currency than the record's, say).
 */
export function errorsFrom(
  problems: { path: string; message: string }[],
  t: Messages["form"],
  localise = true,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of problems) {
    const field = fieldOf(path);
    errors[field] ??= localise ? messageAt(field, message, t) : message;
  }
  return errors;
}

/** A schema's issues as the API would name them: the path joined with dots. */
export const issuesOf = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));

/**
 * An organisation's figure as typed, read as people write numbers in the page's language ("1,600,000" or
 * "£1,600,000" in English, "1 600 000,50" in Ukrainian, "1600000.50" in both), in the disputed record's measure:
 * its currency, or its unit and item. Undefined when left empty. What does not read so, or names a currency the
 * record is not in, is kept as typed, for the schema to refuse at the field: nothing is guessed.
 */
export function figureOf(typed: string, recorded: Measure, lang: Lang): Measure | undefined {
  if (typed.trim() === "") return undefined;
  const read = readAmount(typed, lang);
  const fits =
    read.ok &&
    (recorded.kind === "money"
      ? (read.value.currency ?? recorded.currency) === recorded.currency
      : read.value.currency === undefined);
  return inMeasureOf(recorded, fits ? read.value.amount : typed.trim());
}
