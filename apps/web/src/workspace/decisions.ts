import { queryOptions } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { accepted, client, csrfHeaders, type Session, unwrap } from "../api.ts";
import { ifMatch, type RecordKind, workspaceKey } from "./queries.ts";

/*
 * The approver's side of the workspace in the API: the proposals (corrections and retractions of published
 * records) that wait, one proposal with what it would change, the decision on it; and an editor's retraction.
 */

export type ProposalRead = InferResponseType<typeof client.v1.proposals.$get, 200>["data"][number];
export type ProposalDetail = InferResponseType<(typeof client.v1.proposals)[":id"]["$get"], 200>["data"];

/** The organisation's proposals in one status, every page of them (the API lists a ministry its own only). */
async function proposalsIn(status: "submitted" | "returned"): Promise<ProposalRead[]> {
  const all: ProposalRead[] = [];
  let cursor: string | undefined;
  do {
    const response = await client.v1.proposals.$get({
      query: { status, limit: "200", ...(cursor ? { cursor } : {}) },
    });
    const page = await unwrap(response);
    all.push(...page.data);
    cursor = page.page.next ?? undefined;
  } while (cursor);
  return all;
}

/** The organisation's proposals that wait for its approver. */
export const waitingProposalsQuery = queryOptions({
  queryKey: [...workspaceKey, "proposals", "submitted"],
  queryFn: () => proposalsIn("submitted"),
});

/** The organisation's proposals its approver returned: each with who returned it, when and why. */
export const returnedProposalsQuery = queryOptions({
  queryKey: [...workspaceKey, "proposals", "returned"],
  queryFn: () => proposalsIn("returned"),
});

/** One proposal, with the record as published now and the changes publishing would make. */
export const proposalQuery = (id: string) =>
  queryOptions({
    queryKey: [...workspaceKey, "proposal", id],
    queryFn: async (): Promise<ProposalDetail> => {
      const response = await client.v1.proposals[":id"].$get({ param: { id } });
      return (await unwrap(response)).data;
    },
  });

/** The approver publishes or returns a proposal, with the reason kept beside it. */
export async function decideProposal(
  session: Session,
  id: string,
  status: "published" | "returned",
  reason: string,
): Promise<void> {
  const response = await client.v1.proposals[":id"].status.$post(
    { param: { id }, json: { status, reason } },
    csrfHeaders(session),
  );
  await accepted(response);
}

/** An editor's retraction of a published record: the API keeps it as a proposal for the approver (202). */
export async function retractRecord(
  session: Session,
  kind: RecordKind,
  id: string,
  version: number,
  reason: string,
): Promise<void> {
  const args = { param: { id }, header: ifMatch(version), json: { reason } };
  const response =
    kind === "commitment"
      ? await client.v1.commitments[":id"].retract.$post(args, csrfHeaders(session))
      : kind === "tranche"
        ? await client.v1.tranches[":id"].retract.$post(args, csrfHeaders(session))
        : await client.v1.events[":id"].retract.$post(args, csrfHeaders(session));
  await accepted(response);
}
