import Big from "big.js";
import type { DecimalString } from "./money.ts";

/**
 * Exact decimal arithmetic on DecimalString values. Money never passes through a binary float: only `ratio`
 * returns a JS number, and only for display. Results are exact and unbounded, so a result may exceed the schema's
 * 20 integer / 10 fraction digits (e.g. divide(a, b, 12)); validate before storing.
 */

// A private constructor clone: its DP/RM settings never touch the global Big that other code may use. Exponent
// limits are wide so toString never switches to exponential notation; strict mode refuses JS numbers as input.
const D = Big();
D.NE = -1e6;
D.PE = 1e6;
D.strict = true;

/** Rounding modes. "half_even" ("bankers'" rounding: ties go to the even neighbour) is the default everywhere. */
export type RoundingMode = "half_even" | "half_up" | "down" | "up";
const modes: Record<RoundingMode, Big.RoundingMode> = { down: 0, half_up: 1, half_even: 2, up: 3 };

/** Canonical form: no exponent, no trailing fraction zeros, no "-0". */
function out(x: Big): DecimalString {
  return x.eq("0") ? "0" : x.toFixed();
}

export function add(a: DecimalString, b: DecimalString): DecimalString {
  return out(D(a).plus(b));
}

export function sum(values: readonly DecimalString[]): DecimalString {
  return out(values.reduce((acc, v) => acc.plus(v), D("0")));
}

export function subtract(a: DecimalString, b: DecimalString): DecimalString {
  return out(D(a).minus(b));
}

export function multiply(a: DecimalString, b: DecimalString): DecimalString {
  return out(D(a).times(b));
}

/** a / b rounded once, exactly, to `places` fraction digits. Throws on division by zero (a programming error). */
export function divide(
  a: DecimalString,
  b: DecimalString,
  places: number,
  mode: RoundingMode = "half_even",
): DecimalString {
  if (D(b).eq("0")) throw new RangeError(`division by zero: ${a} / ${b}`);
  // Synchronous, so setting the private clone's DP/RM just for this call cannot leak into another computation.
  D.DP = places;
  D.RM = modes[mode];
  return out(D(a).div(b));
}

export function compare(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
  return D(a).cmp(b);
}

export function isZero(a: DecimalString): boolean {
  return D(a).eq("0");
}

export function max(a: DecimalString, b: DecimalString): DecimalString {
  return compare(a, b) >= 0 ? normalize(a) : normalize(b);
}

export function min(a: DecimalString, b: DecimalString): DecimalString {
  return compare(a, b) <= 0 ? normalize(a) : normalize(b);
}

/** Canonical form: "1.500" → "1.5", "-0.0" → "0". */
export function normalize(a: DecimalString): DecimalString {
  return out(D(a));
}

/** Rounds to exactly `places` fraction digits and keeps them: toScale("1.005", 2) → "1.00" (half-even). */
export function toScale(a: DecimalString, places: number, mode: RoundingMode = "half_even"): DecimalString {
  return scaled(D(a), places, mode);
}

function scaled(x: Big, places: number, mode: RoundingMode): DecimalString {
  const fixed = x.toFixed(places, modes[mode]);
  return /^-0(\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed;
}

/** 10^n as a bigint, the small ones kept: a running total rescales by them at every add of another scale. */
const powers: bigint[] = Array.from({ length: 41 }, (_, n) => 10n ** BigInt(n));
const tenTo = (n: number): bigint => powers[n] ?? 10n ** BigInt(n);

const plainDecimal = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "-12.50" → [-1250n, 2]: the digits as a scaled integer and the scale. Other forms (".5", "1e3") via big.js. */
function scaledInteger(value: DecimalString): [bigint, number] {
  const match = plainDecimal.exec(value) ?? plainDecimal.exec(D(value).toFixed());
  if (!match) throw new Error(`[big.js] Invalid number: ${value}`);
  const [, sign, whole, fraction = ""] = match;
  const units = BigInt(whole + fraction);
  return [sign ? -units : units, fraction.length];
}

const roundsAway: Record<RoundingMode, (rest: bigint, divisor: bigint, quotient: bigint) => boolean> = {
  down: () => false,
  up: (rest) => rest > 0n,
  half_up: (rest, divisor) => 2n * rest >= divisor,
  half_even: (rest, divisor, quotient) =>
    2n * rest > divisor || (2n * rest === divisor && quotient % 2n === 1n),
};

/**
 * An exact running total in integer arithmetic: the sum as a bigint of units at the largest scale added so far
 * (money has at most 10 fraction digits), so adding thousands of figures never prints, parses or allocates a
 * decimal object. Read once, at the end, in the same canonical forms as add() and toScale().
 */
export class DecimalSum {
  #units = 0n;
  #scale = 0;

  add(value: DecimalString | DecimalSum): this {
    const [units, scale] = value instanceof DecimalSum ? [value.#units, value.#scale] : scaledInteger(value);
    if (scale > this.#scale) {
      this.#units *= tenTo(scale - this.#scale);
      this.#scale = scale;
    }
    this.#units += scale < this.#scale ? units * tenTo(this.#scale - scale) : units;
    return this;
  }

  /** The total in canonical form, as add() gives it. */
  value(): DecimalString {
    if (this.#units === 0n) return "0";
    const negative = this.#units < 0n;
    const digits = String(negative ? -this.#units : this.#units).padStart(this.#scale + 1, "0");
    const whole = digits.slice(0, digits.length - this.#scale);
    const fraction = digits.slice(digits.length - this.#scale).replace(/0+$/, "");
    return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
  }

  /** The total rounded to exactly `places` fraction digits, as toScale() gives it (modes act on the magnitude). */
  toScale(places: number, mode: RoundingMode = "half_even"): DecimalString {
    const negative = this.#units < 0n;
    let magnitude = negative ? -this.#units : this.#units;
    if (places >= this.#scale) magnitude *= tenTo(places - this.#scale);
    else {
      const divisor = tenTo(this.#scale - places);
      const quotient = magnitude / divisor;
      magnitude = quotient + (roundsAway[mode](magnitude % divisor, divisor, quotient) ? 1n : 0n);
    }
    const digits = String(magnitude).padStart(places + 1, "0");
    const whole = digits.slice(0, digits.length - places);
    const text = places > 0 ? `${whole}.${digits.slice(digits.length - places)}` : whole;
    return negative && magnitude !== 0n ? `-${text}` : text;
  }
}

/** a / b as a JS number, for display ratios only (never money); null when b is zero. */
export function ratio(a: DecimalString, b: DecimalString): number | null {
  if (D(b).eq("0")) return null;
  D.DP = 20;
  D.RM = modes.half_even;
  return Number(D(a).div(b).toFixed());
}
