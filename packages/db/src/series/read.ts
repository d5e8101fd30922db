import { periodMonths, periodOf } from "@commitments/core";
import type { Db } from "../client.ts";
import { datasetVersion } from "../ledger.ts";
import { assemble } from "./assemble.ts";
import { rowsAsOf, rowsFromCells } from "./rows.ts";
import { deliveredStageFor, stagesToRead } from "./sources.ts";
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
      const stages = stagesToRead(query);
      const rows = query.asOf
        ? await rowsAsOf(tx, query, stages, lastMonth)
        : await rowsFromCells(tx, query, stages, lastMonth);
      return assemble(tx, { ...query, delivered: deliveredStageFor(query, rows) }, rows, version);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
