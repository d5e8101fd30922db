import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { datasetVersion, openChangeSet, writeTransaction } from "../ledger.ts";
import { imports } from "../schema.ts";
import { refreshSeries, refreshSeriesOfChangeSet } from "../series/cells.ts";
import { check, Problems } from "./checks.ts";
import { planRelease, releasedIds, releaseReason, withRelease, writeRelease } from "./release.ts";
import { columnsOf, entityOf, stageItems } from "./stage.ts";
import { createStagingTables, dropStagingTables, id, importConnection, list } from "./staging.ts";
import {
  type ImportParams,
  type ImportPhase,
  type ImportReport,
  type ImportStatus,
  type Kind,
  kinds,
} from "./types.ts";

/*
 * One pipeline for every import format. The importers turn a file into items, one per source row; this loads
 * them all or nothing:
 *
 * 1. reading: each row's records become staging lines with the problems a record shows on its own (stage.ts:
 *    here, from `items`, or on another thread, which hands over `staged` batches), and are COPY-ed, in batches,
 *    into temporary tables on a connection of the import's own (staging.ts). Nothing is held in memory but a
 *    batch or two and the problems found, and no transaction is open meanwhile, so a slow upload blocks no other
 *    request (PGlite runs one transaction at a time). Rows outside the import (another recipient) are counted,
 *    not staged.
 * 2. checking: set-based queries over the staged rows find what no single row shows (checks.ts): ids repeated in
 *    the file, references to nothing, measures unlike their commitment's, ids the ledger holds with other content,
 *    donors the importer may not write for. Every problem is reported, up to `maxProblems`, with the total.
 * 3. writing, only when nothing is wrong and it is not a dry run: one write transaction, one change set, INSERT …
 *    SELECT from the staged rows into the version tables; for a publisher's release, the corrections and
 *    retractions it brings (release.ts); the series cells of the months touched, and the import's record. A
 *    process killed at any point leaves nothing: the temporary tables go with the connection.
 *
 * Records the ledger already holds with the same content are skipped, so importing a file again changes nothing.
 */

/** Imports above this many records are followed by ANALYZE, so the planner sees the tables as they now are. */
const analyzeAbove = 10_000;
/** Staged records of a kind past which its staging table is indexed and analysed before the checks. */
const indexStagedAbove = 2_000;

/**
 * Imports a file's items into the ledger, all or nothing, and records the run. Refused (or a dry run), it writes
 * nothing to the ledger and says why, row by row.
 */
export async function importRecords(db: Db, params: ImportParams): Promise<ImportReport> {
  const importId = params.id ?? randomUUID();
  const maxProblems = params.maxProblems ?? 10_000;
  const problems = new Problems(maxProblems);
  const warnings = new Problems(maxProblems);
  const batchRows = params.batchRows ?? 20_000;
  const dataset = params.sourceDataset ?? "tracker";
  const release = params.release && dataset !== "tracker" ? params.release : undefined;
  let rows = 0;
  const skipped: Record<string, number> = {};
  const progress = (phase: ImportPhase) => params.onProgress?.({ phase, rows, problems: problems.count });

  const conn = await importConnection(db);
  const tables = await createStagingTables(conn).catch((error) => {
    conn.release(true);
    throw error;
  });
  try {
    // --- reading: stage every record, a batch at a time ----------------------------------------------------------
    const pending: Record<Kind, string[]> = { parties: [], commitments: [], tranches: [], events: [] };
    const staged: Record<Kind, number> = { parties: 0, commitments: 0, tranches: 0, events: 0 };
    const flush = async (kind: Kind) => {
      if (pending[kind].length === 0) return;
      const names = ["source_row", ...columnsOf[kind].map((c) => c.name)];
      await conn.copy(tables[kind], names, pending[kind]);
      staged[kind] += pending[kind].length;
      pending[kind] = [];
    };
    progress("reading");
    const batches =
      params.staged ??
      stageItems(params.items ?? noItems(), { sourceDataset: dataset, refuse: params.refuse, maxProblems });
    for await (const batch of batches) {
      rows += batch.rows;
      problems.addCounted(batch.problems, batch.problemCount);
      warnings.addCounted(batch.warnings, batch.warningCount);
      for (const [reason, n] of Object.entries(batch.skipped)) skipped[reason] = (skipped[reason] ?? 0) + n;
      for (const kind of kinds) {
        for (const line of batch.lines[kind]) pending[kind].push(line);
        if (pending[kind].length >= batchRows) await flush(kind);
      }
      progress("reading");
    }
    for (const kind of kinds) await flush(kind);
    const file = typeof params.file === "function" ? await params.file() : params.file;

    // --- checking, and writing when all is well --------------------------------------------------------------
    progress("checking");
    for (const kind of kinds) {
      // A few pages are read whole faster than an index is built: most files a person uploads stage that little.
      if (staged[kind] < indexStagedAbove) continue;
      await conn.db.execute(sql`create index on ${id(tables[kind])} (id)`);
      // Temporary tables are never analysed on their own; the checks' plans depend on it.
      await conn.db.execute(sql`analyze ${id(tables[kind])}`);
    }
    const work = async (tx: Db): Promise<ImportReport> => {
      const checked = await check(
        tx,
        tables,
        problems,
        params.refuse,
        release ? dataset : null,
        params.sees ?? { drafts: "all" },
      );
      const plan = release && problems.count === 0 ? await planRelease(tx, tables, dataset, release) : null;
      const counts = withRelease(checked, plan);
      const report = (status: ImportStatus, changeSet: number | null, version: number): ImportReport => ({
        id: importId,
        status,
        rows,
        records: counts,
        problems: [...problems.list].sort((a, b) => a.row - b.row),
        problemCount: problems.count,
        warnings: warnings.list,
        warningCount: warnings.count,
        skipped,
        changeSet,
        datasetVersion: version,
      });
      const record = async (outcome: ImportReport) => {
        await tx.insert(imports).values({
          id: importId,
          fileName: file.name,
          sha256: file.sha256,
          bytes: file.bytes,
          format: file.format,
          importerVersion: file.importerVersion,
          actor: params.changeSet.actor,
          organisationId: params.changeSet.organisationId ?? null,
          userId: params.changeSet.userId ?? null,
          tokenId: params.changeSet.tokenId ?? null,
          status: outcome.status,
          rows,
          records: counts,
          problemCount: outcome.problemCount,
          changeSetId: outcome.changeSet,
        });
        return outcome;
      };
      const current = async () => (await datasetVersion(tx)).version;
      if (params.dryRun) return record(report("dry_run", null, await current()));
      if (problems.count > 0) return record(report("refused", null, await current()));
      const written = kinds.reduce(
        (n, kind) => n + counts[kind].new + counts[kind].changed + counts[kind].retracted,
        0,
      );
      // The same file again: every record is already there as it is. No empty change set.
      if (written === 0) return record(report("unchanged", null, await current()));

      progress("writing");
      // A release is named in the change set, so a credit line can say which release a dataset's figures are of.
      const label = release ? await releaseReason(tx, tables, release, file.name) : undefined;
      const cs = await openChangeSet(tx, {
        ...params.changeSet,
        origin: "import",
        reason: params.changeSet.reason ?? label ?? `import of ${file.name}`,
        metadata: {
          import: importId,
          ...file,
          rows,
          sourceDataset: dataset,
          ...(label === undefined ? {} : { release: label }),
        },
      });
      for (const kind of kinds) {
        const { table } = entityOf[kind];
        const names = columnsOf[kind].map((c) => c.name);
        // Parties have no workflow: they are the tracker's reference data, whoever's file names them first.
        const workflow =
          kind === "parties"
            ? sql``
            : sql`, ${params.placement.status}::text, ${params.placement.organisation}::text`;
        await tx.execute(sql`insert into ${table} (${list(names)}, version, change_set_id, valid_from, valid_to,
            retracted ${kind === "parties" ? sql`` : sql`, status, organisation_id`})
          select ${list(names, "s")}, 1, ${cs.id}::bigint, ${cs.recordedAt.toISOString()}::timestamptz,
            null, false ${workflow}
          from (select distinct on (id) * from ${id(tables[kind])} order by id, source_row) s
          where not exists (select 1 from ${table} l where l.id = s.id)`);
      }
      if (plan) await writeRelease(tx, cs, tables, plan, params.placement);
      if (written > analyzeAbove) {
        await tx.execute(sql`analyze commitments, tranches, stage_events`);
      }
      await refreshSeriesOfChangeSet(tx, cs);
      if (plan) {
        // Corrected and retracted versions: the months of the versions they closed, and a commitment's events.
        const ids = releasedIds(plan);
        await refreshSeries(tx, cs, "event", ids.events);
        await refreshSeries(tx, cs, "commitment", ids.commitments);
      }
      return record(report("imported", cs.id, cs.id));
    };
    const report = params.dryRun ? await work(conn.db) : await writeTransaction(conn.db, work);
    progress("done");
    return report;
  } finally {
    // The staging tables go with the import. Should that fail, a PostgreSQL connection is closed rather than
    // returned to the pool, which drops them too.
    conn.release(await dropStagingTables(conn, tables));
  }
}

/** Neither items nor staged rows: a file of no rows. */
async function* noItems(): AsyncGenerator<never> {}
