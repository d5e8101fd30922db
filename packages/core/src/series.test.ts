import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  maxSeriesPoints,
  monthAt,
  monthIndex,
  monthOf,
  nextMonth,
  periodMonths,
  periodOf,
  periodsBetween,
  type SeriesInterval,
  seriesSize,
} from "./series.ts";

describe("series periods", () => {
  it("names the period of a month", () => {
    expect(periodOf("2024-03", "month")).toBe("2024-03");
    expect(periodOf("2024-03", "quarter")).toBe("2024-Q1");
    expect(periodOf("2024-10", "quarter")).toBe("2024-Q4");
    expect(periodOf("2024-12", "year")).toBe("2024");
    expect(monthOf("2024-02-29")).toBe("2024-02");
  });

  it("gives the months of a period", () => {
    expect(periodMonths("2024-Q2")).toEqual({ first: "2024-04", last: "2024-06" });
    expect(periodMonths("2024")).toEqual({ first: "2024-01", last: "2024-12" });
    expect(periodMonths("2024-07")).toEqual({ first: "2024-07", last: "2024-07" });
    expect(nextMonth("2024-12")).toBe("2025-01");
  });

  it("lists whole periods between two months", () => {
    expect(periodsBetween("2024-02", "2024-08", "quarter")).toEqual(["2024-Q1", "2024-Q2", "2024-Q3"]);
    expect(periodsBetween("2023-11", "2024-02", "month")).toEqual([
      "2023-11",
      "2023-12",
      "2024-01",
      "2024-02",
    ]);
    expect(periodsBetween("2023-11", "2025-01", "year")).toEqual(["2023", "2024", "2025"]);
    expect(periodsBetween("2024-05", "2024-04", "month")).toEqual([]);
  });

  it("puts every month in exactly one period, in order", () => {
    const month = fc
      .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        month,
        month,
        fc.constantFrom<SeriesInterval[]>("month", "quarter", "year"),
        (a, b, interval) => {
          const [first, last] = monthIndex(a) <= monthIndex(b) ? [a, b] : [b, a];
          const periods = periodsBetween(first, last, interval);
          expect(periods[0]).toBe(periodOf(first, interval));
          expect(periods.at(-1)).toBe(periodOf(last, interval));
          expect(new Set(periods).size).toBe(periods.length);
          for (const p of periods) expect(periodOf(periodMonths(p).first, interval)).toBe(p);
        },
      ),
    );
  });
});

describe("months counted, never compared as text", () => {
  it("numbers months: year × 12 + month − 1", () => {
    expect(monthIndex("1900-01")).toBe(1900 * 12);
    expect(monthIndex("2199-12")).toBe(2199 * 12 + 11);
    expect(monthAt(monthIndex("2024-03"))).toBe("2024-03");
    expect(monthIndex("10000-01") - monthIndex("9999-12")).toBe(1);
  });

  it("lists the domain's periods from 1900 to 2199", () => {
    expect(periodsBetween("1900-01", "2199-12", "month")).toHaveLength(3600);
    expect(periodsBetween("1900-01", "2199-12", "quarter")).toHaveLength(1200);
    expect(periodsBetween("1900", "2199-12", "year")).toHaveLength(300);
    expect(periodsBetween("2199-12", "2199-12", "month")).toEqual(["2199-12"]);
  });

  it('ends past the year 9999, where month text stops sorting ("10000-01" < "9999-12")', () => {
    expect(nextMonth("9999-12")).toBe("10000-01");
    expect(periodsBetween("9999-11", "9999-12", "month")).toEqual(["9999-11", "9999-12"]);
    expect(periodsBetween("9999-12", "9999-12", "year")).toEqual(["9999"]);
  });
});

describe("the size of a series", () => {
  it("is groups × periods, and names what to change when it passes the cap", () => {
    expect(seriesSize(3, "2024-01", "2024-12", "month")).toEqual({ points: 36, tooLarge: null });
    // 6 groups of 3,600 months: a coarser interval brings it under the cap.
    const monthly = seriesSize(6, "1900-01", "2199-12", "month");
    expect(monthly.points).toBe(21_600);
    expect(monthly.tooLarge?.parameter).toBe("interval");
    // 100 groups of 300 years: only fewer groups (or a shorter span) will do.
    const yearly = seriesSize(100, "1900-01", "2199-12", "year");
    expect(yearly.tooLarge?.parameter).toBe("groupBy");
    expect(yearly.tooLarge?.message).toMatch(/30,000 points \(100 groups × 300 periods\), more than 20,000/);
    // One group never passes the cap: the domain holds 3,600 months.
    expect(seriesSize(1, "1900-01", "2199-12", "month").tooLarge).toBeNull();
    expect(maxSeriesPoints).toBe(20_000);
  });
});
