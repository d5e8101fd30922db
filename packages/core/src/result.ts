/**
 * The outcome of a computation that can fail on bad data (a missing exchange rate, mixed currencies). Data
 * problems come back as values so a caller can show them next to the figure; only programming errors throw.
 */
export type Result<T, E = Problem> = { ok: true; value: T } | { ok: false; error: E };

export interface Problem {
  code: string;
  message: string;
}
