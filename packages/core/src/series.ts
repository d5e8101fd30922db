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

/**
 * A month as a number, year × 12 + month − 1, so months are compared and counted as numbers: as text, "10000-01"
 * sorts before "9999-12". "YYYY" counts as its January.
 */
export function monthIndex(month: Month): number {
  const dash = month.indexOf("-", 1);
  if (dash === -1) return Number(month) * 12;
  return Number(month.slice(0, dash)) * 12 + Number(month.slice(dash + 1, dash + 3)) - 1;
}

/** The month of an index: monthAt(monthIndex(m)) = m. */
export function monthAt(index: number): Month {
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${pad((index % 12) + 1)}`;
}

/** Every period from the one holding `first` to the one holding `last`, in order (empty if last < first). */
export function periodsBetween(first: Month, last: Month, interval: SeriesInterval): string[] {
  const periods: string[] = [];
  const end = monthIndex(last);
  let month = monthIndex(periodMonths(periodOf(first, interval)).first);
  while (month <= end) {
    const period = periodOf(monthAt(month), interval);
    periods.push(period);
    month = monthIndex(periodMonths(period).last) + 1;
  }
  return periods;
}

export function nextMonth(month: Month): Month {
  return monthAt(monthIndex(month) + 1);
}

/** How many periods of `interval` the months `first` to `last` span. */
function periodCount(first: Month, last: Month, interval: SeriesInterval): number {
  const months = { month: 1, quarter: 3, year: 12 }[interval];
  const start = Math.floor(monthIndex(first) / months);
  return Math.max(0, Math.floor(monthIndex(last) / months) - start + 1);
}

/**
 * The most points (groups × periods) one series, chart or series export may have. Enough for every donor by the
 * month over decades; the work and the answer of one request stay bounded.
 */
export const maxSeriesPoints = 20_000;

/** Which query parameter to change so a series fits, and a message saying how. */
export interface SeriesTooLarge {
  parameter: "interval" | "groupBy" | "from";
  message: string;
}

/**
 * The points of a series of `groups` groups over the months `first` to `last`, and, past the cap, the parameter
 * to change: a coarser interval when that is enough, else fewer groups, else a shorter span.
 */
export function seriesSize(
  groups: number,
  first: Month,
  last: Month,
  interval: SeriesInterval,
): { points: number; tooLarge: SeriesTooLarge | null } {
  const periods = periodCount(first, last, interval);
  const points = groups * periods;
  if (points <= maxSeriesPoints) return { points, tooLarge: null };
  const size = `the series would have ${points.toLocaleString("en")} points (${groups.toLocaleString("en")} groups × ${periods.toLocaleString("en")} periods), more than ${maxSeriesPoints.toLocaleString("en")}`;
  if (interval !== "year" && groups * periodCount(first, last, "year") <= maxSeriesPoints) {
    return {
      points,
      tooLarge: {
        parameter: "interval",
        message: `${size}: choose a longer interval, a shorter from–to or fewer groups`,
      },
    };
  }
  if (groups > 1) {
    return {
      points,
      tooLarge: {
        parameter: "groupBy",
        message: `${size}: filter the groups (donor, category, tier, agreement), group otherwise or shorten from–to`,
      },
    };
  }
  return { points, tooLarge: { parameter: "from", message: `${size}: shorten from–to` } };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
