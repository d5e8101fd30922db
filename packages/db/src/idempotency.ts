import { and, eq } from "drizzle-orm";
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

/** Look it up inside the write transaction, after the write lock: two racing retries then see one answer. */
export async function findIdempotencyKey(
  tx: Db,
  scope: string,
  key: string,
): Promise<IdempotencyEntry | undefined> {
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!row) return undefined;
  const stored = row.response as Omit<StoredResponse, "status">;
  return { requestHash: row.requestHash, response: { status: row.status, ...stored } };
}

export async function storeIdempotencyKey(
  tx: Db,
  entry: { scope: string; key: string; requestHash: string; response: StoredResponse },
): Promise<void> {
  const { status, ...response } = entry.response;
  await tx.insert(idempotencyKeys).values({
    scope: entry.scope,
    key: entry.key,
    requestHash: entry.requestHash,
    status,
    // The body is kept as a JSON string, not as jsonb structure: jsonb would reorder its keys.
    response,
  });
}
