import {
  findIdempotencyKey,
  openChangeSet,
  type StoredResponse,
  storeIdempotencyKey,
  writeTransaction,
} from "@commitments/db";
import type { Context } from "hono";
import { principalOf } from "../auth/authorise.ts";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { requestHash } from "../idempotency.ts";
import { changeSetOf, type LedgerResource, type Written } from "../ledger-resource.ts";
import { checkConfidence, checkSettable, checkText } from "./fields.ts";
import { answer, respond } from "./respond.ts";
import { authoriseOn, placementFor } from "./roles.ts";

/**
 * Creates a record. With an Idempotency-Key, the key is looked up under the write lock, so of any number of
 * concurrent retries exactly one writes and the others replay its response; the same key with another body is
 * refused. Only a successful create is kept: a refused one wrote nothing, and may be retried as it was.
 */
export async function createVia<R extends { id: string }, Body, V>(
  c: Context<AppEnv>,
  resource: LedgerResource<R, Body, V>,
  body: Body & { reason?: string | undefined },
  idempotencyKey: string | undefined,
): Promise<Written<V>> {
  checkText(body);
  const principal = principalOf(c);
  const { reason, ...record } = body;
  // The fields the client sent, not those the schema's defaults filled in.
  const sent = (await c.req.json()) as Record<string, unknown>;
  checkSettable(
    principal,
    resource.access,
    Object.keys(sent).filter((field) => field !== "reason"),
  );
  checkConfidence(principal, record, "confidence");
  // Keys are the organisation's own: another organisation's key never replays someone else's response.
  const scope = `POST ${resource.path} ${principal.organisationId}`;
  const hash = idempotencyKey === undefined ? "" : requestHash(sent);
  const placement = placementFor(principal);
  const outcome = await writeTransaction(
    c.get("db"),
    async (tx): Promise<{ replayed: boolean; response: StoredResponse }> => {
      // A create body names the donor, recipient or commitment as the record will: authority is checked on those.
      await authoriseOn(tx, principal, resource.access, "record.create", record as unknown as R, placement);
      if (idempotencyKey !== undefined) {
        const stored = await findIdempotencyKey(tx, scope, idempotencyKey);
        if (stored && stored.requestHash !== hash) {
          throw new ApiError("UNPROCESSABLE", "Idempotency-Key reused with a different body", [
            { location: "header", path: "idempotency-key", message: "already used for another request" },
          ]);
        }
        if (stored) return { replayed: true, response: stored.response };
      }
      const cs = await openChangeSet(tx, changeSetOf(principal, reason));
      const id = await resource.create(tx, cs, record as Body, placement);
      const response = await respond(tx, resource, id, cs, 201);
      if (idempotencyKey !== undefined) {
        await storeIdempotencyKey(tx, { scope, key: idempotencyKey, requestHash: hash, response });
      }
      return { replayed: false, response };
    },
  );
  if (outcome.replayed) c.header("Idempotency-Replayed", "true");
  return answer(c, outcome.response);
}
