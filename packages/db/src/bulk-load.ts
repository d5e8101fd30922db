import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Commitment, Party, StageEvent } from "@commitments/core";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { getTableName, inArray, sql } from "drizzle-orm";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "./client.ts";
import { commitmentEntity, type Entity, eventEntity, partyEntity, trancheEntity } from "./entities.ts";
import { type ChangeSet, openChangeSet, writeTransaction } from "./ledger.ts";
import { csvCell, dataColumns, ledgerPlaceColumns } from "./ledger-columns.ts";
import { createRecords } from "./records.ts";
import { parties as partiesTable } from "./schema.ts";
import { refreshSeriesOfChangeSet } from "./series/cells.ts";

/*
 * A bulk loader for generated data (the synthetic dataset of @commitments/reference: benchmarks, demos, tests of
 * scale). The records go straight into the ledger tables by COPY, as version 1 published records of one change
 * set, then the series cells of every month they touch are computed once and the tables analysed. The store ends
 * as loadDataset would leave it (same records, same cells), minutes faster at a million events.
 *
 * It trusts its input: none of the per-record checks of createRecords (references, measures like their
 * commitment's) are made, and ids already in the ledger make the COPY fail (the primary key) rather than being
 * skipped. Data from anywhere else goes through importRecords.
 */

/** What the loader needs of a dataset: the shape of generateSynthetic's, events produced lazily. */
export interface BulkDataset {
  parties: readonly Party[];
  commitments: readonly Commitment[];
  /** Called once; a generator keeps a million events out of memory. */
  events: () => Iterable<StageEvent>;
}

export interface BulkLoadResult {
  changeSet: number;
  commitments: number;
  tranches: number;
  events: number;
  parties: number;
  /** Milliseconds: the COPYs, the series cells, ANALYZE. */
  timings: { copy: number; series: number; analyze: number };
}

export interface BulkLoadOptions {
  actor?: string;
  /** Rows per chunk handed to COPY (PostgreSQL: per write to the stream; PGlite: per COPY statement). */
  chunkRows?: number;
}

/** COPY of CSV chunks into a table, on the transaction's own connection. */
type Copier = (table: string, columns: readonly string[], chunks: AsyncIterable<string>) => Promise<void>;

function copierOf(tx: Db): Copier {
  // The transaction's session holds the connection it runs on: a pg client, or PGlite's transaction object.
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  const statement = (table: string, columns: readonly string[], source: string) =>
    `copy "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) from ${source} with (format csv)`;
  if (client instanceof pg.Client) {
    return async (table, columns, chunks) => {
      await pipeline(Readable.from(chunks), client.query(copyFrom(statement(table, columns, "stdin"))));
    };
  }
  const lite = client as PGlite | Transaction;
  return async (table, columns, chunks) => {
    for await (const chunk of chunks) {
      await lite.query(statement(table, columns, "'/dev/blob'"), [], { blob: new Blob([chunk]) });
    }
  };
}

/** The rows of records as CSV, `chunkRows` lines a chunk, each with the ledger columns of version 1. */
async function* csvChunks<R extends { id: string }>(
  entity: Entity<R>,
  columns: readonly { key: string }[],
  records: Iterable<R>,
  cs: ChangeSet,
  chunkRows: number,
  counted: { n: number },
): AsyncGenerator<string> {
  const ledger = `,1,${cs.id},${csvCell(cs.recordedAt.toISOString())},,false,"published",`;
  let lines: string[] = [];
  for (const record of records) {
    const row = entity.toRow(record);
    lines.push(columns.map((c) => csvCell(row[c.key])).join(",") + ledger);
    counted.n += 1;
    if (lines.length >= chunkRows) {
      yield `${lines.join("\n")}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join("\n")}\n`;
}

function* tranchesOf(commitments: readonly Commitment[]) {
  for (const c of commitments) {
    for (const [position, t] of c.schedule.entries()) {
      yield { id: `${c.id}-t${position + 1}`, commitment: c.id, position, ...t };
    }
  }
}

/**
 * Loads a generated dataset in one change set (origin "synthetic"): parties the ledger lacks through the ordinary
 * path, commitments, tranches and events by COPY, then the series cells of every month the events fall in, then
 * ANALYZE. All or nothing: one write transaction, under the write lock.
 */
export async function loadSyntheticBulk(
  db: Db,
  dataset: BulkDataset,
  options: BulkLoadOptions = {},
): Promise<BulkLoadResult> {
  const chunkRows = options.chunkRows ?? 20_000;
  const timings = { copy: 0, series: 0, analyze: 0 };
  const counts = { commitments: { n: 0 }, tranches: { n: 0 }, events: { n: 0 } };
  let partiesAdded = 0;
  const changeSet = await writeTransaction(db, async (tx) => {
    const cs = await openChangeSet(tx, {
      actor: options.actor ?? "system:synthetic-bulk-load",
      origin: "synthetic",
      reason: "synthetic dataset, bulk load",
      metadata: { commitments: dataset.commitments.length },
    });
    const ids = dataset.parties.map((p) => p.id);
    const present = new Set(
      ids.length === 0
        ? []
        : (
            await tx.select({ id: partiesTable.id }).from(partiesTable).where(inArray(partiesTable.id, ids))
          ).map((r) => r.id),
    );
    const absent = dataset.parties.filter((p) => !present.has(p.id));
    await createRecords(tx, cs, partyEntity, absent);
    partiesAdded = absent.length;

    const copy = copierOf(tx);
    const started = performance.now();
    const load = async <R extends { id: string }>(
      entity: Entity<R>,
      records: Iterable<R>,
      counted: { n: number },
    ) => {
      const columns = dataColumns(entity as Entity<{ id: string }>);
      const names = [...columns.map((c) => c.name), ...ledgerPlaceColumns];
      await copy(
        getTableName(entity.table),
        names,
        csvChunks(entity, columns, records, cs, chunkRows, counted),
      );
    };
    await load(
      commitmentEntity,
      dataset.commitments.map(({ schedule: _, ...commitment }) => commitment),
      counts.commitments,
    );
    await load(trancheEntity, tranchesOf(dataset.commitments), counts.tranches);
    await load(eventEntity, dataset.events(), counts.events);
    timings.copy = performance.now() - started;

    // The planner must see the new rows before the series refresh reads them month by month.
    let at = performance.now();
    await tx.execute(sql`analyze commitments, tranches, stage_events`);
    timings.analyze = performance.now() - at;
    at = performance.now();
    await refreshSeriesOfChangeSet(tx, cs);
    timings.series = performance.now() - at;
    return cs.id;
  });
  const at = performance.now();
  await db.execute(sql`analyze series_cells, series_rollups, parties, change_sets`);
  timings.analyze += performance.now() - at;
  return {
    changeSet,
    commitments: counts.commitments.n,
    tranches: counts.tranches.n,
    events: counts.events.n,
    parties: partiesAdded,
    timings,
  };
}
