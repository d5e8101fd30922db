import { type SourceDataset, type Stage, sourceDatasets, stageIds } from "@commitments/core";
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../entities.ts";
import type { Row, SeriesQuery, SeriesSource } from "./types.ts";

/*
 * Whose figures a series adds up, and which stage it counts as delivery: a source that reports no delivered stage
 * (Kiel reports allocations) is measured against the furthest stage it does report, never read as "0 delivered".
 */

/** The stages to read: the two asked for, or every stage when the delivered one is to be chosen from the data. */
export function stagesToRead(query: SeriesQuery): Stage[] {
  return query.delivered === undefined ? [...stageIds] : [...new Set([query.promised, query.delivered])];
}

/** The sources with figures in these rows. */
export function sourcesIn(rows: readonly Row[]): SourceDataset[] {
  return [...new Set(rows.filter((r) => r.events > 0).map((r) => r.source))].sort();
}

/**
 * The stage counted as delivery: as asked, or the furthest stage the selected figures' sources report when they
 * agree on it (allocated for Kiel's figures alone, delivered for SIPRI's), else "delivered" — a source that does not
 * report it is then marked as not reporting it, group by group.
 */
export function deliveredStageFor(query: SeriesQuery, rows: readonly Row[]): Stage {
  return deliveredStageOf(query, sourcesIn(rows));
}

/** The same, from the sources with figures in the selection (at any stage). */
export function deliveredStageOf(query: SeriesQuery, sources: readonly SourceDataset[]): Stage {
  if (query.delivered !== undefined) return query.delivered;
  const progress = new Set(sources.map((s) => sourceDatasets[s].progressStage));
  const [only] = progress;
  return progress.size === 1 && only !== undefined ? only : "delivered";
}

/** Whether any of these sources reports a stage at all. */
export function reportedBy(sources: readonly SourceDataset[], stage: Stage): boolean {
  return sources.some((s) => sourceDatasets[s].stages.includes(stage));
}

/**
 * The sources a series draws on, with the release of each as the tracker held it at `asOf`: the label the latest
 * release import of the dataset named (its change set's reason).
 */
export async function seriesSources(
  tx: Db,
  sources: readonly SourceDataset[],
  asOf: Date | undefined,
): Promise<SeriesSource[]> {
  if (sources.length === 0) return [];
  const releases = new Map(
    rowsOf<{ source: SourceDataset; release: string }>(
      await tx.execute(sql`select distinct on (metadata->>'sourceDataset') metadata->>'sourceDataset' as source,
          metadata->>'release' as release
        from change_sets where origin = 'import' and metadata ? 'release'
          ${asOf ? sql`and recorded_at <= ${asOf.toISOString()}::timestamptz` : sql``}
        order by metadata->>'sourceDataset', id desc`),
    ).map((r) => [r.source, r.release]),
  );
  return sources.map((id) => {
    const definition = sourceDatasets[id];
    return {
      id,
      publisher: definition.publisher,
      release: releases.get(id) ?? null,
      stages: [...definition.stages],
      progressStage: definition.progressStage,
      promisesByCategory: definition.promisesByCategory,
    };
  });
}
