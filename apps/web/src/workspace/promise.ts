import { type Measure, magnitude, StageEvent, sumMeasures, TrancheRecord } from "@commitments/core";
import { check } from "./check.ts";
import { type MeasureDraft, type SourceDraft, toMeasure, toSources, withoutAbsent } from "./drafts.ts";
import { EntryReader } from "./entry.ts";
import type { WorkspaceMessages } from "./messages.ts";

/*
 * One form for a promise: a new commitment, the stage its amount has reached (the public totals count a promise
 * from its committed-stage event, not from the commitment itself) and its schedule, entered together and saved
 * as the commitment's drafts.
 */

/** The stage recorded with the commitment's amount; "none" records no event (the totals then count nothing). */
export type PromiseStage = "committed" | "pledged" | "none";
export const promiseStages: readonly PromiseStage[] = ["committed", "pledged", "none"];

export interface InstalmentDraft {
  due: string;
  amount: string;
}

export interface PromiseDraft {
  stage: PromiseStage;
  date: string;
  schedule: InstalmentDraft[];
}

export const emptyPromise = (): PromiseDraft => ({ stage: "committed", date: "", schedule: [] });
export const emptyInstalment = (): InstalmentDraft => ({ due: "", amount: "" });

/** What the promise's fields are read with: the commitment's own measure and sources. */
export interface PromiseBasis {
  measure: MeasureDraft;
  sources: SourceDraft[];
}

const EventBody = StageEvent.omit({ id: true, synthetic: true });
const TrancheBody = TrancheRecord.omit({ id: true });
// A commitment id the parts are checked with before the commitment has its own (the API gives it on create).
const unsavedId = "new-commitment";

/** An instalment's measure: the commitment's kind, currency or unit and item, with the instalment's figure. */
function instalmentMeasure(row: InstalmentDraft, basis: MeasureDraft, read: EntryReader, i: number): unknown {
  const path = `schedule.${i}.amount`;
  return basis.kind === "money"
    ? { kind: "money", ...read.amount(path, row.amount, basis.currency) }
    : { kind: "quantity", count: read.count(path, row.amount), unit: basis.unit, item: basis.item.trim() };
}

/** The stage event and the tranches the promise adds to commitment `id`, as the API takes them. */
export function promiseParts(
  promise: PromiseDraft,
  basis: PromiseBasis,
  read: EntryReader,
  id = unsavedId,
): { event: Record<string, unknown> | null; tranches: Record<string, unknown>[] } {
  const event =
    promise.stage === "none"
      ? null
      : withoutAbsent({
          commitment: id,
          stage: promise.stage,
          date: read.date("promise.date", promise.date),
          measure: toMeasure(basis.measure, read),
          confidence: "reported_by_donor",
          sources: toSources(basis.sources, read),
        });
  const tranches = promise.schedule.map((row, i) =>
    withoutAbsent({
      commitment: id,
      position: i,
      due: read.date(`schedule.${i}.due`, row.due),
      measure: instalmentMeasure(row, basis.measure, read, i),
    }),
  );
  return { event, tranches };
}

/**
 * The promise's own problems by field: its date, and each instalment's due date and figure. The measure and sources
 * it shares with the commitment are checked, and shown, there.
 */
export function checkPromise(
  parts: ReturnType<typeof promiseParts>,
  e: WorkspaceMessages["errors"],
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (parts.event) {
    const checked = check(EventBody, parts.event, e);
    if (!checked.ok && checked.errors.date) problems["promise.date"] = checked.errors.date;
  }
  parts.tranches.forEach((tranche, i) => {
    const checked = check(TrancheBody, tranche, e);
    if (checked.ok) return;
    for (const [path, message] of Object.entries(checked.errors)) {
      if (path === "due") problems[`schedule.${i}.due`] = message;
      else if (path.startsWith("measure")) problems[`schedule.${i}.amount`] ??= message;
    }
  });
  return problems;
}

/** The schedule's total and the commitment's measure, when both read (and are of one kind). */
export function scheduleTotal(
  promise: PromiseDraft,
  basis: PromiseBasis,
  lang: EntryReader["lang"],
): { total: Measure | null; amount: Measure | null } {
  const read = new EntryReader(lang);
  const amount = toMeasure(basis.measure, read) as Measure;
  const tranches = promiseParts(promise, basis, read).tranches.map((t) => t.measure as Measure);
  const unread = [amount, ...tranches].some((m) => magnitude(m) === "");
  if (unread || Object.keys(read.problems).length > 0) return { total: null, amount: null };
  const summed = sumMeasures(tranches);
  return { total: summed.ok ? summed.value : null, amount };
}
