import { authorise } from "@commitments/core";
import * as queries from "@commitments/db";
import { principalOf } from "../../lib/auth/authorise.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import type { getWaiting } from "./waiting.routes.ts";

/** Counted for the roles the principal holds, by core's rules: an approver's decisions, a verifier's deliveries. */
export const get: AppRouteHandler<typeof getWaiting> = async (c) => {
  const { actor, organisationId } = principalOf(c);
  const party = actor.organisation.party;
  const db = c.get("db");
  const approves =
    party !== undefined &&
    authorise(actor, "record.publish", { donor: party, organisation: organisationId, status: "submitted" })
      .allowed;
  const verifies = party !== undefined && authorise(actor, "delivery.confirm", { recipient: party }).allowed;
  c.header("Cache-Control", "private, no-store");
  return c.json(
    {
      data: {
        submitted: approves ? await queries.submittedRecordCount(db, organisationId) : null,
        proposals: approves ? await queries.waitingProposalCount(db, organisationId) : null,
        toConfirm: verifies && party ? await queries.deliveriesToConfirmCount(db, party) : null,
      },
    },
    200,
  );
};
