import { authorise } from "@commitments/core/access";
import { useQuery } from "@tanstack/react-query";
import { actorOf } from "../account/access.ts";
import { sessionQuery } from "../api.ts";

/**
 * What the signed-in person may say of published records, asked of core's `authorise`, the function the API
 * asks on every write: the page offers only what the API would accept. The public gets nothing to press.
 */
export function useRemarker() {
  const session = useQuery(sessionQuery);
  const signedIn = session.data?.user ? session.data : null;
  const actor = signedIn ? actorOf(signedIn) : null;
  return {
    session: signedIn,
    /** Known to be the public (not merely still asking who is signed in). */
    signedOut: session.data === null,
    mayDispute: authorise(actor, "dispute.open").allowed,
    mayAnnotate: authorise(actor, "annotation.create").allowed,
    /** Only the organisation that opened a dispute withdraws it (an administrator resolves it instead). */
    mayWithdraw: (organisation: string) =>
      signedIn?.organisation.id === organisation &&
      authorise(actor, "dispute.withdraw", { organisation }).allowed,
    mayResolve: (organisation: string) => authorise(actor, "dispute.resolve", { organisation }).allowed,
    /** The recipient's verifiers confirm deliveries to their own country as received. */
    mayConfirm: (recipient: string) => authorise(actor, "delivery.confirm", { recipient }).allowed,
  };
}

export type Remarker = ReturnType<typeof useRemarker>;
