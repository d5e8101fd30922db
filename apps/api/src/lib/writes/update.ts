import { confidenceAllowed, type ProposalTargetKind } from "@commitments/core";
import {
  checkReplacement,
  type Entity,
  openChangeSet,
  type Placement,
  replaceRecord,
  type StoredResponse,
  writeTransaction,
} from "@commitments/db";
import type { Context } from "hono";
import { isAdministrator, principalOf } from "../auth/authorise.ts";
import type { AppEnv } from "../context.ts";
import { ApiError, placingFields, validationError } from "../errors.ts";
import { canonicalJson } from "../idempotency.ts";
import {
  changeSetOf,
  checkCurrent,
  type LedgerResource,
  precondition,
  visibleRecord,
} from "../ledger-resource.ts";
import { propose } from "../proposals.ts";
import { checkConfidence, checkSettable, checkText, figureFields } from "./fields.ts";
import { respond } from "./respond.ts";
import { authoriseOn, routeOf } from "./roles.ts";

/** The record as stored would give it back: amounts normalised, absent fields absent. */
function stored<R extends { id: string }>(entity: Entity<R>, record: R): string {
  return canonicalJson(entity.fromRow(entity.toRow(record)));
}

/** The current record with `set` applied: null removes an optional field, an absent one keeps its value. */
function merge(record: object, set: object): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...record };
  for (const [field, value] of Object.entries(set)) {
    if (value === null) delete merged[field];
    else if (value !== undefined) merged[field] = value;
  }
  return merged;
}

/**
 * Corrects a record: the fields in `set` replace the current ones (null removes an optional field), the
 * result is checked against the record's schema, and becomes the next version; or, for a ministry's change of a
 * published record, a proposal its approver publishes (202). A record the caller may not see is not found, before
 * its version is compared.
 */
export async function updateVia<R extends { id: string }, V>(
  c: Context<AppEnv>,
  resource: LedgerResource<R, never, V>,
  id: string,
  ifMatch: string | undefined,
  body: { set: object; reason: string },
): Promise<StoredResponse> {
  checkText(body);
  const based = precondition(ifMatch);
  const principal = principalOf(c);
  checkSettable(principal, resource.access, Object.keys(body.set), "set.");
  checkConfidence(principal, body.set, "set.confidence");
  return writeTransaction(c.get("db"), async (tx) => {
    const before = await visibleRecord(tx, principal, resource, id);
    const route = await routeOf(tx, principal, resource.access, "record.update", before);
    const expected = checkCurrent(resource, before, based);
    const merged = merge(before.record, body.set);
    // A figure changed by someone who may not vouch for its confidence becomes their own report again: a
    // recipient's confirmation confirmed the figure as it was, not as it was later corrected. A note is no figure.
    const figureChanged = figureFields.some((field) => field in body.set);
    if (figureChanged && !("confidence" in body.set) && typeof merged.confidence === "string") {
      if (!confidenceAllowed(principal.actor, merged.confidence)) merged.confidence = "reported_by_donor";
    }
    const parsed = resource.schema.safeParse(merged);
    if (!parsed.success) throw validationError(parsed.error, "json", ["set"]);
    if (stored(resource.entity, parsed.data) === stored(resource.entity, before.record)) {
      throw new ApiError("UNPROCESSABLE", "The update changes nothing", [
        { location: "json", path: "set", message: "every field already has this value" },
      ]);
    }
    // The record as corrected must still be the principal's to write: no moving a record to another donor.
    const action =
      route === "proposal"
        ? "record.propose"
        : before.status === "published"
          ? "record.correct"
          : "record.update";
    await placingFields("set.", () =>
      authoriseOn(tx, principal, resource.access, action, parsed.data, before),
    );
    if (route === "proposal") {
      // Checked now as it will be when published: references, measures alike, nothing written.
      await placingFields("set.", () => checkReplacement(tx, resource.entity, parsed.data));
      const target = { kind: resource.entity.name as ProposalTargetKind, id };
      return propose(
        tx,
        principal,
        target,
        expected,
        { kind: "correction", record: parsed.data },
        body.reason,
      );
    }
    const cs = await openChangeSet(tx, changeSetOf(principal, body.reason));
    // Editing a submitted draft sends it back to draft: the approver approves what they will publish.
    const placement: Partial<Placement> | undefined =
      before.status === "submitted" && !isAdministrator(principal.actor) ? { status: "draft" } : undefined;
    await placingFields("set.", () =>
      replaceRecord(tx, cs, resource.entity, id, expected, parsed.data, placement),
    );
    return respond(tx, resource, id, cs);
  });
}
