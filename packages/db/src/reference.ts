import { createHash } from "node:crypto";
import type { Agreement, Commitment, Party, StageEvent } from "@commitments/core";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import {
  agreementEntity,
  commitmentEntity,
  type Entity,
  eventEntity,
  partyEntity,
  provisionEntity,
  rowsOf,
  trancheEntity,
} from "./entities.ts";
import { withChangeSet } from "./ledger.ts";
import { createRecords } from "./records.ts";
import { referenceLoads } from "./schema.ts";

export interface Dataset {
  parties: readonly Party[];
  agreements: readonly Agreement[];
  commitments: readonly Commitment[];
  events: readonly StageEvent[];
}

/** A content hash: a changed dataset is a new version, an unchanged one is not loaded twice. */
export function datasetHash(dataset: Dataset): string {
  return createHash("sha256").update(JSON.stringify(dataset)).digest("hex").slice(0, 16);
}

/**
 * Loads a dataset in one change set, once per version. Records whose ids the ledger already holds are left as
 * they are: the ledger, not the bundled file, is the record of what changed since.
 */
export async function loadDataset(
  db: Db,
  dataset: Dataset,
  actor = "system:reference-dataset",
): Promise<{ version: string; loaded: boolean }> {
  const version = datasetHash(dataset);
  if (await referenceLoaded(db, version)) return { version, loaded: false };
  const loaded = await withChangeSet(
    db,
    { actor, origin: "reference", reason: `reference dataset ${version}`, metadata: { dataset: version } },
    async (tx, cs) => {
      // Checked again under the write lock: two processes starting at once load it once.
      const [again] = await tx
        .select()
        .from(referenceLoads)
        .where(inArray(referenceLoads.version, [version]));
      if (again) return false;
      const add = async <R extends { id: string }>(entity: Entity<R>, records: readonly R[]) =>
        createRecords(tx, cs, entity, await absent(tx, entity, records));
      await add(partyEntity, dataset.parties);
      await add(
        agreementEntity,
        dataset.agreements.map(({ provisions: _, ...agreement }) => agreement),
      );
      await add(
        provisionEntity,
        dataset.agreements.flatMap((a) =>
          a.provisions.map((provision, position) => ({
            id: `${a.id}-p${position + 1}`,
            agreement: a.id,
            position,
            provision,
          })),
        ),
      );
      await add(
        commitmentEntity,
        dataset.commitments.map(({ schedule: _, ...commitment }) => commitment),
      );
      await add(
        trancheEntity,
        dataset.commitments.flatMap((c) =>
          c.schedule.map((t, position) => ({
            id: `${c.id}-t${position + 1}`,
            commitment: c.id,
            position,
            ...t,
          })),
        ),
      );
      await add(eventEntity, dataset.events);
      await tx.insert(referenceLoads).values({ version, changeSetId: cs.id });
      return true;
    },
  );
  return { version, loaded };
}

async function absent<R extends { id: string }>(
  tx: Db,
  entity: Entity<R>,
  records: readonly R[],
): Promise<R[]> {
  if (records.length === 0) return [];
  const ids = records.map((r) => r.id);
  const taken = new Set(
    rowsOf<{ id: string }>(
      await tx.execute(
        sql`select distinct ${entity.table.id} as id from ${entity.table} where ${entity.table.id} in ${ids}`,
      ),
    ).map((r) => r.id),
  );
  return records.filter((r) => !taken.has(r.id));
}

/** Whether a dataset of this version was loaded (the reference dataset, or the starter data's files). */
export async function referenceLoaded(db: Db, version: string): Promise<boolean> {
  const [row] = await db
    .select()
    .from(referenceLoads)
    .where(inArray(referenceLoads.version, [version]));
  return row !== undefined;
}

/** Records that a dataset of this version is loaded, as of the change set that completed it. */
export async function markReferenceLoaded(db: Db, version: string, changeSetId: number): Promise<void> {
  await db.insert(referenceLoads).values({ version, changeSetId }).onConflictDoNothing();
}
