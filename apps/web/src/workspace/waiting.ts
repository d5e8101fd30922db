import { authorise } from "@commitments/core/access";
import { useQuery } from "@tanstack/react-query";
import { actorOf } from "../account/access.ts";
import type { Session } from "../api.ts";
import { waitingProposalsQuery } from "./decisions.ts";
import { type DonorRecords, donorRecordsQuery } from "./queries.ts";

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

/** How many of the ministry's records wait for its approver: the submitted ones. */
export function submittedCount(records: DonorRecords): number {
  return [...records.commitments, ...records.tranches, ...records.events].filter(
    (record) => record.status === "submitted" && !record.retracted,
  ).length;
}

/**
 * What waits for an approver: submitted records and proposals. The records are the workspace's own query (shared,
 * so the header's count and the workspace read them once); null for anyone not an approver, or until both are read.
 */
export function useWaiting(session: Session | null): { submitted: number; proposals: number } | null {
  const party = session && approves(session) ? session.organisation.party : null;
  const records = useQuery({ ...donorRecordsQuery(party ?? ""), enabled: party !== null });
  const proposals = useQuery({ ...waitingProposalsQuery, enabled: party !== null });
  if (!party || !records.data || !proposals.data) return null;
  return { submitted: submittedCount(records.data), proposals: proposals.data.length };
}
