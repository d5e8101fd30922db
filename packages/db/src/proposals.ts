import type { Proposal } from "@commitments/core";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "./client.ts";
import type { Entity } from "./entities.ts";
import { listRecords, type Versioned } from "./records.ts";
import { changeSets, proposals } from "./schema.ts";

/*
 * Proposals: a ministry's correction or retraction of a published record, until its approver publishes or returns
 * it. Each is a ledger record (version 1 submitted, version 2 decided), so who proposed and who decided, when
 * and why, are its change sets.
 */

export const proposalEntity: Entity<Proposal> = {
  name: "proposal",
  table: proposals,
  toRow: (p) => ({
    id: p.id,
    targetKind: p.target.kind,
    targetId: p.target.id,
    baseVersion: p.baseVersion,
    kind: p.kind,
    record: p.record ?? null,
    organisationId: p.organisation,
    reason: p.reason,
    status: p.status,
    decision: p.decision ?? null,
  }),
  fromRow: (r) => ({
    id: r.id as string,
    target: { kind: r.targetKind as Proposal["target"]["kind"], id: r.targetId as string },
    baseVersion: r.baseVersion as number,
    kind: r.kind as Proposal["kind"],
    ...(r.record ? { record: r.record as Record<string, unknown> } : {}),
    organisation: r.organisationId as string,
    reason: r.reason as string,
    status: r.status as Proposal["status"],
    ...(r.decision ? { decision: r.decision as string } : {}),
  }),
  // The record it speaks of is read, under the write lock, by the write that proposes the change and by the one
  // that decides it; not checked here, where a published retraction would make the proposal's own record refer to
  // a record no longer standing.
  references: () => [],
  dependents: [],
};

export interface ProposalFilters {
  /** The proposing organisation; every organisation's if absent (administrators). */
  organisation?: string | undefined;
  status?: Proposal["status"] | undefined;
  targetKind?: Proposal["target"]["kind"] | undefined;
  targetId?: string | undefined;
}

/** A page of proposals as they stand now, in id order. */
export function listProposals(
  db: Db,
  filters: ProposalFilters,
  options: { after?: string | undefined; limit: number },
) {
  const where: SQL[] = [
    ...(filters.organisation === undefined ? [] : [eq(proposals.organisationId, filters.organisation)]),
    ...(filters.status === undefined ? [] : [eq(proposals.status, filters.status)]),
    ...(filters.targetKind === undefined ? [] : [eq(proposals.targetKind, filters.targetKind)]),
    ...(filters.targetId === undefined ? [] : [eq(proposals.targetId, filters.targetId)]),
  ];
  return listRecords(db, proposalEntity, { ...options, where });
}

/** Who took a step of a proposal, and when and why. */
export interface ProposalStep {
  by: string;
  at: Date;
  reason: string | null;
}

/**
 * Who proposed each proposal and who decided it, from the change sets of its versions: one query for any number.
 * `decided` is null while a proposal waits.
 */
export async function proposalSteps(
  db: Db,
  items: readonly Versioned<Proposal>[],
): Promise<Map<string, { proposed: ProposalStep; decided: ProposalStep | null }>> {
  const ids = items.map((item) => item.record.id);
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: proposals.id,
      version: proposals.version,
      actor: changeSets.actor,
      at: changeSets.recordedAt,
      reason: changeSets.reason,
      metadata: changeSets.metadata,
    })
    .from(proposals)
    .innerJoin(changeSets, eq(changeSets.id, proposals.changeSetId))
    .where(inArray(proposals.id, ids));
  const steps = new Map<string, { proposed: ProposalStep; decided: ProposalStep | null }>();
  for (const item of items) {
    const own = rows.filter((row) => row.id === item.record.id);
    const first = own.find((row) => row.version === 1);
    const last = own.find((row) => row.version === item.version);
    if (!first || !last) continue;
    // A publication's change set names approver and proposer together; its metadata the approver alone.
    const by = (row: typeof first) => {
      const decidedBy = row.metadata?.decidedBy;
      return typeof decidedBy === "string" ? decidedBy : row.actor;
    };
    const step = (row: typeof first) => ({ by: by(row), at: row.at, reason: row.reason });
    steps.set(item.record.id, {
      proposed: step(first),
      decided: item.record.status === "submitted" ? null : step(last),
    });
  }
  return steps;
}

/** The proposals made on one record, whoever made them, as they stand now. */
export function proposalsOn(db: Db, target: Proposal["target"]) {
  return listRecords(db, proposalEntity, {
    where: [and(eq(proposals.targetKind, target.kind), eq(proposals.targetId, target.id)) as SQL],
    limit: 1000,
  });
}
