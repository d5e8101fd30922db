import { z } from "zod";

/**
 * A calendar date known to year, month or day precision ("2023", "2023-07", "2024-01-12").
 * Sources often say "mid-February 2024" or "2014/2015"; recording more precision than the source
 * gives would invent a fact.
 */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD")
  .refine((value) => value.length < 10 || isRealDay(value), "no such day")
  .meta({
    id: "PartialDate",
    description: "A date to year, month or day precision: YYYY, YYYY-MM or YYYY-MM-DD.",
  });
export type PartialDate = z.infer<typeof PartialDate>;

/** A full calendar day, YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "expected YYYY-MM-DD")
  .refine(isRealDay, "no such day")
  .meta({ id: "IsoDate", description: "A calendar day, YYYY-MM-DD." });
export type IsoDate = z.infer<typeof IsoDate>;

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
