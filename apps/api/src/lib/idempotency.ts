import { createHash } from "node:crypto";
import { z } from "@hono/zod-openapi";

/** An optional Idempotency-Key on every create: printable ASCII, so it can be echoed and logged safely. */
export const IdempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x20-\x7e]+$/, "expected 1–200 printable ASCII characters")
    .optional()
    .openapi({
      description:
        "Makes a create safe to retry: the same key with the same body replays the first response (with " +
        "`Idempotency-Replayed: true`); the same key with another body is refused with 422. Keys are kept for " +
        "24 hours.",
      example: "5f0c2a9e-6b0e-4f0e-9d1e-6f1c8a1b2c3d",
    }),
});

/** JSON with object keys sorted, so bodies that differ only in key order or spacing count as the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function requestHash(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}
