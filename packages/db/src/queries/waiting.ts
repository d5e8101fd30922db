import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { commitmentEntity, type Entity, eventEntity, trancheEntity } from "../entities.ts";
import { visibleAt } from "../ledger.ts";
import { countRecords } from "../records.ts";
import { commitments, proposals, stageEvents, tranches } from "../schema.ts";
import { countEvents } from "./reads.ts";

/*
 * What waits for someone, counted in the database: the header's counts on every page, without reading the lists
 * they count.
 */

const workflowRecords: {
  entity: Entity<{ id: string }>;
  table: typeof commitments | typeof tranches | typeof stageEvents;
}[] = [
  { entity: commitmentEntity as Entity<{ id: string }>, table: commitments },
  { entity: trancheEntity as Entity<{ id: string }>, table: tranches },
  { entity: eventEntity as Entity<{ id: string }>, table: stageEvents },
];

/** The organisation's records sent for its approver's decision: submitted, current, not retracted. */
export async function submittedRecordCount(db: Db, organisation: string): Promise<number> {
  let total = 0;
  for (const { entity, table } of workflowRecords) {
    total += await countRecords(db, entity, {
      where: [eq(table.status, "submitted"), eq(table.organisationId, organisation)],
      visibility: { drafts: "organisation", organisation },
    });
  }
  return total;
}

/** The organisation's proposals (corrections and retractions of published records) its approver has to decide. */
export async function waitingProposalCount(db: Db, organisation: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(proposals)
    .where(
      and(
        visibleAt(proposals),
        eq(proposals.organisationId, organisation),
        eq(proposals.status, "submitted"),
      ),
    );
  return row?.n ?? 0;
}

/**
 * The published deliveries to a recipient that wait for its confirmation of receipt, of the records the donors'
 * ministries keep in the tracker: a publisher's compiled figure (Kiel's, SIPRI's) is confirmed from its
 * commitment's page, not queued, or the queue would hold a whole dataset.
 */
export function deliveriesToConfirmCount(db: Db, recipient: string): Promise<number> {
  return countEvents(db, { recipient, stage: "delivered", confirmed: false, source: "tracker" }, {});
}
