import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { idempotencyKeys } from "./schema.ts";

/** The first response to a create made with an Idempotency-Key, kept so a retry gets it back unchanged. */
export interface StoredResponse {
  status: number;
  /** The response body exactly as it was sent, so a replay is byte for byte the same. */
  body: string;
  headers: Record<string, string>;
}

export interface IdempotencyEntry {
  requestHash: string;
  response: StoredResponse;
}

/**
 * How long a key is kept: retries come within minutes or hours, and a key kept for ever would make the table grow
 * with every create. After this a key may be used again, for a new request.
 */
export const idempotencyKeyHours = 24;

const kept = sql`now() - make_interval(hours => ${idempotencyKeyHours})`;

/** Look it up inside the write transaction, after the write lock: two racing retries then see one answer. */
export async function findIdempotencyKey(
  tx: Db,
  scope: string,
  key: string,
): Promise<IdempotencyEntry | undefined> {
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.scope, scope),
        eq(idempotencyKeys.key, key),
        gte(idempotencyKeys.createdAt, kept),
      ),
    );
  if (!row) return undefined;
  const stored = row.response as Omit<StoredResponse, "status">;
  return { requestHash: row.requestHash, response: { status: row.status, ...stored } };
}

export async function storeIdempotencyKey(
  tx: Db,
  entry: { scope: string; key: string; requestHash: string; response: StoredResponse },
): Promise<void> {
  const { status, ...response } = entry.response;
  // The scope's expired keys go first (this key's among them, should it be reused after expiry): read through
  // the primary key's scope prefix, so the cost is one principal's keys, not the table.
  await tx
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, entry.scope), lt(idempotencyKeys.createdAt, kept)));
  await tx.insert(idempotencyKeys).values({
    scope: entry.scope,
    key: entry.key,
    requestHash: entry.requestHash,
    status,
    // The body is kept as a JSON string, not as jsonb structure: jsonb would reorder its keys.
    response,
  });
}
