import { z } from "zod";
import {
  addDays,
  compareDays,
  dateRange,
  dayNumber,
  daysBetween,
  IsoDate,
  type PartialDate,
} from "./dates.ts";
import { compare, divide, isZero, multiply, toScale } from "./decimal.ts";
import { CurrencyCode, DecimalString, type Money } from "./money.ts";
import type { Problem, Result } from "./result.ts";

/** One reference rate in the ECB convention: 1 EUR = perEur units of currency on that day. */
export const ExchangeRate = z
  .object({ date: IsoDate, currency: CurrencyCode, perEur: DecimalString })
  .strict()
  .superRefine((r, ctx) => {
    if (r.currency === "EUR")
      ctx.addIssue({ code: "custom", path: ["currency"], message: "EUR is the base (1)" });
    // Refinements run even when a field failed its own check: a malformed perEur is reported once, not thrown.
    if (DecimalString.safeParse(r.perEur).success && (r.perEur.startsWith("-") || isZero(r.perEur))) {
      ctx.addIssue({ code: "custom", path: ["perEur"], message: "a rate must be positive" });
    }
  })
  .meta({
    id: "ExchangeRate",
    description:
      "A reference rate in the European Central Bank convention: 1 EUR = perEur units of currency on date. EUR itself is implicitly 1.",
  });
export type ExchangeRate = z.infer<typeof ExchangeRate>;

/** Which rate date converts a figure: the figure's own date, or one date for every figure (e.g. a report's). */
export const ConversionConvention = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("event_date") }).strict(),
    z.object({ kind: z.literal("fixed_date"), date: IsoDate }).strict(),
  ])
  .meta({
    id: "ConversionConvention",
    description: "event_date: the rate of each figure's own date; fixed_date: one rate date for all figures.",
  });
export type ConversionConvention = z.infer<typeof ConversionConvention>;

export interface RateProblem extends Problem {
  code: "missing_rate" | "conflicting_rate";
  currency: CurrencyCode;
  date: IsoDate;
}

export interface RateTable {
  /** Per currency: rate dates ascending, and the rate on each. */
  readonly series: ReadonlyMap<CurrencyCode, { dates: IsoDate[]; perEur: DecimalString[] }>;
  /** The latest rate date of any currency, null for an empty table. */
  readonly latestDate: IsoDate | null;
  /** How far back a lookup may fall; see createRateTable. */
  readonly maxAgeDays: number;
}

/**
 * Indexes rate rows once so each lookup is a binary search. `maxAgeDays` (default 7) bounds the fallback to
 * earlier days: the ECB's longest regular gap (Good Friday to Easter Monday) is 5 days, and a discontinued series
 * (the ECB stopped RUB after 2022-03-01) must not silently price later figures. Raise it for monthly tables.
 */
export function createRateTable(
  rows: readonly ExchangeRate[],
  { maxAgeDays = 7 }: { maxAgeDays?: number } = {},
): Result<RateTable, RateProblem> {
  // By currency, then by day: days numbered once, compared as numbers.
  const sorted = rows
    .map((row) => ({ row, day: dayNumber(row.date) }))
    .sort((a, b) =>
      a.row.currency < b.row.currency ? -1 : a.row.currency > b.row.currency ? 1 : a.day - b.day,
    )
    .map(({ row }) => row);
  const series = new Map<CurrencyCode, { dates: IsoDate[]; perEur: DecimalString[] }>();
  let latestDate: IsoDate | null = null;
  for (const row of sorted) {
    const s = series.get(row.currency) ?? { dates: [], perEur: [] };
    series.set(row.currency, s);
    const last = s.dates.length - 1;
    if (s.dates[last] === row.date) {
      if (compare(s.perEur[last] ?? "0", row.perEur) === 0) continue;
      return problem(
        "conflicting_rate",
        row.currency,
        row.date,
        `two different ${row.currency} rates on ${row.date}`,
      );
    }
    s.dates.push(row.date);
    s.perEur.push(row.perEur);
    if (latestDate === null || compareDays(row.date, latestDate) > 0) latestDate = row.date;
  }
  return { ok: true, value: { series, latestDate, maxAgeDays } };
}

export interface RateOn {
  currency: CurrencyCode;
  perEur: DecimalString;
  /** The rate date actually used; for EUR, the requested date. */
  date: IsoDate;
}

/** The rate on the latest rate date on or before `date` (no rates are published on weekends and holidays). */
export function lookupRate(
  table: RateTable,
  currency: CurrencyCode,
  date: IsoDate,
): Result<RateOn, RateProblem> {
  if (currency === "EUR") return { ok: true, value: { currency, perEur: "1", date } };
  const s = table.series.get(currency);
  if (!s)
    return problem("missing_rate", currency, date, `no EUR/${currency} rates at all (needed for ${date})`);
  // Binary search for the last rate date on or before date.
  const day = dayNumber(date);
  let lo = 0;
  let hi = s.dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dayNumber(s.dates[mid] as IsoDate) <= day) lo = mid + 1;
    else hi = mid;
  }
  const found = s.dates[lo - 1];
  const perEur = s.perEur[lo - 1];
  if (found === undefined || perEur === undefined) {
    return problem("missing_rate", currency, date, `no EUR/${currency} rate on or before ${date}`);
  }
  if (daysBetween(found, date) > table.maxAgeDays) {
    return problem(
      "missing_rate",
      currency,
      date,
      `no EUR/${currency} rate within ${table.maxAgeDays} days before ${date} (latest earlier rate: ${found})`,
    );
  }
  return { ok: true, value: { currency, perEur, date: found } };
}

export interface Converted {
  amount: DecimalString;
  currency: CurrencyCode;
  original: Money;
  /** The effective original→target rate, 10 decimal places (the amount is computed from the exact legs). */
  rate: DecimalString;
  /** The rate date used: of a cross rate's two legs, the older (legs differ only where one series has a gap). */
  rateDate: IsoDate;
  convention?: ConversionConvention;
}

/**
 * Converts via EUR cross rates, amount × perEur(target) / perEur(original), rounded once, half-even, to `places`.
 * The same currency is the identity: amount unchanged, rate "1", rateDate = onDate.
 */
export function convert(
  money: Money,
  target: CurrencyCode,
  onDate: IsoDate,
  table: RateTable,
  places = 2,
): Result<Converted, RateProblem> {
  if (money.currency === target) {
    return {
      ok: true,
      value: { amount: money.amount, currency: target, original: money, rate: "1", rateDate: onDate },
    };
  }
  const from = lookupRate(table, money.currency, onDate);
  if (!from.ok) return from;
  const to = lookupRate(table, target, onDate);
  if (!to.ok) return to;
  const legDates = [from.value, to.value].filter((leg) => leg.currency !== "EUR").map((leg) => leg.date);
  const amount = divide(multiply(money.amount, to.value.perEur), from.value.perEur, places);
  return {
    ok: true,
    value: {
      amount: toScale(amount, places),
      currency: target,
      original: money,
      rate: divide(to.value.perEur, from.value.perEur, 10),
      rateDate: legDates.sort()[0] ?? onDate,
    },
  };
}

/**
 * The rate date a convention picks for a figure dated `eventDate`. A partial date ("2023-05", "2023") uses the
 * middle of its range: the true day is unknown, the middle halves the worst-case error, and for a total over the
 * span the mid-span rate approximates the span's average rate better than either end. The middle is capped at
 * `latestRateDate` (a "2025" figure known in March 2025 happened before then) but never before the range starts.
 */
export function rateDateFor(
  convention: ConversionConvention,
  eventDate: PartialDate,
  latestRateDate: IsoDate | null = null,
): IsoDate {
  if (convention.kind === "fixed_date") return convention.date;
  const { start, end } = dateRange(eventDate);
  const middle = addDays(start, Math.floor(daysBetween(start, end) / 2));
  if (latestRateDate === null || compareDays(latestRateDate, middle) >= 0) return middle;
  return compareDays(latestRateDate, start) > 0 ? latestRateDate : start;
}

/** convert() on the date a convention picks for the figure, recording the convention on the result. */
export function convertByConvention(
  money: Money,
  target: CurrencyCode,
  eventDate: PartialDate,
  convention: ConversionConvention,
  table: RateTable,
  places = 2,
): Result<Converted, RateProblem> {
  const result = convert(money, target, rateDateFor(convention, eventDate, table.latestDate), table, places);
  return result.ok ? { ok: true, value: { ...result.value, convention } } : result;
}

function problem(
  code: RateProblem["code"],
  currency: CurrencyCode,
  date: IsoDate,
  message: string,
): { ok: false; error: RateProblem } {
  return { ok: false, error: { code, currency, date, message } };
}
