import { describe, expect, it } from "vitest";
import { parseReferenceRatesCsv } from "./rates-csv.ts";

// Made-up TEST values in the ECB layouts, not real reference rates.
describe("the reference-rates CSV", () => {
  it("reads the history layout: ISO dates, N/A gaps, a trailing comma, obsolete codes left out", () => {
    const csv =
      "Date,USD,JPY,CYP,GBP,\n2024-03-01,1.1000,160.00,N/A,0.8500,\n2024-02-29,1.0900,N/A,,0.8600,\n";
    const parsed = parseReferenceRatesCsv(csv);
    expect(parsed).toEqual({
      ok: true,
      value: {
        skippedCurrencies: ["CYP"],
        rates: [
          { date: "2024-03-01", currency: "USD", perEur: "1.1000" },
          { date: "2024-03-01", currency: "JPY", perEur: "160.00" },
          { date: "2024-03-01", currency: "GBP", perEur: "0.8500" },
          { date: "2024-02-29", currency: "USD", perEur: "1.0900" },
          { date: "2024-02-29", currency: "GBP", perEur: "0.8600" },
        ],
      },
    });
  });

  it("reads the daily layout: spelled-out dates and spaces after commas", () => {
    const parsed = parseReferenceRatesCsv("Date, USD, GBP, \r\n01 March 2024, 1.1000, 0.8500, \r\n");
    expect(parsed.ok && parsed.value.rates).toEqual([
      { date: "2024-03-01", currency: "USD", perEur: "1.1000" },
      { date: "2024-03-01", currency: "GBP", perEur: "0.8500" },
    ]);
  });

  it("skips comment lines, keeping line numbers", () => {
    const parsed = parseReferenceRatesCsv("# TEST values\nDate,USD\n2024-03-01,1.1\n2024-03-02,x\n");
    expect(parsed).toMatchObject({ ok: false, error: { line: 4 } });
  });

  it("names the line at fault", () => {
    expect(parseReferenceRatesCsv("Day,USD\n")).toMatchObject({ ok: false, error: { line: 1 } });
    expect(parseReferenceRatesCsv("Date,USD\n2024-03-01,1.1\n2024-02-30,1.1\n")).toMatchObject({
      ok: false,
      error: { code: "bad_rates_csv", line: 3 },
    });
    expect(parseReferenceRatesCsv("Date,USD\n2024-03-01,-1\n")).toMatchObject({
      ok: false,
      error: { line: 2 },
    });
    expect(parseReferenceRatesCsv("Date,USD\n2024-03-01,1.1e3\n")).toMatchObject({
      ok: false,
      error: { line: 2 },
    });
    expect(parseReferenceRatesCsv("Date,EUR\n2024-03-01,1\n")).toMatchObject({
      ok: false,
      error: { line: 1 },
    });
  });
});
