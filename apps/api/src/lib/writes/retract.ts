import type { ProposalTargetKind } from "@commitments/core";
import {
  liveDependents,
  openChangeSet,
  retractRecord,
  type StoredResponse,
  writeTransaction,
} from "@commitments/db";
import type { Context } from "hono";
import { principalOf } from "../auth/authorise.ts";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import {
  changeSetOf,
  checkCurrent,
  type LedgerResource,
  precondition,
  visibleRecord,
} from "../ledger-resource.ts";
import { propose } from "../proposals.ts";
import { checkText } from "./fields.ts";
import { respond } from "./respond.ts";
import { routeOf } from "./roles.ts";

/**
 * Retracts a record, unless live records still refer to it: those are named, to be retracted first. A ministry's
 * retraction of a published record is a proposal its approver publishes (202).
 */
export async function retractVia<R extends { id: string }, V>(
  c: Context<AppEnv>,
  resource: LedgerResource<R, never, V>,
  id: string,
  ifMatch: string | undefined,
  body: { reason: string },
): Promise<StoredResponse> {
  checkText(body);
  const based = precondition(ifMatch);
  const principal = principalOf(c);
  return writeTransaction(c.get("db"), async (tx) => {
    const before = await visibleRecord(tx, principal, resource, id);
    const route = await routeOf(tx, principal, resource.access, "record.retract", before);
    const expected = checkCurrent(resource, before, based);
    const dependents = await liveDependents(tx, resource.entity, id);
    if (dependents.length > 0) {
      const named = dependents.map((d) => `${d.entity} "${d.id}"`);
      throw new ApiError(
        "CONFLICT",
        `${resource.noun} "${id}" cannot be retracted while live records refer to it: ${named.join(", ")}. Retract them first.`,
        named.map((name) => ({ location: "param", path: "id", message: `${name} refers to it` })),
      );
    }
    if (route === "proposal") {
      const target = { kind: resource.entity.name as ProposalTargetKind, id };
      return propose(tx, principal, target, expected, { kind: "retraction" }, body.reason);
    }
    const cs = await openChangeSet(tx, changeSetOf(principal, body.reason));
    await retractRecord(tx, cs, resource.entity, id, expected);
    return respond(tx, resource, id, cs);
  });
}
