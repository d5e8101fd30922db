import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  addDays,
  addYears,
  dateDomain,
  dateRange,
  dayNumber,
  daysBetween,
  Instant,
  IsoDate,
  MonthOrYear,
  PartialDate,
  precisionOf,
} from "./dates.ts";

/** Calendar days of the domain, 1900 to 2199, as YYYY-MM-DD. */
const isoDay = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** A day of the domain and a number of days that keeps it in the domain. */
const dayAndShift = isoDay.chain((date) =>
  fc.tuple(
    fc.constant(date),
    fc.integer({ min: daysBetween(date, dateDomain.first), max: daysBetween(date, dateDomain.last) }),
  ),
);
const partialDate = fc.oneof(
  isoDay,
  isoDay.map((d) => d.slice(0, 7)),
  isoDay.map((d) => d.slice(0, 4)),
);

describe("precisionOf", () => {
  it.each([
    ["2024", "year"],
    ["2024-02", "month"],
    ["2024-02-29", "day"],
  ] as const)("%s is to the %s", (date, precision) => expect(precisionOf(date)).toBe(precision));
});

describe("dateRange", () => {
  it.each([
    ["2024", "2024-01-01", "2024-12-31"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2023-02", "2023-02-01", "2023-02-28"],
    ["1900-02", "1900-02-01", "1900-02-28"],
    ["2000-02", "2000-02-01", "2000-02-29"],
    ["2024-04", "2024-04-01", "2024-04-30"],
    ["2024-12", "2024-12-01", "2024-12-31"],
    ["2024-01-12", "2024-01-12", "2024-01-12"],
  ])("%s covers %s..%s", (date, start, end) => {
    expect(dateRange(date)).toEqual({ start, end });
  });

  it("gives valid days that contain the partial date, start before end", () => {
    fc.assert(
      fc.property(partialDate, (date) => {
        const { start, end } = dateRange(date);
        expect(IsoDate.safeParse(start).success).toBe(true);
        expect(IsoDate.safeParse(end).success).toBe(true);
        expect(start.startsWith(date)).toBe(true);
        expect(end.startsWith(date)).toBe(true);
        expect(dayNumber(start) <= dayNumber(end)).toBe(true);
      }),
    );
  });
});

describe("addYears", () => {
  it.each([
    ["2024-01-12", 10, "2034-01-12"],
    ["2024-02-29", 1, "2025-02-28"],
    ["2024-02-29", 4, "2028-02-29"],
    ["2024-02-29", -1, "2023-02-28"],
    ["2096-02-29", 4, "2100-02-28"],
    ["2024-02", 1, "2025-02"],
    ["2024", 10, "2034"],
    ["2024-06-30", 0, "2024-06-30"],
  ] as const)("%s + %i years = %s", (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it("keeps the precision and gives a valid date", () => {
    // Years that keep the date in the domain: 1900 to 2199.
    const moved = partialDate.chain((date) => {
      const year = Number(date.slice(0, 4));
      return fc.tuple(fc.constant(date), fc.integer({ min: 1900 - year, max: 2199 - year }));
    });
    fc.assert(
      fc.property(moved, ([date, years]) => {
        const result = addYears(date, years);
        expect(PartialDate.safeParse(result).success).toBe(true);
        expect(precisionOf(result)).toBe(precisionOf(date));
      }),
    );
  });

  it("is undone by subtracting the years, except from 29 February", () => {
    fc.assert(
      fc.property(
        partialDate.filter((d) => !d.endsWith("-02-29")),
        fc.integer({ min: -100, max: 100 }),
        (date, years) => {
          expect(addYears(addYears(date, years), -years)).toBe(date);
        },
      ),
    );
  });
});

describe("daysBetween and addDays", () => {
  it.each([
    ["2024-02-28", "2024-03-01", 2],
    ["2023-02-28", "2023-03-01", 1],
    ["2024-01-12", "2034-01-12", 3653],
    ["2024-03-01", "2024-02-28", -2],
    ["2024-06-01", "2024-06-01", 0],
  ])("%s to %s is %i days", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });

  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2023-03-01", -1, "2023-02-28"],
  ])("%s + %i days = %s", (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  it("are inverse: daysBetween(d, addDays(d, n)) = n", () => {
    fc.assert(
      fc.property(dayAndShift, ([date, days]) => {
        const moved = addDays(date, days);
        expect(IsoDate.safeParse(moved).success).toBe(true);
        expect(daysBetween(date, moved)).toBe(days);
      }),
    );
  });

  it("are inverse: addDays(a, daysBetween(a, b)) = b", () => {
    fc.assert(
      fc.property(isoDay, isoDay, (a, b) => {
        expect(addDays(a, daysBetween(a, b))).toBe(b);
        expect(daysBetween(a, b) + daysBetween(b, a)).toBe(0);
      }),
    );
  });
});

describe("the domain of dates: the years 1900 to 2199", () => {
  const domainMessage = "expected a date from 1900 to 2199";
  const messages = (schema: z.ZodType, value: string) =>
    schema.safeParse(value).error?.issues.map((issue) => issue.message);

  it.each(["1900", "1900-01", "1900-01-01", "2199", "2199-12", "2199-12-31", "2024-02-29", "2196-02-29"])(
    "PartialDate accepts %s",
    (value) => expect(messages(PartialDate, value)).toBeUndefined(),
  );

  it.each([
    "0000",
    "0000-01",
    "0000-01-01",
    "0001-01-01",
    "1899-12-31",
    "2200",
    "2200-01-01",
    "9998-06",
    "9999-12-31",
  ])("PartialDate refuses %s, saying the domain", (value) =>
    expect(messages(PartialDate, value)).toEqual([domainMessage]),
  );

  it.each(["1900-01-01", "2199-12-31"])("IsoDate accepts %s", (value) =>
    expect(messages(IsoDate, value)).toBeUndefined(),
  );

  it.each(["0000-01-01", "0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])(
    "IsoDate refuses %s, saying the domain",
    (value) => expect(messages(IsoDate, value)).toEqual([domainMessage]),
  );

  it.each(["1900", "1900-01", "2199", "2199-12"])("MonthOrYear accepts %s", (value) =>
    expect(messages(MonthOrYear, value)).toBeUndefined(),
  );

  it.each(["0000-01", "1899", "2200-01", "9999-12"])("MonthOrYear refuses %s, saying the domain", (value) =>
    expect(messages(MonthOrYear, value)).toEqual([domainMessage]),
  );

  it.each([
    "1900-01-01T00:00:00Z",
    "1900-01-01T00:00:00-14:00",
    "2199-12-31T23:59:59.999Z",
    "2199-12-31T23:59:59+14:00",
    "2024-06-30T12:00:00.123456+05:30",
  ])("Instant accepts %s, whatever its offset", (value) => expect(messages(Instant, value)).toBeUndefined());

  it.each([
    "0000-01-01T00:00:00Z",
    "0001-01-01T00:00:00+14:00",
    "1900-01-01T00:00:00+00:01",
    "2199-12-31T23:59:59-00:01",
    "9999-12-31T23:59:59-14:00",
  ])("Instant refuses %s: the moment, at any offset, lies outside the domain", (value) =>
    expect(messages(Instant, value)).toEqual(["expected a moment from 1900 to 2199"]),
  );

  it("numbers days as dates, not as text", () => {
    expect(dayNumber("1900-01-01")).toBe(0);
    expect(dayNumber("1900-03-01")).toBe(59);
    expect(dayNumber(dateDomain.last)).toBe(daysBetween(dateDomain.first, dateDomain.last));
    fc.assert(
      fc.property(isoDay, isoDay, (a, b) => {
        expect(Math.sign(dayNumber(b) - dayNumber(a))).toBe(Math.sign(daysBetween(a, b)));
      }),
    );
  });
});
