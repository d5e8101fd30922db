import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ConversionConvention,
  type Converted,
  convert,
  convertByConvention,
  createRateTable,
  ExchangeRate,
  lookupRate,
  type RateTable,
  rateDateFor,
} from "./exchange-rates.ts";
import type { Result } from "./result.ts";

function ok<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** "12.5" → 12500000000n at 10 places; an oracle independent of big.js. */
function scaled(value: string, places = 10): bigint {
  const [int = "", frac = ""] = value.split(".");
  if (frac.length > places) throw new Error(`more than ${places} places: ${value}`);
  return BigInt(int + frac.padEnd(places, "0"));
}

// Easter 2024: no ECB rates on Good Friday (29 March) or Easter Monday (1 April).
const rows: ExchangeRate[] = [
  { date: "2024-03-27", currency: "USD", perEur: "1.0830" },
  { date: "2024-03-28", currency: "USD", perEur: "1.0811" },
  { date: "2024-04-02", currency: "USD", perEur: "1.0757" },
  { date: "2024-03-28", currency: "GBP", perEur: "0.85510" },
  { date: "2024-04-02", currency: "GBP", perEur: "0.85553" },
  { date: "2022-03-01", currency: "RUB", perEur: "117.2853" },
];
const table = ok(createRateTable(rows));

describe("ExchangeRate schema", () => {
  it("accepts an ECB row and refuses nonsense", () => {
    expect(ExchangeRate.safeParse({ date: "2024-03-28", currency: "USD", perEur: "1.0811" }).success).toBe(
      true,
    );
    expect(ExchangeRate.safeParse({ date: "2024-03-28", currency: "USD", perEur: "0" }).success).toBe(false);
    expect(ExchangeRate.safeParse({ date: "2024-03-28", currency: "USD", perEur: "-1.1" }).success).toBe(
      false,
    );
    expect(ExchangeRate.safeParse({ date: "2024-03-28", currency: "EUR", perEur: "1" }).success).toBe(false);
    expect(ExchangeRate.safeParse({ date: "2024-02-30", currency: "USD", perEur: "1.1" }).success).toBe(
      false,
    );
    expect(ExchangeRate.safeParse({ date: "2024-03-28", currency: "XYZ", perEur: "1.1" }).success).toBe(
      false,
    );
  });

  it("parses both conventions", () => {
    expect(ConversionConvention.parse({ kind: "event_date" })).toEqual({ kind: "event_date" });
    expect(ConversionConvention.safeParse({ kind: "fixed_date" }).success).toBe(false);
    expect(ConversionConvention.parse({ kind: "fixed_date", date: "2024-12-31" }).kind).toBe("fixed_date");
  });
});

describe("lookupRate", () => {
  it("uses the rate of the day when there is one", () => {
    expect(ok(lookupRate(table, "USD", "2024-04-02"))).toEqual({
      currency: "USD",
      perEur: "1.0757",
      date: "2024-04-02",
    });
  });

  it("falls back to the previous business day over a holiday weekend", () => {
    for (const day of ["2024-03-29", "2024-03-30", "2024-03-31", "2024-04-01"]) {
      expect(ok(lookupRate(table, "USD", day))).toEqual({
        currency: "USD",
        perEur: "1.0811",
        date: "2024-03-28",
      });
    }
  });

  it("treats EUR as 1 on any day", () => {
    expect(ok(lookupRate(table, "EUR", "1999-01-04"))).toEqual({
      currency: "EUR",
      perEur: "1",
      date: "1999-01-04",
    });
  });

  it("says which currency and date lack a rate", () => {
    const before = lookupRate(table, "USD", "2024-03-26");
    expect(before).toMatchObject({
      ok: false,
      error: { code: "missing_rate", currency: "USD", date: "2024-03-26" },
    });
    expect(before.ok || before.error.message).toMatch(/USD.*2024-03-26/);
    expect(lookupRate(table, "JPY", "2024-03-28")).toMatchObject({ ok: false, error: { currency: "JPY" } });
  });

  it("does not price a figure with a discontinued series", () => {
    const stale = lookupRate(table, "RUB", "2023-05-04");
    expect(stale).toMatchObject({
      ok: false,
      error: { code: "missing_rate", currency: "RUB", date: "2023-05-04" },
    });
    expect(stale.ok || stale.error.message).toMatch(/2022-03-01/);
    expect(ok(lookupRate(table, "RUB", "2022-03-08")).date).toBe("2022-03-01");
    expect(lookupRate(table, "RUB", "2022-03-09").ok).toBe(false);
    const lenient = ok(createRateTable(rows, { maxAgeDays: 31 }));
    expect(ok(lookupRate(lenient, "RUB", "2022-03-31")).perEur).toBe("117.2853");
  });

  it("refuses two different rates for one currency and day, but tolerates exact duplicates", () => {
    const conflict = createRateTable([...rows, { date: "2024-03-28", currency: "USD", perEur: "1.09" }]);
    expect(conflict).toMatchObject({ ok: false, error: { code: "conflicting_rate", currency: "USD" } });
    expect(createRateTable([...rows, { date: "2024-03-28", currency: "USD", perEur: "1.08110" }]).ok).toBe(
      true,
    );
  });

  it("finds the same rate as a linear scan, for random tables", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 80 }),
        fc.integer({ min: -5, max: 420 }),
        (days, query) => {
          const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
          const t = ok(
            createRateTable(
              days.map((n) => ({ date: day(n), currency: "USD", perEur: `1.${n}` })),
              {
                maxAgeDays: 1000,
              },
            ),
          );
          const earlier = days.filter((n) => n <= query).sort((a, b) => b - a)[0];
          const found = lookupRate(t, "USD", day(query));
          if (earlier === undefined) expect(found.ok).toBe(false);
          else expect(ok(found)).toEqual({ currency: "USD", perEur: `1.${earlier}`, date: day(earlier) });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("convert", () => {
  it("converts with the rate and date it used (hand-computed)", () => {
    // 1,000,000 / 1.0811 = 924,983.8127...; Saturday 30 March uses Thursday's rate.
    expect(ok(convert({ amount: "1000000", currency: "USD" }, "EUR", "2024-03-30", table))).toEqual({
      amount: "924983.81",
      currency: "EUR",
      original: { amount: "1000000", currency: "USD" },
      rate: "0.9249838128",
      rateDate: "2024-03-28",
    });
    expect(ok(convert({ amount: "2500000", currency: "EUR" }, "USD", "2024-03-28", table))).toMatchObject({
      amount: "2702750.00",
      rate: "1.0811",
    });
  });

  it("crosses via EUR: amount × perEur(to) / perEur(from)", () => {
    // 1,000,000 × 0.85510 / 1.0811 = 790,953.6583...
    expect(ok(convert({ amount: "1000000", currency: "USD" }, "GBP", "2024-04-01", table))).toMatchObject({
      amount: "790953.66",
      currency: "GBP",
      rate: "0.7909536583",
      rateDate: "2024-03-28",
    });
  });

  it("reports the older leg's date when the legs differ", () => {
    const gappy = ok(createRateTable([...rows, { date: "2024-04-03", currency: "USD", perEur: "1.0766" }]));
    expect(ok(convert({ amount: "1", currency: "USD" }, "GBP", "2024-04-03", gappy)).rateDate).toBe(
      "2024-04-02",
    );
  });

  it("rounds half to even at the stated places", () => {
    const t = ok(createRateTable([{ date: "2024-01-02", currency: "CHF", perEur: "2.5" }]));
    expect(ok(convert({ amount: "0.05", currency: "EUR" }, "CHF", "2024-01-02", t)).amount).toBe("0.12");
    expect(ok(convert({ amount: "0.07", currency: "EUR" }, "CHF", "2024-01-02", t)).amount).toBe("0.18");
    expect(ok(convert({ amount: "0.05", currency: "EUR" }, "CHF", "2024-01-02", t, 0)).amount).toBe("0");
    expect(ok(convert({ amount: "0.05", currency: "EUR" }, "CHF", "2024-01-02", t, 4)).amount).toBe("0.1250");
  });

  it("leaves a figure in the target currency as it is", () => {
    expect(ok(convert({ amount: "12.345", currency: "USD" }, "USD", "1990-01-01", table))).toEqual({
      amount: "12.345",
      currency: "USD",
      original: { amount: "12.345", currency: "USD" },
      rate: "1",
      rateDate: "1990-01-01",
    });
  });

  it("returns the missing rate rather than throwing", () => {
    expect(convert({ amount: "5", currency: "GBP" }, "USD", "2024-03-27", table)).toMatchObject({
      ok: false,
      error: { code: "missing_rate", currency: "GBP", date: "2024-03-27" },
    });
  });

  it("round-trips within 0.5 × 10^-places × (1 + perEur(A) / perEur(B))", () => {
    // X in A → Y = round(X·r) with r = b/a (b = perEur(B), a = perEur(A)), so |Y − X·r| ≤ h, h = ½·10^-places.
    // Back at the same date the inverse rate is exactly a/b: Z = round(Y·a/b), so |Z − Y·a/b| ≤ h. Hence
    // |Z − X| ≤ |Z − Y·a/b| + |Y − X·r|·a/b ≤ h·(1 + a/b).
    const rate = fc
      .tuple(fc.integer({ min: 1, max: 999_999_999 }), fc.integer({ min: 0, max: 6 }))
      .map(([n, places]) => decimalOf(BigInt(n), places));
    fc.assert(
      fc.property(
        fc.constantFrom(["EUR", "USD"], ["USD", "EUR"], ["USD", "JPY"], ["KWD", "IDR"]),
        rate,
        rate,
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.integer({ min: 0, max: 4 }),
        ([from, to], rateFrom, rateTo, cents, places) => {
          const rates = [
            { date: "2024-06-03", currency: from, perEur: rateFrom },
            { date: "2024-06-03", currency: to, perEur: rateTo },
          ].filter((r) => r.currency !== "EUR");
          const t: RateTable = ok(createRateTable(rates));
          const x = decimalOf(cents, 2);
          const there: Converted = ok(convert({ amount: x, currency: from }, to, "2024-06-05", t, places));
          const back = ok(convert({ amount: there.amount, currency: to }, from, "2024-06-05", t, places));
          const a = scaled(from === "EUR" ? "1" : rateFrom);
          const b = scaled(to === "EUR" ? "1" : rateTo);
          const error = scaled(back.amount) - scaled(x);
          const abs = error < 0n ? -error : error;
          // |Z − X| · b · 2 · 10^places ≤ (a + b), all at scale 10^10.
          expect(abs * b * 2n * 10n ** BigInt(places)).toBeLessThanOrEqual((a + b) * 10n ** 10n);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("does not round-trip exactly when the target unit is coarse (the bound is needed)", () => {
    const t = ok(
      createRateTable([
        { date: "2024-06-03", currency: "IDR", perEur: "17000" },
        { date: "2024-06-03", currency: "KWD", perEur: "0.33" },
      ]),
    );
    // 1,000,000 IDR → 19.4117... → 19.41 KWD → 19.41 × 17000 / 0.33 = 999,909.0909... → 999,909.09 IDR.
    const kwd = ok(convert({ amount: "1000000.00", currency: "IDR" }, "KWD", "2024-06-03", t));
    expect(kwd.amount).toBe("19.41");
    expect(ok(convert({ amount: kwd.amount, currency: "KWD" }, "IDR", "2024-06-03", t)).amount).toBe(
      "999909.09",
    );
  });
});

describe("conventions", () => {
  it("uses the middle of a partial date's range, a full day as it is", () => {
    const byEvent = { kind: "event_date" } as const;
    expect(rateDateFor(byEvent, "2024-03-28")).toBe("2024-03-28");
    expect(rateDateFor(byEvent, "2024-02")).toBe("2024-02-15");
    expect(rateDateFor(byEvent, "2023")).toBe("2023-07-02");
    expect(rateDateFor({ kind: "fixed_date", date: "2024-12-31" }, "2022-05")).toBe("2024-12-31");
  });

  it("caps the middle at the latest rate date, but not before the range starts", () => {
    const byEvent = { kind: "event_date" } as const;
    expect(rateDateFor(byEvent, "2025", "2025-03-14")).toBe("2025-03-14");
    expect(rateDateFor(byEvent, "2025", "2024-12-31")).toBe("2025-01-01");
    expect(rateDateFor(byEvent, "2025-04-20", "2025-03-14")).toBe("2025-04-20");
  });

  it("converts by convention and records it", () => {
    const fixed = { kind: "fixed_date", date: "2024-04-01" } as const;
    const converted = ok(
      convertByConvention({ amount: "100", currency: "USD" }, "EUR", "2022", fixed, table),
    );
    expect(converted).toMatchObject({ amount: "92.50", rateDate: "2024-03-28", convention: fixed });
    // "2024-04" → middle 2024-04-15, capped at the table's latest date 2024-04-02.
    const byEvent = ok(
      convertByConvention(
        { amount: "100", currency: "USD" },
        "EUR",
        "2024-04",
        { kind: "event_date" },
        table,
      ),
    );
    expect(byEvent).toMatchObject({ rateDate: "2024-04-02", convention: { kind: "event_date" } });
  });
});

function decimalOf(units: bigint, places: number): string {
  if (places === 0) return units.toString();
  const digits = units.toString().padStart(places + 1, "0");
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}
