import { authorise } from "@commitments/core/access";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { actorOf } from "../account/access.ts";
import { client, type Session, unwrap } from "../api.ts";
import { workspaceKey } from "./queries.ts";

/** Whether the person decides on the ministry's submissions: its approver (core's rule, as the API applies it). */
export function approves(session: Session): boolean {
  const party = session.organisation.party;
  if (!party) return false;
  return authorise(actorOf(session), "record.publish", {
    donor: party,
    organisation: session.organisation.id,
    status: "submitted",
  }).allowed;
}

/**
 * What waits for the signed-in person, counted by the API (GET /v1/waiting): one small read for the header on
 * every page, whatever the length of the lists. Under the workspace's key, so every decision there refreshes it;
 * a confirmation of receipt refreshes it by this key.
 */
export const waitingQuery = queryOptions({
  queryKey: [...workspaceKey, "waiting"],
  queryFn: async () => (await unwrap(await client.v1.waiting.$get())).data,
});

/** What waits for an approver: submitted records and proposals; null for anyone not an approver, or until read. */
export function useWaiting(session: Session | null): { submitted: number; proposals: number } | null {
  const approver = session !== null && approves(session);
  const waiting = useQuery({ ...waitingQuery, enabled: approver });
  const { submitted, proposals } = waiting.data ?? {};
  if (!approver || submitted == null || proposals == null) return null;
  return { submitted, proposals };
}
