import { type Action, authorise } from "@commitments/core";
import type { Db, Placement, Versioned } from "@commitments/db";
import { allow, isAdministrator } from "../auth/authorise.ts";
import type { Principal } from "../context.ts";
import { type Access, targetOf } from "../ledger-resource.ts";

/** Checks `action` on a record, as it is and (for an update) as it would become. */
export async function authoriseOn<R extends { id: string }>(
  tx: Db,
  principal: Principal,
  access: Access<R>,
  action: Action,
  record: R,
  placement: Placement,
) {
  if (access.kind === "reference") return allow(principal, "reference.edit");
  allow(principal, action, await targetOf(tx, principal, access, record, placement));
}

/**
 * How a change of an existing record goes: a draft is edited (or retracted) by its own organisation; a published
 * record is changed directly by the tracker's administrators, and through a proposal by a ministry. Refuses, with
 * core's reason, whoever may do neither.
 */
export async function routeOf<R extends { id: string }>(
  tx: Db,
  principal: Principal,
  access: Access<R>,
  draftAction: "record.update" | "record.retract",
  before: Versioned<R>,
): Promise<"direct" | "proposal"> {
  if (access.kind === "reference" || before.status !== "published") {
    await authoriseOn(tx, principal, access, draftAction, before.record, before);
    return "direct";
  }
  const target = await targetOf(tx, principal, access, before.record, before);
  if (authorise(principal.actor, "record.correct", target).allowed) return "direct";
  allow(principal, "record.propose", target);
  return "proposal";
}

/** Where a new record starts: the tracker's own are published as written; a ministry's start as its drafts. */
export function placementFor(principal: Principal): Placement {
  return isAdministrator(principal.actor)
    ? { status: "published", organisation: principal.organisationId }
    : { status: "draft", organisation: principal.organisationId };
}
