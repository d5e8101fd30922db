import { createHash } from "node:crypto";
import { CommitmentRecord, normalize, StageEvent, TrancheRecord } from "@commitments/core";
import type { z } from "zod";
import { excerpt } from "./text.ts";
import type { ImportProblem } from "./types.ts";

/** Where a schema path points in the source: the row and column to name in a problem, and the cell it held. */
export type Locate = (path: readonly PropertyKey[]) => { row: number; column?: string; value?: string };

/**
 * Parses a record with its core schema. Every issue becomes a problem naming the row and column it comes from,
 * so a bad row is reported in full, not just its first fault.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locate: Locate,
): { ok: true; value: z.output<S> } | { ok: false; problems: ImportProblem[] } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const where = locate(issue.path);
      return {
        row: where.row,
        ...(where.column === undefined ? {} : { column: where.column }),
        ...(where.value === undefined || where.value === "" ? {} : { value: excerpt(where.value) }),
        // For an absent value Zod says "expected string, received undefined" or lists every option: "required" says it.
        message:
          valueAt(input, issue.path) === undefined && issue.path.length > 0 ? "required" : issue.message,
      };
    }),
  };
}

export const commitmentSchema = CommitmentRecord;
export const trancheSchema = TrancheRecord;
export const eventSchema = StageEvent;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A short, stable hash of the columns that identify a row: the same row always gets the same id. */
export function shortHash(parts: readonly string[], length = 12): string {
  return createHash("sha256").update(parts.join("\u001f")).digest("hex").slice(0, length);
}

/**
 * A number as written in a data file ("1500", "0.06274", "3000.00", "1e-06", "+5") as an exact decimal string, or
 * null. Scientific notation, which statistics packages write for small shares, is expanded exactly: the value never
 * passes through a binary float. Exponents are limited so a hostile "1e999999999" cannot build a huge string.
 */
export function decimalFromText(text: string): string | null {
  const match = /^([+-]?)(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign = "", mantissa = "", exponent] = match;
  const [intPart = "", fracPart = ""] = mantissa.split(".");
  const digits = `${intPart}${fracPart}`;
  let point = intPart.length + Number(exponent ?? 0);
  let all = digits;
  if (point < 0) {
    all = "0".repeat(-point) + all;
    point = 0;
  }
  if (point > all.length) all += "0".repeat(point - all.length);
  const plain = `${all.slice(0, point) || "0"}${point < all.length ? `.${all.slice(point)}` : ""}`;
  return normalize(`${sign === "-" ? "-" : ""}${plain}`);
}
