import type { Measure, Period, QuantityUnit, Source, SourceKind } from "@commitments/core";
import type { EntryReader } from "./entry.ts";

// What a form holds while it is filled in: text as typed, turned into a record only when it is checked. An empty
// optional field is left out of the record, rather than sent as "".

export interface MeasureDraft {
  kind: "money" | "quantity";
  amount: string;
  currency: string;
  count: string;
  unit: QuantityUnit;
  item: string;
}

export interface SourceDraft {
  title: string;
  kind: SourceKind | "";
  url: string;
  publisher: string;
  published: string;
  locator: string;
  quote: string;
}

export interface PeriodDraft {
  start: string;
  end: string;
}

/** An empty measure, in `currency` (the ministry's own: see core's homeCurrency). */
export const emptyMeasure = (currency = "EUR"): MeasureDraft => ({
  kind: "money",
  amount: "",
  currency,
  count: "",
  unit: "items",
  item: "",
});

export const emptySource = (): SourceDraft => ({
  title: "",
  kind: "",
  url: "",
  publisher: "",
  published: "",
  locator: "",
  quote: "",
});

export const emptyPeriod = (): PeriodDraft => ({ start: "", end: "" });

/** Text as the record takes it: trimmed, and absent when empty. */
export function optional(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** The measure as the record takes it, its figures read from the page language's own forms. */
export function toMeasure(draft: MeasureDraft, read: EntryReader, path = "measure"): unknown {
  return draft.kind === "money"
    ? { kind: "money", ...read.amount(`${path}.amount`, draft.amount, draft.currency) }
    : {
        kind: "quantity",
        count: read.count(`${path}.count`, draft.count),
        unit: draft.unit,
        item: draft.item.trim(),
      };
}

export function fromMeasure(measure: Measure): MeasureDraft {
  return measure.kind === "money"
    ? { ...emptyMeasure(), amount: measure.amount, currency: measure.currency }
    : { ...emptyMeasure(), kind: "quantity", count: measure.count, unit: measure.unit, item: measure.item };
}

/** Carries a commitment's measure over to a new tranche or event of it: same currency, or same unit and item. */
export function measureLike(measure: Measure, draft: MeasureDraft): MeasureDraft {
  return measure.kind === "money"
    ? { ...draft, kind: "money", currency: measure.currency }
    : { ...draft, kind: "quantity", unit: measure.unit, item: measure.item };
}

export function toSources(drafts: SourceDraft[], read: EntryReader): unknown[] {
  return drafts.map((s, i) =>
    Object.fromEntries(
      Object.entries({
        title: s.title.trim(),
        // An unchosen kind is sent as it is, so the schema says "choose one" rather than "missing".
        kind: s.kind,
        url: read.url(s.url),
        publisher: optional(s.publisher),
        published: read.date(`sources.${i}.published`, s.published),
        locator: optional(s.locator),
        quote: optional(s.quote),
      }).filter(([, value]) => value !== undefined),
    ),
  );
}

export function fromSources(sources: readonly Source[]): SourceDraft[] {
  return sources.map((s) => ({
    title: s.title,
    kind: s.kind,
    url: s.url ?? "",
    publisher: s.publisher ?? "",
    published: s.published ?? "",
    locator: s.locator ?? "",
    quote: s.quote ?? "",
  }));
}

/** Both ends empty: no period. One end given: the record is checked, and says the other is missing. */
export function toPeriod(draft: PeriodDraft, read: EntryReader): unknown {
  const start = read.date("period.start", draft.start);
  const end = read.date("period.end", draft.end);
  if (start === undefined && end === undefined) return undefined;
  return { start, end };
}

export function fromPeriod(period: Period | undefined): PeriodDraft {
  return period ? { start: period.start, end: period.end } : emptyPeriod();
}

/** A record without its absent fields, as JSON would carry it. */
export function withoutAbsent(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** JSON with sorted keys: two records are the same when these are. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/**
 * What an update sets: the fields whose value differs from the version read, each whole; a field emptied is sent
 * as null, which removes it. Only the fields the person may set are compared.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const field of fields) {
    if (canonical(before[field] ?? null) !== canonical(after[field] ?? null))
      set[field] = after[field] ?? null;
  }
  return set;
}
