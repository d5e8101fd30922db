import { z } from "zod";

/**
 * The tracker's dates, all of them: the years 1900 to 2199. Every date it takes (records, schedules, rates, the
 * bounds of lists and series, `asOf` moments) lies in them, checked here once and again by the database; a date
 * outside is refused, naming the field. The bounds keep every span of periods small and known (3,600 months at
 * most) and every date four digits long; the records of aid to Ukraine fall well within them.
 */
export const dateDomain = {
  firstYear: 1900,
  lastYear: 2199,
  first: "1900-01-01",
  last: "2199-12-31",
} as const;

export const outsideDateDomain = "expected a date from 1900 to 2199";
/** The year of a date is one of 1900 to 2199: the format is checked on its own, so this looks at the year only. */
const domainYear = /^(19|20|21)\d{2}/;
/** The first and last moments of the domain, in milliseconds since 1970 (UTC). */
const firstMoment = Date.UTC(dateDomain.firstYear, 0, 1);
const endMoment = Date.UTC(dateDomain.lastYear + 1, 0, 1);

/**
 * A calendar date known to year, month or day precision ("2023", "2023-07", "2024-01-12").
 * Sources often say "mid-February 2024" or "2014/2015"; recording more precision than the source
 * gives would invent a fact.
 */
export const PartialDate = z
  .string()
  // Each check stops the next when it fails (abort): a value of the wrong form is said to be so once, not also to
  // lie outside the domain or to be no such day.
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    error: "expected YYYY, YYYY-MM or YYYY-MM-DD",
    abort: true,
  })
  .regex(domainYear, { error: outsideDateDomain, abort: true })
  .refine((value) => value.length < 10 || isRealDay(value), "no such day")
  .meta({
    id: "PartialDate",
    description: "A date to year, month or day precision: YYYY, YYYY-MM or YYYY-MM-DD, from 1900 to 2199.",
  });
export type PartialDate = z.infer<typeof PartialDate>;

/** A full calendar day, YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: "expected YYYY-MM-DD", abort: true })
  .regex(domainYear, { error: outsideDateDomain, abort: true })
  .refine(isRealDay, "no such day")
  .meta({ id: "IsoDate", description: "A calendar day, YYYY-MM-DD, from 1900 to 2199." });
export type IsoDate = z.infer<typeof IsoDate>;

/** A year or a month, YYYY or YYYY-MM: the bounds of a series. */
export const MonthOrYear = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { error: "expected YYYY or YYYY-MM", abort: true })
  .regex(domainYear, outsideDateDomain);
export type MonthOrYear = z.infer<typeof MonthOrYear>;

/**
 * A moment, ISO 8601 with a UTC offset (Z or ±hh:mm): whatever its offset, the moment itself lies in the domain.
 * Read it with `new Date(…)`, which normalises it to UTC.
 */
export const Instant = z.iso.datetime({ offset: true }).refine((value) => {
  const moment = Date.parse(value);
  // A value Date cannot read is the format's to refuse.
  return Number.isNaN(moment) || (moment >= firstMoment && moment < endMoment);
}, "expected a moment from 1900 to 2199");

/** Days since 1900-01-01: dates compared and ordered as numbers, never as text. */
export function dayNumber(date: IsoDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - firstMoment) / 86_400_000);
}

/** Orders two days: negative, zero or positive, as `a` is before, on or after `b`. */
export function compareDays(a: IsoDate, b: IsoDate): number {
  return dayNumber(a) - dayNumber(b);
}

/**
 * Orders two partial dates by the first day each may stand for, the less precise first on the same day: "2024"
 * before "2024-01" before "2024-01-01" before "2024-02".
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return compareDays(dateRange(a).start, dateRange(b).start) || a.length - b.length;
}

export type DatePrecision = "year" | "month" | "day";

export function precisionOf(date: PartialDate): DatePrecision {
  return date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
}

/** The first and last day a partial date may stand for: "2024-02" covers 2024-02-01..2024-02-29. */
export function dateRange(date: PartialDate): { start: IsoDate; end: IsoDate } {
  const [y, m, d] = date.split("-").map(Number) as [number, number | undefined, number | undefined];
  if (d !== undefined) return { start: date, end: date };
  if (m !== undefined) return { start: `${date}-01`, end: `${date}-${pad(daysInMonth(y, m))}` };
  return { start: `${date}-01-01`, end: `${date}-12-31` };
}

/** Adds whole years to a date, keeping its precision (29 February falls back to 28). */
export function addYears(date: PartialDate, years: number): PartialDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number | undefined, number | undefined];
  const year = String(y + years).padStart(4, "0");
  if (m === undefined) return year;
  if (d === undefined) return `${year}-${pad(m)}`;
  return `${year}-${pad(m)}-${pad(Math.min(d, daysInMonth(y + years, m)))}`;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function isRealDay(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  return d <= daysInMonth(y, m);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
