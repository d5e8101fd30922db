import { messages as accountMessages } from "./account/messages.ts";
import type { Lang } from "./i18n/languages.ts";
import { type RefusalWords, refusalWords } from "./i18n/refusals.ts";
import { isId, label } from "./i18n/vocabulary.ts";

/*
 * The API's refusals in the page's words. The API answers every client in English, with a stable code and
 * `details` naming what it refused and where; this says what happened and what to do in the page's language,
 * keyed on those (never on the English message, which may change). A refusal it has no words for is said
 * generically, with the API's English marked as such on a Ukrainian page.
 */

interface Detail {
  location: string;
  path: string;
  message: string;
}

/** A refusal as the API's error contract states it (an `ApiProblem`), as far as its words depend on it. */
export interface Refusal {
  status: number;
  code?: string | undefined;
  message: string;
  details: readonly Detail[];
  requestId?: string | undefined;
  /** Seconds to wait, from Retry-After. */
  retryAfter?: number | undefined;
}

/** What the page knows of the refused record beyond the refusal: said rather than the API's ids. */
export interface RefusalContext {
  /** The title of the refused record's commitment (a tranche's or stage event's), where the page has it. */
  commitment?: string | undefined;
  /** A field's label in the form's own words, for a path the form knows; the tracker's words otherwise. */
  fieldName?: ((path: string) => string | undefined) | undefined;
}

/** The refusal an error carries, or null for any other error (the page's own, or a network failure). */
export function refusalIn(error: unknown): Refusal | null {
  if (typeof error !== "object" || error === null) return null;
  const { status, details, message } = error as Partial<Refusal>;
  return typeof status === "number" && Array.isArray(details) && typeof message === "string"
    ? (error as Refusal)
    : null;
}

/** A fetch that never reached the API: browsers say so in a TypeError, each in its own words. */
const unreachable = (error: Error) =>
  error.name === "TypeError" && /fetch|network|load failed/i.test(error.message);

/** An error in the page's words: the API's refusal said by `refusalSentence`, the page's own errors as they are. */
export function sayRefusal(error: unknown, lang: Lang, context: RefusalContext = {}): string {
  const w = refusalWords[lang];
  const refusal = refusalIn(error);
  if (refusal) return refusalSentence(refusal, lang, context);
  if (error instanceof Error && unreachable(error)) return w.unreachable;
  // The page's own errors are in its words already.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : w.other(String(error));
}

/** How long to wait, in words: Retry-After's seconds, or a minute when the API did not say. */
function waitWords(seconds: number | undefined, w: RefusalWords): string {
  if (seconds === undefined) return w.aMinute;
  return seconds < 60 ? w.seconds(Math.max(1, seconds)) : w.minutes(Math.ceil(seconds / 60));
}

/** A field the API named, in words: the form's label, else the tracker's word for it. */
export function fieldWords(path: string, lang: Lang, context: RefusalContext = {}): string {
  const w = refusalWords[lang];
  const fields: Record<string, string> = w.fields;
  const bare = path.replace(/^(set|record)\./, "");
  const own = context.fieldName?.(bare);
  if (own) return own;
  const source = /^sources\.(\d+)(?:\.(\w+))?/.exec(bare);
  if (source) {
    const which = w.source(Number(source[1]) + 1);
    const field = source[2] === undefined ? undefined : (fields[source[2]] ?? w.unknownField);
    return field ? `${which} (${field})` : which;
  }
  const last = bare
    .split(".")
    .filter((segment) => !/^\d+$/.test(segment))
    .at(-1);
  return (last !== undefined ? fields[last] : undefined) ?? w.unknownField;
}

/** The fields a refusal names, in words, each once. */
function fieldList(details: readonly Detail[], lang: Lang, context: RefusalContext): string {
  const names = [...new Set(details.map((d) => fieldWords(d.path, lang, context)))];
  return refusalWords[lang].list(names);
}

/** A conflict (409) in words, by the detail the API gives for it. */
function conflictSentence(refusal: Refusal, lang: Lang, context: RefusalContext): string {
  const w = refusalWords[lang];
  const { details } = refusal;
  const said = (message: string) => details.some((d) => d.message === message);
  const step = details.map((d) => /^not a step from (\S+)$/.exec(d.message)?.[1]).find(Boolean);
  if (step === "published") return w.published;
  if (step !== undefined)
    return isId("workflowStatus", step) ? w.notAStep(label("workflowStatus", step, lang)) : w.notAStepUnnamed;
  if (said("its commitment is not published"))
    return context.commitment ? w.commitmentUnpublished(context.commitment) : w.commitmentUnpublishedUnnamed;
  const parts = details
    .filter((d) => d.message.endsWith(" refers to it"))
    .map((d) => d.message.split(" ")[0]);
  if (parts.length > 0) {
    const kinds = new Set(parts);
    const which = [...kinds].some((kind) => kind !== "tranche" && kind !== "event")
      ? "other"
      : kinds.size === 2
        ? "both"
        : kinds.has("tranche")
          ? "tranche"
          : "event";
    return w.hasParts(w.parts[which]);
  }
  const decided = details.find((d) => d.path === "status" && d.message.startsWith("it was "));
  if (decided) {
    const outcome = decided.message.slice("it was ".length);
    return w.decided[outcome === "published" || outcome === "returned" ? outcome : "other"];
  }
  if (said("retracted")) return w.retracted;
  if (said("not open")) return w.disputeClosed;
  if (said("only deliveries are confirmed as received")) return w.notDelivery;
  if (details.some((d) => d.path === "target.id" && d.message.startsWith("it is ")))
    return w.targetUnpublished;
  return w.conflict;
}

/** A refusal of authority (403) in words: core's reason where the API gives it, in the page's language. */
function forbiddenSentence(refusal: Refusal, lang: Lang, context: RefusalContext): string {
  const w = refusalWords[lang];
  const { details } = refusal;
  if (details.some((d) => d.location === "header" && (d.path === "x-csrf-token" || d.path === "origin")))
    return w.crossSite;
  const fields = details.filter((d) => d.location === "json");
  if (fields.length > 0) return w.notSettable(fieldList(fields, lang, context));
  const reason = details.find((d) => d.location === "action")?.message;
  return reason ? w.forbidden(accountMessages[lang].reason(reason)) : w.forbiddenUnexplained;
}

/** A refusal in the page's words: what happened and what to do, never a status code or an id. */
export function refusalSentence(refusal: Refusal, lang: Lang, context: RefusalContext = {}): string {
  const w = refusalWords[lang];
  const { status, details } = refusal;
  if (status === 401) return w.signedOut;
  if (status === 403) return forbiddenSentence(refusal, lang, context);
  if (status === 404) return w.notFound;
  if (status === 409) return conflictSentence(refusal, lang, context);
  if (status === 412) return w.stale;
  if (status === 413) return w.tooLarge;
  if (status === 415) return w.unsupported;
  if (status === 429) return w.tooMany(waitWords(refusal.retryAfter, w));
  if (status === 400 || status === 422) {
    if (details.some((d) => d.message === "every field already has this value")) return w.nothingChanged;
    if (details.some((d) => d.message === "no such record")) return w.gone;
    return details.length > 0 ? w.invalid(fieldList(details, lang, context)) : w.invalidUnnamed;
  }
  if (status === 503) return w.busy(waitWords(refusal.retryAfter, w));
  if (status >= 500) return refusal.requestId ? w.server(refusal.requestId) : w.serverUnreferenced;
  return w.other(refusal.message);
}

/** One field's problem, said at the field: the tracker's words where it has them, else the API's, marked. */
export function detailWords(detail: { message: string }, lang: Lang): string {
  const w = refusalWords[lang];
  const known: Record<string, string> = w.details;
  return known[detail.message] ?? w.detail(detail.message);
}
