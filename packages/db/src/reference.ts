import { createHash } from "node:crypto";
import type { Agreement, Commitment, Party, StageEvent } from "@commitments/core";
import type { Db } from "./client.ts";
import { insertAgreements } from "./queries/agreements.ts";
import { insertCommitments, insertStageEvents } from "./queries/commitments.ts";
import { insertParties } from "./queries/parties.ts";
import { referenceLoads } from "./schema.ts";

export interface Dataset {
  parties: readonly Party[];
  agreements: readonly Agreement[];
  commitments: readonly Commitment[];
  events: readonly StageEvent[];
}

/** A content hash: a changed dataset is a new version, an unchanged one is not loaded twice. */
export function datasetVersion(dataset: Dataset): string {
  return createHash("sha256").update(JSON.stringify(dataset)).digest("hex").slice(0, 16);
}

/**
 * Loads a dataset in one transaction, once per version. Records already present are left as they are: the
 * ledger, not the bundled file, is the record of what changed since.
 */
export async function loadDataset(db: Db, dataset: Dataset): Promise<{ version: string; loaded: boolean }> {
  const version = datasetVersion(dataset);
  const loaded = await db.transaction(async (tx) => {
    const inserted = await tx.insert(referenceLoads).values({ version }).onConflictDoNothing().returning();
    if (inserted.length === 0) return false;
    const txDb = tx as unknown as Db;
    await insertParties(txDb, dataset.parties);
    await insertAgreements(txDb, dataset.agreements);
    await insertCommitments(txDb, dataset.commitments);
    await insertStageEvents(txDb, dataset.events);
    return true;
  });
  return { version, loaded };
}
