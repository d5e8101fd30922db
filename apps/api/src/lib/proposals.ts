import { maySee, type Proposal, type ProposalTargetKind } from "@commitments/core";
import {
  createRecord,
  type Db,
  getRecord,
  LedgerError,
  liveDependents,
  openChangeSet,
  proposalEntity,
  proposalSteps,
  replaceRecord,
  retractRecord,
  type StoredResponse,
  type Versioned,
  writeTransaction,
} from "@commitments/db";
import type { Context } from "hono";
import { allow, principalOf } from "./auth/authorise.ts";
import type { AppEnv, Principal } from "./context.ts";
import { ApiError, placingFields, validationError } from "./errors.ts";
import { generateId } from "./ids.ts";
import { changeSetOf, type LedgerResource, targetOf } from "./ledger-resource.ts";
import { notifyProposalDecision } from "./notices/record.ts";
import { proposalViews } from "./proposal-views.ts";
import { everything, readMeta } from "./representation.ts";

/*
 * Four eyes on published records: a ministry's correction or retraction of a published record is kept as a
 * proposal, and the record stays as published until the ministry's own approver publishes the proposal (or
 * returns it, saying why). Publishing applies it as the record's next version, in a change set that names both the
 * approver and who proposed it; a record changed since the proposal's base version refuses it.
 */

/** The ledger resources proposals may change, by kind. */
export type ProposalResources = Record<ProposalTargetKind, LedgerResource<{ id: string }, never, unknown>>;

/** What a proposal would do: the record as corrected, or its retraction. */
export type Change = { kind: "correction"; record: { id: string } } | { kind: "retraction" };

/** A proposal's answer: 202, the proposal, and where to follow it. */
async function proposalResponse(tx: Db, proposal: Versioned<Proposal>, status: 200 | 202) {
  const [view] = await proposalViews(tx, [proposal]);
  const meta = await readMeta(tx, undefined);
  return {
    status,
    body: JSON.stringify({ data: view, meta }),
    headers: {
      Location: `/v1/proposals/${encodeURIComponent(proposal.record.id)}`,
      ETag: `"${proposal.version}"`,
    },
  } satisfies StoredResponse;
}

/**
 * Records a proposed change of a published record, inside the caller's write transaction, after the caller has
 * authorised "record.propose" and checked the base version. The record itself is not touched.
 */
export async function propose(
  tx: Db,
  principal: Principal,
  target: Proposal["target"],
  baseVersion: number,
  change: Change,
  reason: string,
): Promise<StoredResponse> {
  const proposal: Proposal = {
    id: generateId(`proposal-${change.kind}-${target.id}`, "proposal"),
    target,
    baseVersion,
    kind: change.kind,
    ...(change.kind === "correction" ? { record: change.record as Record<string, unknown> } : {}),
    organisation: principal.organisationId,
    reason,
    status: "submitted",
  };
  const cs = await openChangeSet(tx, changeSetOf(principal, reason));
  return proposalResponse(tx, await createRecord(tx, cs, proposalEntity, proposal), 202);
}

/** A proposal the principal may see, or "not found": another organisation's proposal is not theirs to confirm. */
export async function visibleProposal(db: Db, principal: Principal | null, id: string) {
  const found = await getRecord(db, proposalEntity, id);
  if (!found || !maySee(principal?.actor ?? null, found.record)) {
    throw new ApiError("NOT_FOUND", `No proposal with id "${id}"`);
  }
  return found;
}

/**
 * Publishes or returns a proposal, with the approver's reason. Publishing writes the record's next version (or
 * its retraction) and the proposal's, in one change set; a record that moved since the base version refuses it
 * (412: return it, and propose again on the current version).
 */
export async function decide(
  c: Context<AppEnv>,
  resources: ProposalResources,
  id: string,
  body: { status: "published" | "returned"; reason: string },
) {
  const principal = principalOf(c);
  const response = await writeTransaction(c.get("db"), async (tx) => {
    const proposal = await visibleProposal(tx, principal, id);
    const { target } = proposal.record;
    const resource = resources[target.kind];
    const record = await getRecord(tx, resource.entity, target.id, undefined, everything);
    if (!record) throw new Error(`proposal "${id}" speaks of no ${target.kind} "${target.id}"`);
    const about = await targetOf(tx, principal, resource.access, record.record, {
      status: "published",
      organisation: proposal.record.organisation,
    });
    allow(principal, body.status === "published" ? "proposal.publish" : "proposal.return", {
      ...about,
      organisation: proposal.record.organisation,
      status: "submitted",
    });
    if (proposal.record.status !== "submitted") {
      throw new ApiError("CONFLICT", `The proposal is ${proposal.record.status} already`, [
        { location: "json", path: "status", message: `it was ${proposal.record.status}` },
      ]);
    }
    const decided: Proposal = { ...proposal.record, status: body.status, decision: body.reason };
    const notice = (changeSetId: number) =>
      notifyProposalDecision(c, tx, {
        target,
        organisationId: proposal.record.organisation,
        status: body.status,
        proposedIn: proposal.changeSet,
        changeSetId,
        reason: body.reason,
      });
    if (body.status === "returned") {
      const cs = await openChangeSet(tx, changeSetOf(principal, body.reason));
      await notice(cs.id);
      return replaceRecord(tx, cs, proposalEntity, id, proposal.version, decided);
    }
    if (record.version !== proposal.record.baseVersion || record.retracted) {
      throw new LedgerError(
        "VERSION_MISMATCH",
        `${target.kind} "${target.id}" is at version ${record.version}${record.retracted ? " (retracted)" : ""}, not the proposal's ${proposal.record.baseVersion}: return the proposal, and propose the change again on the current version`,
      );
    }
    const proposedBy = (await proposalSteps(tx, [proposal])).get(id)?.proposed.by ?? "unknown";
    const cs = await openChangeSet(tx, {
      ...changeSetOf(principal, proposal.record.reason),
      actor: `${principal.label}, publishing the proposal of ${proposedBy}`,
      metadata: { proposal: id, proposedBy, decidedBy: principal.label, decision: body.reason },
    });
    await apply(tx, cs, resource, proposal.record);
    await notice(cs.id);
    return replaceRecord(tx, cs, proposalEntity, id, proposal.version, decided);
  });
  return proposalResponse(c.get("db"), response, 200);
}

/** Applies a proposal to its record: the corrected record as the next version, or the retraction. */
async function apply(
  tx: Db,
  cs: Awaited<ReturnType<typeof openChangeSet>>,
  resource: LedgerResource<{ id: string }, never, unknown>,
  proposal: Proposal,
) {
  const { target, baseVersion } = proposal;
  if (proposal.kind === "retraction") {
    const dependents = await liveDependents(tx, resource.entity, target.id);
    if (dependents.length > 0) {
      const named = dependents.map((d) => `${d.entity} "${d.id}"`);
      throw new ApiError(
        "CONFLICT",
        `${resource.noun} "${target.id}" cannot be retracted while live records refer to it: ${named.join(", ")}. Retract them first.`,
        named.map((name) => ({ location: "param", path: "id", message: `${name} refers to it` })),
      );
    }
    await retractRecord(tx, cs, resource.entity, target.id, baseVersion);
    return;
  }
  // Checked again against the schema and the ledger as they are now: what was valid when proposed may not be.
  const parsed = resource.schema.safeParse(proposal.record);
  if (!parsed.success) throw validationError(parsed.error, "json", ["record"]);
  await placingFields("record.", () =>
    replaceRecord(tx, cs, resource.entity, target.id, baseVersion, parsed.data),
  );
}
