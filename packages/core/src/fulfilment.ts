import { sameMeasureKind } from "./commitments.ts";
import {
  addDays,
  compareDays,
  dateDomain,
  dateRange,
  daysBetween,
  type IsoDate,
  type PartialDate,
} from "./dates.ts";
import { compare, divide, max, multiply, ratio, subtract, sum } from "./decimal.ts";
import type { DecimalString, Measure } from "./money.ts";
import type { Problem, Result } from "./result.ts";
import type { Stage } from "./stage.ts";

/**
 * Fulfilment arithmetic: how much of a promise was delivered, against its schedule, as of a day. Inputs are the
 * minimal shapes of StageEvent and Tranche, so database rows can be passed as they are. All amounts are exact
 * decimals; money in different currencies is refused, not converted (convert first, see exchange-rates.ts).
 *
 * Partial dates: a figure dated "2024-02" counts from the LAST day of its range (2024-02-29), and a tranche due
 * "2025" is due by 2025-12-31. Until the range is over we cannot say the event has happened or the tranche is late.
 *
 * Reversals: an event's money may be negative (a reversed disbursement, a decommitment). Totals are signed sums,
 * so they can fall; a promise that nets to zero or less counts as nothing promised.
 */

export interface StagedMeasure {
  stage: Stage;
  date: PartialDate;
  measure: Measure;
}

export interface ScheduledMeasure {
  due: PartialDate;
  measure: Measure;
}

export interface MeasureProblem extends Problem {
  code: "mixed_measures";
}

/** The day from which a figure with this (partial) date counts: the last day of its range. */
export function countsFrom(date: PartialDate): IsoDate {
  return dateRange(date).end;
}

/** The number in a measure: the money amount or the quantity count. */
export function magnitude(measure: Measure): DecimalString {
  return measure.kind === "money" ? measure.amount : measure.count;
}

/** What a measure counts, for messages: "EUR" or "rounds of 155mm shells". */
export function measureKindLabel(measure: Measure): string {
  return measure.kind === "money" ? measure.currency : `${measure.unit} of ${measure.item}`;
}

/** Sums measures of one kind exactly; null for an empty list (there is no kind to report). */
export function sumMeasures(measures: readonly Measure[]): Result<Measure | null, MeasureProblem> {
  const mixed = mismatch(measures);
  if (mixed) return { ok: false, error: mixed };
  const [first] = measures;
  if (!first) return { ok: true, value: null };
  const total = sum(measures.map(magnitude));
  return {
    ok: true,
    value: first.kind === "money" ? { ...first, amount: total } : { ...first, count: total },
  };
}

/**
 * The sum of one stage's figures counting on or before asOf. Every figure of the stage must be of one kind,
 * whatever its date, so whether a series is valid does not depend on asOf.
 */
export function totalUpTo(
  events: readonly StagedMeasure[],
  stage: Stage,
  asOf: IsoDate,
): Result<DecimalString, MeasureProblem> {
  const ofStage = events.filter((e) => e.stage === stage);
  const mixed = mismatch(ofStage.map((e) => e.measure));
  return mixed ? { ok: false, error: mixed } : { ok: true, value: dueBy(ofStage.map(dated), asOf) };
}

/** What was promised by asOf: the "committed" total by default; pass "pledged" for announcements. */
export function promisedTotal(
  events: readonly StagedMeasure[],
  asOf: IsoDate,
  stage: Stage = "committed",
): Result<DecimalString, MeasureProblem> {
  return totalUpTo(events, stage, asOf);
}

/** What was handed over by asOf: the "delivered" total by default; pass "allocated" for earmarked. */
export function deliveredTotal(
  events: readonly StagedMeasure[],
  asOf: IsoDate,
  stage: Stage = "delivered",
): Result<DecimalString, MeasureProblem> {
  return totalUpTo(events, stage, asOf);
}

/** delivered / promised in [0, 1]; over-delivery shows as `excess`. Null when nothing (or less) is promised. */
export function fulfilmentRatio(promised: DecimalString, delivered: DecimalString): number | null {
  return clampedRatio(delivered, promised);
}

/** How much more than promised was delivered: max(0, delivered − promised). */
export function excess(promised: DecimalString, delivered: DecimalString): DecimalString {
  return max("0", subtract(delivered, promised));
}

/** The sum of tranches due on or before asOf. */
export function scheduledUpTo(
  tranches: readonly ScheduledMeasure[],
  asOf: IsoDate,
): Result<DecimalString, MeasureProblem> {
  const mixed = mismatch(tranches.map((t) => t.measure));
  return mixed ? { ok: false, error: mixed } : { ok: true, value: dueBy(tranches.map(scheduled), asOf) };
}

/** delivered / scheduled so far, in [0, 1]. Null when nothing is due yet. */
export function scheduleAdherence(delivered: DecimalString, scheduledSoFar: DecimalString): number | null {
  return clampedRatio(delivered, scheduledSoFar);
}

/**
 * Days behind schedule at asOf. Deliveries pay off tranches in due order; the delay is the age of the oldest
 * tranche not yet fully covered: asOf minus its due day, 0 if every tranche due by asOf is covered (on or ahead
 * of schedule). This is "days past due" of arrears: it grows by one a day until delivery catches up.
 */
export function delayDays(
  tranches: readonly ScheduledMeasure[],
  events: readonly StagedMeasure[],
  asOf: IsoDate,
  deliveredStage: Stage = "delivered",
): Result<number, MeasureProblem> {
  const delivered = events.filter((e) => e.stage === deliveredStage);
  const mixed = mismatch([...tranches.map((t) => t.measure), ...delivered.map((e) => e.measure)]);
  if (mixed) return { ok: false, error: mixed };
  return { ok: true, value: delay(tranches.map(scheduled), dueBy(delivered.map(dated), asOf), asOf) };
}

export interface Completion {
  date: IsoDate;
  /** false: the day deliveries reached the promise (already complete); true: a linear projection. */
  projected: boolean;
}

/**
 * When the promise is, or will be, fully delivered. If deliveries counted by asOf already reach `promised`, the day
 * they did so for good (projected: false): a reversal that took the total below the promise again starts the wait
 * anew. Otherwise the delivery rate from the first delivery to asOf, extrapolated linearly: asOf + ⌈remaining ×
 * elapsed days / delivered⌉. Null when nothing is promised or (net) delivered, when the only deliveries count on
 * asOf itself (no rate yet), or when the projection lies beyond the last day of the domain (2199-12-31).
 */
export function projectedCompletion(
  events: readonly StagedMeasure[],
  promised: DecimalString,
  asOf: IsoDate,
  deliveredStage: Stage = "delivered",
): Result<Completion | null, MeasureProblem> {
  const delivered = events.filter((e) => e.stage === deliveredStage);
  const mixed = mismatch(delivered.map((e) => e.measure));
  if (mixed) return { ok: false, error: mixed };
  return { ok: true, value: completion(delivered.map(dated), promised, asOf) };
}

export interface Fulfilment {
  asOf: IsoDate;
  promised: DecimalString;
  delivered: DecimalString;
  ratio: number | null;
  excess: DecimalString;
  scheduled: DecimalString;
  adherence: number | null;
  delayDays: number;
  completion: Completion | null;
}

export interface FulfilmentOptions {
  /** Which stage counts as the promise; default "committed". */
  promisedStage?: Stage;
  /** Which stage counts as delivery; default "delivered". */
  deliveredStage?: Stage;
}

/**
 * All fulfilment figures of one commitment as of a day. The commitment's own measure (if given), its schedule and
 * the events of the two chosen stages must all be of one kind; events of other stages are ignored.
 */
export function fulfilment(
  commitment: { measure?: Measure; schedule?: readonly ScheduledMeasure[] },
  events: readonly StagedMeasure[],
  asOf: IsoDate,
  { promisedStage = "committed", deliveredStage = "delivered" }: FulfilmentOptions = {},
): Result<Fulfilment, MeasureProblem> {
  const schedule = (commitment.schedule ?? []).map(scheduled);
  const promisedEvents = events.filter((e) => e.stage === promisedStage).map(dated);
  const deliveredEvents = events.filter((e) => e.stage === deliveredStage).map(dated);
  const mixed = mismatch([
    ...(commitment.measure ? [commitment.measure] : []),
    ...[...schedule, ...promisedEvents, ...deliveredEvents].map((x) => x.measure),
  ]);
  if (mixed) return { ok: false, error: mixed };

  const promised = dueBy(promisedEvents, asOf);
  const delivered = dueBy(deliveredEvents, asOf);
  const scheduledSoFar = dueBy(schedule, asOf);
  return {
    ok: true,
    value: {
      asOf,
      promised,
      delivered,
      ratio: fulfilmentRatio(promised, delivered),
      excess: excess(promised, delivered),
      scheduled: scheduledSoFar,
      adherence: scheduleAdherence(delivered, scheduledSoFar),
      delayDays: delay(schedule, delivered, asOf),
      completion: completion(deliveredEvents, promised, asOf),
    },
  };
}

/** A figure reduced to the day it counts from and its measure. */
interface Dated {
  day: IsoDate;
  measure: Measure;
}

function dated(e: StagedMeasure): Dated {
  return { day: countsFrom(e.date), measure: e.measure };
}

function scheduled(t: ScheduledMeasure): Dated {
  return { day: countsFrom(t.due), measure: t.measure };
}

function dueBy(items: readonly Dated[], asOf: IsoDate): DecimalString {
  return sum(items.filter((x) => compareDays(x.day, asOf) <= 0).map((x) => magnitude(x.measure)));
}

function byDay(items: readonly Dated[]): Dated[] {
  return [...items].sort((a, b) => compareDays(a.day, b.day));
}

function delay(schedule: readonly Dated[], delivered: DecimalString, asOf: IsoDate): number {
  let cumulative = "0";
  for (const tranche of byDay(schedule)) {
    if (compareDays(tranche.day, asOf) > 0) break;
    cumulative = sum([cumulative, magnitude(tranche.measure)]);
    if (compare(cumulative, delivered) > 0) return daysBetween(tranche.day, asOf);
  }
  return 0;
}

function completion(deliveries: readonly Dated[], promised: DecimalString, asOf: IsoDate): Completion | null {
  if (compare(promised, "0") <= 0) return null;
  const counted = byDay(deliveries.filter((d) => compareDays(d.day, asOf) <= 0));
  let cumulative = "0";
  let reached: IsoDate | null = null;
  for (const d of counted) {
    cumulative = sum([cumulative, magnitude(d.measure)]);
    if (compare(cumulative, promised) < 0) reached = null;
    else reached ??= d.day;
  }
  if (reached !== null) return { date: reached, projected: false };
  const first = counted[0];
  // No rate to extrapolate: nothing delivered on balance, or more reversed than delivered.
  if (!first || compare(cumulative, "0") <= 0) return null;
  const elapsed = daysBetween(first.day, asOf);
  if (elapsed === 0) return null;
  const days = divide(multiply(subtract(promised, cumulative), String(elapsed)), cumulative, 0, "up");
  if (compare(days, String(daysBetween(asOf, dateDomain.last))) > 0) return null;
  return { date: addDays(asOf, Number(days)), projected: true };
}

function clampedRatio(part: DecimalString, whole: DecimalString): number | null {
  if (compare(whole, "0") <= 0) return null;
  if (compare(part, whole) >= 0) return 1;
  return Math.max(0, ratio(part, whole) ?? 0);
}

/** The first pair of measures that cannot be added up, as a problem; null when all are of one kind. */
function mismatch(measures: readonly Measure[]): MeasureProblem | null {
  const [first] = measures;
  const other = measures.find((m) => first && !sameMeasureKind(first, m));
  if (!first || !other) return null;
  return {
    code: "mixed_measures",
    message: `cannot add ${measureKindLabel(first)} and ${measureKindLabel(other)}: convert to one currency or unit first`,
  };
}
