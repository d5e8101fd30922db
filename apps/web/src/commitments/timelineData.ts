import type { Confidence, Measure, PartialDate, Stage } from "@commitments/core";

/*
 * The arithmetic of the timeline: exact sums of decimal strings (scaled integers, never floats) and days. Floats
 * are used only to place a point on the drawing, never for a figure the reader sees.
 */

/** Ten fraction digits: the most a decimal in the tracker has. */
const scale = 10;

export function toUnits(decimal: string): bigint {
  const [whole = "0", fraction = ""] = decimal.split(".");
  return BigInt(whole + fraction.padEnd(scale, "0"));
}

export function fromUnits(units: bigint): string {
  const digits = units.toString().padStart(scale + 1, "0");
  const fraction = digits.slice(-scale).replace(/0+$/, "");
  const whole = digits.slice(0, -scale);
  return fraction ? `${whole}.${fraction}` : whole;
}

export const magnitude = (measure: Measure) => (measure.kind === "money" ? measure.amount : measure.count);

/** Whether two figures can be added: one currency, or one unit of one item (as core's sameMeasureKind). */
export function sameKind(a: Measure, b: Measure): boolean {
  if (a.kind === "money" && b.kind === "money") return a.currency === b.currency;
  if (a.kind === "quantity" && b.kind === "quantity") return a.unit === b.unit && a.item === b.item;
  return false;
}

/** The day a partially known date counts from: its last day, as the API's fulfilment figures count it. */
export function countsFrom(date: PartialDate): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number | undefined, number | undefined];
  if (day !== undefined) return date;
  const last = month === undefined ? new Date(Date.UTC(year, 11, 31)) : new Date(Date.UTC(year, month, 0));
  return last.toISOString().slice(0, 10);
}

export const dayNumber = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) / 86_400_000;

export interface TimelinePoint {
  id: string;
  /** The date as recorded, for labels. */
  date: PartialDate;
  /** The day it counts from, for placing it. */
  day: string;
  amount: string;
  /** The running total once this point is counted. */
  cumulative: bigint;
  synthetic: boolean;
  estimated: boolean;
  disputed: boolean;
}

interface TrancheLike {
  id: string;
  due: PartialDate;
  measure: Measure;
  retracted: boolean;
}
interface EventLike {
  id: string;
  stage: Stage;
  date: PartialDate;
  measure: Measure;
  confidence: Confidence;
  synthetic?: boolean | undefined;
  disputed: boolean;
  retracted: boolean;
}

function running(points: Omit<TimelinePoint, "cumulative">[]): TimelinePoint[] {
  let total = 0n;
  return [...points]
    .sort((a, b) => dayNumber(a.day) - dayNumber(b.day) || a.id.localeCompare(b.id))
    .map((point) => {
      total += toUnits(point.amount);
      return { ...point, cumulative: total };
    });
}

export type TimelineData =
  | { ok: true; due: TimelinePoint[]; delivered: TimelinePoint[] }
  | { ok: false; reason: "mixed" };

/**
 * The schedule's tranches and the delivered events, each with its running total, in date order; retracted
 * records do not count. Refused when a figure is measured unlike the commitment: such figures do not add up.
 */
export function timelineData(
  commitment: { measure: Measure; synthetic?: boolean | undefined },
  schedule: readonly TrancheLike[],
  events: readonly EventLike[],
): TimelineData {
  const tranches = schedule.filter((t) => !t.retracted);
  const deliveries = events.filter((e) => !e.retracted && e.stage === "delivered");
  const measures = [...tranches.map((t) => t.measure), ...deliveries.map((e) => e.measure)];
  if (!measures.every((m) => sameKind(m, commitment.measure))) return { ok: false, reason: "mixed" };
  return {
    ok: true,
    due: running(
      tranches.map((t) => ({
        id: t.id,
        date: t.due,
        day: countsFrom(t.due),
        amount: magnitude(t.measure),
        synthetic: commitment.synthetic === true,
        estimated: false,
        disputed: false,
      })),
    ),
    delivered: running(
      deliveries.map((e) => ({
        id: e.id,
        date: e.date,
        day: countsFrom(e.date),
        amount: magnitude(e.measure),
        // A synthetic commitment's events are demo data whatever their own flag says.
        synthetic: e.synthetic === true || commitment.synthetic === true,
        estimated: e.confidence === "estimated",
        disputed: e.disputed,
      })),
    ),
  };
}
