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

/**
 * An exact running total. Adding thousands of figures with add() prints and parses every partial sum, which is
 * most of the cost; this keeps the total as a number until it is read.
 */
export class DecimalSum {
  #total: Big = D("0");

  add(value: DecimalString | DecimalSum): this {
    this.#total = this.#total.plus(value instanceof DecimalSum ? value.#total : value);
    return this;
  }

  /** The total in canonical form, as add() gives it. */
  value(): DecimalString {
    return out(this.#total);
  }

  /** The total rounded to exactly `places` fraction digits, as toScale() gives it. */
  toScale(places: number, mode: RoundingMode = "half_even"): DecimalString {
    return scaled(this.#total, places, mode);
  }
}

/** a / b as a JS number, for display ratios only (never money); null when b is zero. */
export function ratio(a: DecimalString, b: DecimalString): number | null {
  if (D(b).eq("0")) return null;
  D.DP = 20;
  D.RM = modes.half_even;
  return Number(D(a).div(b).toFixed());
}
