import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addYears, dateRange, daysBetween, IsoDate, PartialDate, precisionOf } from "./dates.ts";

/** Calendar days from 1900 to 2200, as YYYY-MM-DD. */
const isoDay = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
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
        expect(start <= end).toBe(true);
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
    fc.assert(
      fc.property(partialDate, fc.integer({ min: -100, max: 100 }), (date, years) => {
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
      fc.property(isoDay, fc.integer({ min: -100_000, max: 100_000 }), (date, days) => {
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
