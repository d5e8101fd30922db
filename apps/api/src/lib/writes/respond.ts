import type { ChangeSet, Db, StoredResponse } from "@commitments/db";
import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import type { LedgerResource, Written } from "../ledger-resource.ts";

/** A write's response, as sent and as kept for an idempotent replay. */
export async function respond<R extends { id: string }, V>(
  tx: Db,
  resource: LedgerResource<R, never, V>,
  id: string,
  cs: ChangeSet,
  status: 200 | 201 = 200,
): Promise<StoredResponse> {
  const shown = await resource.view(tx, id);
  if (!shown) throw new Error(`${resource.noun} "${id}" was written but cannot be read back`);
  const body: Written<V> = {
    data: shown.data,
    meta: { datasetVersion: cs.id, asOf: cs.recordedAt.toISOString() },
  };
  return {
    status,
    body: JSON.stringify(body),
    headers: {
      ...(status === 201 ? { Location: `${resource.path}/${encodeURIComponent(id)}` } : {}),
      ETag: `"${shown.version}"`,
    },
  };
}

/** Sends a write's response as it was made: the record (200), or the proposal it became (202). */
export function sent(c: Context<AppEnv>, response: StoredResponse) {
  return c.json(answer<unknown>(c, response), response.status as 200 | 202);
}

/** A stored response's headers set on the answer, and its body as the client receives it. */
export function answer<V>(c: Context<AppEnv>, response: StoredResponse): Written<V> {
  for (const [name, value] of Object.entries(response.headers)) c.header(name, value);
  // c.json serialises with JSON.stringify, which gives back exactly the stored text.
  return JSON.parse(response.body) as Written<V>;
}
