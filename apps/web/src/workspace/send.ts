import { client, csrfHeaders, type Session } from "../api.ts";
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
