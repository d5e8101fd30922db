import Big from "big.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  compare,
  DecimalSum,
  divide,
  isZero,
  max,
  min,
  multiply,
  normalize,
  type RoundingMode,
  ratio,
  subtract,
  sum,
  toScale,
} from "./decimal.ts";

/** Integer cents → "-12.05"; an oracle independent of big.js. */
function centsToDecimal(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** "-12.5" → -1250n (at 2 places); throws if the string has more precision than that. */
function decimalToCents(value: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) throw new Error(`not a 2-place decimal: ${value}`);
  const cents = BigInt(match[2] ?? "") * 100n + BigInt((match[3] ?? "").padEnd(2, "0"));
  return match[1] === "-" ? -cents : cents;
}

const cents = fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n });

describe("sum", () => {
  it("never loses a cent, in any order", () => {
    fc.assert(
      fc.property(
        fc
          .array(cents, { maxLength: 60 })
          .chain((xs) =>
            fc.tuple(
              fc.constant(xs),
              fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }),
            ),
          ),
        ([xs, shuffled]) => {
          const expected = xs.reduce((a, b) => a + b, 0n);
          expect(decimalToCents(sum(xs.map(centsToDecimal)))).toBe(expected);
          expect(sum(shuffled.map(centsToDecimal))).toBe(sum(xs.map(centsToDecimal)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("add and subtract are exact inverses", () => {
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const [da, db] = [centsToDecimal(a), centsToDecimal(b)];
        expect(decimalToCents(add(da, db))).toBe(a + b);
        expect(decimalToCents(subtract(da, db))).toBe(a - b);
        expect(subtract(add(da, db), db)).toBe(normalize(da));
        expect(compare(da, db)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 500 },
    );
  });

  it("a running DecimalSum gives what add, sum and toScale give, nested sums included", () => {
    const tenths = fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map((n) => {
      const abs = n < 0n ? -n : n;
      const digits = String(abs).padStart(11, "0");
      return `${n < 0n ? "-" : ""}${digits.slice(0, -10)}.${digits.slice(-10)}`;
    });
    fc.assert(
      fc.property(fc.array(tenths, { maxLength: 40 }), fc.array(tenths, { maxLength: 5 }), (xs, ys) => {
        const inner = new DecimalSum();
        for (const y of ys) inner.add(y);
        const total = new DecimalSum();
        for (const x of xs) total.add(x);
        total.add(inner);
        const expected = sum([...xs, ...ys]);
        expect(total.value()).toBe(expected);
        expect(total.toScale(2)).toBe(toScale(expected, 2));
        expect(inner.value()).toBe(sum(ys));
      }),
      { numRuns: 500 },
    );
    expect(new DecimalSum().value()).toBe("0");
    expect(new DecimalSum().add("-0.004").toScale(2)).toBe("0.00");
    expect(new DecimalSum().add("0.005").add("0.010").toScale(2)).toBe("0.02");
  });

  it("keeps its integer total exact across scales, and rounds as toScale does in every mode", () => {
    // Figures of any scale from 0 to 12 places, as PostgreSQL's sums and the conversions write them.
    const figure = fc
      .tuple(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), fc.integer({ min: 0, max: 12 }))
      .map(([n, places]) => {
        const abs = String(n < 0n ? -n : n).padStart(places + 1, "0");
        const text = places === 0 ? abs : `${abs.slice(0, -places)}.${abs.slice(-places)}`;
        return `${n < 0n ? "-" : ""}${text}`;
      });
    const mode = fc.constantFrom<RoundingMode>("half_even", "half_up", "down", "up");
    fc.assert(
      fc.property(
        fc.array(figure, { maxLength: 30 }),
        fc.integer({ min: 0, max: 14 }),
        mode,
        (xs, places, m) => {
          const total = new DecimalSum();
          for (const x of xs) total.add(x);
          const expected = sum(xs);
          expect(total.value()).toBe(expected);
          expect(total.toScale(places, m)).toBe(toScale(expected, places, m));
        },
      ),
      { numRuns: 1000 },
    );
    expect(new DecimalSum().add("1.25").toScale(1)).toBe("1.2");
    expect(new DecimalSum().add("-1.25").toScale(1, "half_up")).toBe("-1.3");
    expect(new DecimalSum().add("-0.04").toScale(1, "up")).toBe("-0.1");
    expect(new DecimalSum().add("-0.04").toScale(0)).toBe("0");
    expect(new DecimalSum().add("1e3").add(".5").value()).toBe("1000.5");
    expect(() => new DecimalSum().add("12,5")).toThrow();
  });

  it("is exact where floats are not", () => {
    expect(sum(["0.1", "0.2"])).toBe("0.3");
    expect(sum([])).toBe("0");
    expect(add("99999999999999999999.99", "0.01")).toBe("100000000000000000000");
  });
});

describe("divide", () => {
  it("rounds half to even by default (bankers' rounding)", () => {
    expect(divide("0.125", "1", 2)).toBe("0.12");
    expect(divide("0.135", "1", 2)).toBe("0.14");
    expect(divide("5", "2", 0)).toBe("2");
    expect(divide("7", "2", 0)).toBe("4");
    expect(divide("-5", "2", 0)).toBe("-2");
  });

  it("honours other rounding modes", () => {
    expect(divide("0.125", "1", 2, "half_up")).toBe("0.13");
    expect(divide("2", "3", 2, "down")).toBe("0.66");
    expect(divide("1", "3", 2, "up")).toBe("0.34");
  });

  it("rounds once, from the exact quotient", () => {
    // 1.00499999995 must not become 1.005 at some intermediate precision and then 1.01.
    expect(divide("2.0099999999", "2", 2, "half_up")).toBe("1");
    expect(divide("1", "3", 10)).toBe("0.3333333333");
  });

  it("refuses division by zero", () => {
    expect(() => divide("1", "0", 2)).toThrow(/division by zero/);
  });

  it("leaves the global Big settings alone", () => {
    divide("1", "3", 2, "down");
    expect(Big.DP).toBe(20);
    expect(Big.RM).toBe(1);
    expect(new Big(2).div(3).toString()).toBe("0.66666666666666666667");
  });

  it("multiplies exactly", () => {
    expect(multiply("1.1", "1.1")).toBe("1.21");
    expect(multiply("0.0000000001", "0.0000000001")).toBe("0.00000000000000000001");
  });
});

describe("normalisation and comparison", () => {
  it("gives a canonical form", () => {
    expect(normalize("1.500")).toBe("1.5");
    expect(normalize("-0.0")).toBe("0");
    expect(normalize("1e21")).toBe("1000000000000000000000");
  });

  it("scales to a fixed number of places, half-even", () => {
    expect(toScale("1.005", 2)).toBe("1.00");
    expect(toScale("1.015", 2)).toBe("1.02");
    expect(toScale("1.5", 2)).toBe("1.50");
    expect(toScale("-0.001", 2)).toBe("0.00");
    expect(toScale("2.5", 0)).toBe("2");
  });

  it("compares values, not strings", () => {
    expect(compare("10", "9")).toBe(1);
    expect(compare("1.50", "1.5")).toBe(0);
    expect(isZero("0.000")).toBe(true);
    expect(isZero("0.001")).toBe(false);
    expect(max("0", "-3")).toBe("0");
    expect(min("1.50", "2")).toBe("1.5");
  });

  it("gives display ratios as numbers, null on a zero denominator", () => {
    expect(ratio("1", "4")).toBe(0.25);
    expect(ratio("1", "3")).toBeCloseTo(1 / 3, 15);
    expect(ratio("1", "0")).toBeNull();
  });
});
