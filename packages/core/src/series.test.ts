import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthOf, nextMonth, periodMonths, periodOf, periodsBetween, type SeriesInterval } from "./series.ts";

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
          const [first, last] = a <= b ? [a, b] : [b, a];
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
