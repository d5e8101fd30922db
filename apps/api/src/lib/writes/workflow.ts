import type { Action, WorkflowStatus } from "@commitments/core";
import {
  commitmentEntity,
  getRecord,
  isVisible,
  openChangeSet,
  replaceRecord,
  writeTransaction,
} from "@commitments/db";
import type { Context } from "hono";
import { principalOf } from "../auth/authorise.ts";
import { visibilityOf } from "../auth/visibility.ts";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import {
  changeSetOf,
  checkCurrent,
  type LedgerResource,
  precondition,
  visibleRecord,
  type Written,
} from "../ledger-resource.ts";
import { notifyStep } from "../notices/record.ts";
import { checkText } from "./fields.ts";
import { answer, respond } from "./respond.ts";
import { authoriseOn } from "./roles.ts";

const transitions: Record<WorkflowStatus, Partial<Record<WorkflowStatus, Action>>> = {
  draft: { submitted: "record.submit", published: "record.publish" },
  submitted: { published: "record.publish", draft: "record.return" },
  published: {},
};

/**
 * Moves a ministry's record along draft → submitted → published (or a submitted one back to draft). The step is
 * a version of its own, by who took it and why. Published stays published: it is corrected, never unpublished.
 * A tranche or event is published only under a published commitment, so the public never sees an orphan.
 */
export async function transitionVia<R extends { id: string }, V>(
  c: Context<AppEnv>,
  resource: LedgerResource<R, never, V>,
  id: string,
  ifMatch: string | undefined,
  body: { status: WorkflowStatus; reason?: string | undefined },
): Promise<Written<V>> {
  checkText(body);
  const based = precondition(ifMatch);
  const principal = principalOf(c);
  const response = await writeTransaction(c.get("db"), async (tx) => {
    const before = await visibleRecord(tx, principal, resource, id);
    const action = transitions[before.status][body.status];
    if (!action) {
      throw new ApiError(
        "CONFLICT",
        before.status === "published"
          ? `${resource.noun} "${id}" is published: correct it instead, giving the reason`
          : `a ${before.status} ${resource.noun} cannot become ${body.status}`,
        [{ location: "json", path: "status", message: `not a step from ${before.status}` }],
      );
    }
    await authoriseOn(tx, principal, resource.access, action, before.record, before);
    const expected = checkCurrent(resource, before, based);
    const parent = (before.record as { commitment?: string }).commitment;
    if (body.status === "published" && parent !== undefined) {
      const commitment = await getRecord(tx, commitmentEntity, parent);
      if (commitment?.status !== "published") {
        // Named by its title where this person may read it: the message reaches the clerk's page, where ids mean
        // nothing; another organisation's draft stays unnamed.
        const readable = commitment && isVisible(commitment, visibilityOf(principal));
        const named = readable ? ` "${(commitment.record as { title: string }).title}"` : "";
        throw new ApiError("CONFLICT", `Publish its commitment${named} first`, [
          { location: "json", path: "status", message: "its commitment is not published" },
        ]);
      }
    }
    const cs = await openChangeSet(tx, changeSetOf(principal, body.reason));
    await replaceRecord(tx, cs, resource.entity, id, expected, before.record, { status: body.status });
    await notifyStep(c, tx, {
      record: { kind: resource.entity.name, id },
      organisationId: before.organisation,
      to: body.status,
      decidedOn: before.changeSet,
      changeSetId: cs.id,
      reason: body.reason,
    });
    return respond(tx, resource, id, cs);
  });
  return answer(c, response);
}
