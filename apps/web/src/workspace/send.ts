import { client, csrfHeaders, type Session, unwrap } from "../api.ts";
import { sayRefusal } from "../problems.ts";
import { EntryReader } from "./entry.ts";
import { type PromiseBasis, type PromiseDraft, promiseParts } from "./promise.ts";
import type { PromiseMessages } from "./promise-messages.ts";
import { type RecordKind, type Saved, savedFrom } from "./queries.ts";
import type { RecordSave, SaveRequests } from "./useRecordForm.ts";

/** Each kind's collection in the typed client: where a form posts a new record and patches a correction. */
const collections = {
  commitment: client.v1.commitments,
  tranche: client.v1.tranches,
  event: client.v1.events,
} as const;

/**
 * A record form's `send`: POST a new record to its kind's collection, PATCH a correction (with the version it
 * corrects), and read the answer as `Saved` (the record, or the proposal a published record's change became).
 */
export function sendTo<T>(
  kind: RecordKind,
  session: Session,
  existing: Parameters<typeof savedFrom>[1],
): (save: RecordSave<T>, requests: SaveRequests<T>) => Promise<Saved> {
  return async (save, requests) => {
    const collection = collections[kind];
    const headers = csrfHeaders(session);
    // The three collections' request types differ by record; the form has checked its record with core's schema
    // of that kind, and the API checks it again.
    const response =
      save.kind === "create"
        ? await collection.$post(requests.create(save.record) as never, headers)
        : await collection[":id"].$patch(requests.update(save) as never, headers);
    return savedFrom(kind, existing, response);
  };
}

/** A failed part of the promise, said after its commitment was saved: retrying the form sends only what is missing. */
export class PromisePartError extends Error {}

/**
 * The commitment form's `send` for a new promise: the commitment first, then its stage event and tranches, each
 * with its own idempotency key derived from the form's, so a retry after a failure replays what was saved and
 * records only the rest.
 */
export function sendPromise<T>(
  session: Session,
  promise: () => { draft: PromiseDraft; basis: PromiseBasis; lang: EntryReader["lang"] },
  sendCommitment: (save: RecordSave<T>, requests: SaveRequests<T>) => Promise<Saved>,
  t: PromiseMessages,
) {
  return async (save: RecordSave<T>, requests: SaveRequests<T>): Promise<Saved> => {
    const saved = await sendCommitment(save, requests);
    if (save.kind !== "create") return saved;
    const key = requests.create(save.record).header["idempotency-key"];
    const { draft, basis, lang } = promise();
    const parts = promiseParts(draft, basis, new EntryReader(lang), saved.id);
    const headers = csrfHeaders(session);
    try {
      if (parts.event) {
        const header = { "idempotency-key": `${key}:stage` };
        await unwrap(await client.v1.events.$post({ json: parts.event as never, header }, headers));
      }
      for (const [i, tranche] of parts.tranches.entries()) {
        const header = { "idempotency-key": `${key}:tranche:${i}` };
        try {
          await unwrap(await client.v1.tranches.$post({ json: tranche as never, header }, headers));
        } catch (error) {
          throw new PromisePartError(t.instalmentFailed(i + 1, sayRefusal(error, lang)));
        }
      }
    } catch (error) {
      if (error instanceof PromisePartError) throw error;
      throw new PromisePartError(t.stageFailed(sayRefusal(error, lang)));
    }
    return {
      ...saved,
      parts: { stage: parts.event ? draft.stage : null, instalments: parts.tranches.length },
    };
  };
}
