import { z } from "zod";
import type { IsoDate } from "./dates.ts";

/**
 * Calendar periods of a promised-versus-delivered series. Figures are kept by month (the month of the day a figure
 * counts from: the last day of its partial date, see fulfilment.ts) and rolled up into quarters or years.
 */
export const SeriesInterval = z.enum(["month", "quarter", "year"]).meta({
  description: "The period of each point: month (2024-03), quarter (2024-Q1) or year (2024).",
});
export type SeriesInterval = z.infer<typeof SeriesInterval>;

/** A month as YYYY-MM. */
export type Month = string;

/** The month a day falls in: "2024-03-31" → "2024-03". */
export function monthOf(day: IsoDate): Month {
  return day.slice(0, 7);
}

/** The period a month falls in: "2024-03" → "2024-03", "2024-Q1" or "2024". */
export function periodOf(month: Month, interval: SeriesInterval): string {
  if (interval === "month") return month;
  const year = month.slice(0, 4);
  if (interval === "year") return year;
  return `${year}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/** The first and last month of a period. */
export function periodMonths(period: string): { first: Month; last: Month } {
  const year = period.slice(0, 4);
  const quarter = /^\d{4}-Q([1-4])$/.exec(period)?.[1];
  if (quarter !== undefined) {
    const q = Number(quarter);
    return { first: `${year}-${pad(q * 3 - 2)}`, last: `${year}-${pad(q * 3)}` };
  }
  if (period.length === 4) return { first: `${year}-01`, last: `${year}-12` };
  return { first: period, last: period };
}

/** Every period from the one holding `first` to the one holding `last`, in order (empty if last < first). */
export function periodsBetween(first: Month, last: Month, interval: SeriesInterval): string[] {
  const periods: string[] = [];
  let month = periodMonths(periodOf(first, interval)).first;
  while (month <= last) {
    const period = periodOf(month, interval);
    periods.push(period);
    month = nextMonth(periodMonths(period).last);
  }
  return periods;
}

export function nextMonth(month: Month): Month {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${String(y + 1).padStart(4, "0")}-01` : `${month.slice(0, 4)}-${pad(m + 1)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
