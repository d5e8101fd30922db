import { periodMonths, periodOf } from "@commitments/core";
import type { Db } from "../client.ts";
import { datasetVersion } from "../ledger.ts";
import { assemble } from "./assemble.ts";
import { rowsAsOf, rowsFromCells, sourcesWithFigures } from "./rows.ts";
import { deliveredStageFor, deliveredStageOf, stagesToRead } from "./sources.ts";
import type { Series, SeriesQuery } from "./types.ts";

/**
 * Promised against delivered over time. A current read sums the maintained rollups (or, filtered, cells) by period
 * in SQL, so its cost grows with the answer (periods × groups × currencies × sources), not with the history. A read
 * `asOf` a past moment recomputes the cells from the versioned tables as they stood then: a scan of the events
 * visible at that moment, accepted on that path, which gives exactly what the cells held at that moment (the cells
 * are always a function of the ledger). Each point also counts its period's flagged events (synthetic, estimated,
 * disputed), from the same cells. The stage counted as delivery is the one asked for, or the furthest the selected
 * sources report; the answer names those sources and their releases.
 */
export function readSeries(db: Db, query: SeriesQuery): Promise<Series> {
  return db.transaction(
    async (transaction) => {
      const tx = transaction as unknown as Db;
      const version = (await datasetVersion(tx, query.asOf)).version;
      const lastMonth =
        query.to === undefined ? undefined : periodMonths(periodOf(query.to, query.interval)).last;
      if (query.asOf) {
        const rows = await rowsAsOf(tx, query, stagesToRead(query), lastMonth);
        return assemble(tx, { ...query, delivered: deliveredStageFor(query, rows) }, rows, version);
      }
      // The delivered stage first, from the sources with figures, so only the two stages shown are summed.
      const delivered =
        query.delivered ?? deliveredStageOf(query, await sourcesWithFigures(tx, query, lastMonth));
      const rows = await rowsFromCells(tx, query, [...new Set([query.promised, delivered])], lastMonth);
      return assemble(tx, { ...query, delivered }, rows, version);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
