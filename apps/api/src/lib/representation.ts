import { Instant } from "@commitments/core";
import { type Db, datasetVersion, type Versioned, type Visibility } from "@commitments/db";
import { z } from "@hono/zod-openapi";

/** Where a record stands in the ledger; every representation carries it. */
export const VersionMeta = {
  version: z.number().int().positive().openapi({
    description:
      "The record's version: an update sends it as If-Match (\"3\"). A signed-in read's ETag is this number; a public read's names the dataset version, and serves as If-Match too.",
  }),
  retracted: z
    .boolean()
    .openapi({ description: "Withdrawn by a later entry; its past versions stay readable." }),
  recordedAt: z.iso.datetime().openapi({ description: "When this version was recorded." }),
};

export function withVersion<R extends object>(versioned: Versioned<R>) {
  return {
    ...versioned.record,
    version: versioned.version,
    retracted: versioned.retracted,
    recordedAt: versioned.recordedAt.toISOString(),
  };
}

/** What every read answers with besides its data: the dataset version it was computed from, and the moment. */
export const ReadMeta = z
  .object({
    datasetVersion: z.number().int().min(0).openapi({
      description: "The last change set included: cite it with asOf to reproduce this answer.",
    }),
    asOf: z.iso.datetime().openapi({ description: "The moment the answer describes." }),
  })
  .openapi("ReadMeta");

export async function readMeta(db: Db, asOf: Date | undefined) {
  const { version } = await datasetVersion(db, asOf);
  return { datasetVersion: version, asOf: (asOf ?? new Date()).toISOString() };
}

/** `asOf`: read what the tracker showed at that moment, one of the years 1900 to 2199 at any offset. */
export const AsOfQuery = {
  asOf: Instant.optional().openapi({
    description:
      "An ISO 8601 timestamp with its offset (Z or ±hh:mm), from 1900 to 2199: answer as the tracker stood then. The answer's meta.asOf gives the moment in UTC.",
    example: "2025-01-01T00:00:00Z",
  }),
};

export const maxPageSize = 200;

/** Cursor pagination: `cursor` from the previous page's `page.next`, `limit` capped at 200. */
export const PageQuery = {
  // A cursor is the last id of the previous page, so it looks like one.
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, "expected the page.next of the previous page")
    .optional(),
  limit: z.coerce.number().int().min(1).max(maxPageSize).default(50),
};

export const PageInfo = z
  .object({ next: z.string().nullable(), limit: z.number().int() })
  .openapi("PageInfo", { description: "`next` is the cursor for the following page; null on the last one." });

/** The moment of a validated `asOf`, whatever its offset: `meta.asOf` prints it in UTC. */
export function parseAsOf(asOf: string | undefined): Date | undefined {
  return asOf === undefined ? undefined : new Date(asOf);
}

/** How a write reads back what it wrote: its author may see it whatever its workflow status. */
export const everything: Visibility = { drafts: "all" };
