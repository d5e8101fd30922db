import { readFileSync } from "node:fs";
import { add, normalize } from "@commitments/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baseSeriesQuery as base,
  openDispute as dispute,
  seriesEditor as editor,
  seriesTestEvents as events,
  money,
  seriesTestRates as rates,
  seriesDataset,
} from "../../test/series-fixtures.ts";
import type { Db } from "../client.ts";
import { disputeEntity, eventEntity, rowsOf } from "../entities.ts";
import { type ChangeSet, withChangeSet } from "../ledger.ts";
import { loadRates } from "../rates.ts";
import { createRecords, replaceRecord, retractRecord } from "../records.ts";
import { loadDataset } from "../reference.ts";
import { type TestDatabase, testTargets } from "../testing.ts";
import { computeCells, type SeriesCell, storedCells } from "./cells.ts";
import { readSeries, type SeriesGroupBy, type SeriesQuery, seriesGroupings } from "./index.ts";

/** The statement of the migration that added the flag counts, computing them for the cells already stored. */

/** Point flags with only synthetic figures: every event above is synthetic, none estimated or disputed. */

async function storedRollups(db: Db): Promise<Map<string, Record<string, unknown>>> {
  const rows = rowsOf<Record<string, string | number | null>>(
    await db.execute(sql`select dimension, key, stage, to_char(month, 'YYYY-MM-DD') as month, measure_kind,
      measure, source, amount::text, events, eur::text, eur_unconverted::text, eur_unconverted_events, usd::text,
      usd_unconverted::text, usd_unconverted_events, synthetic_events, estimated_events, disputed_events
      from series_rollups`),
  );
  const exact = (v: string | number | null) =>
    typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? normalize(v) : v;
  return new Map(
    rows.map((r) => [
      [r.dimension, r.key, r.stage, r.month, r.measure_kind, r.measure, r.source].join("|"),
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, exact(v)])),
    ]),
  );
}

/** The rollups the stored cells imply, summed here rather than in SQL. */
async function rollupsOfStoredCells(db: Db): Promise<Map<string, Record<string, unknown>>> {
  const keyOf: Record<SeriesGroupBy, (c: SeriesCell) => string> = {
    all: () => "all",
    donor: (c) => c.donor,
    category: (c) => c.category.split(".")[0] as string,
    tier: (c) => c.tier,
    agreement: (c) => c.agreement || "none",
    source: (c) => c.source,
  };
  const plus = (a: string | null, b: string | null) => (a === null || b === null ? null : add(a, b));
  const plusCount = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
  const rollups = new Map<string, Record<string, unknown>>();
  for (const c of (await storedCells(db)).values()) {
    for (const dimension of seriesGroupings) {
      const coordinates = {
        dimension,
        key: keyOf[dimension](c),
        stage: c.stage,
        month: c.month,
        measure_kind: c.measureKind,
        measure: c.measure,
        source: c.source,
      };
      const id = Object.values(coordinates).join("|");
      const r = rollups.get(id);
      rollups.set(id, {
        ...coordinates,
        amount: r ? add(r.amount as string, c.amount) : c.amount,
        events: ((r?.events as number) ?? 0) + c.events,
        eur: r ? plus(r.eur as string | null, c.eur) : c.eur,
        eur_unconverted: r ? plus(r.eur_unconverted as string | null, c.eurUnconverted) : c.eurUnconverted,
        eur_unconverted_events: r
          ? plusCount(r.eur_unconverted_events as number | null, c.eurUnconvertedEvents)
          : c.eurUnconvertedEvents,
        usd: r ? plus(r.usd as string | null, c.usd) : c.usd,
        usd_unconverted: r ? plus(r.usd_unconverted as string | null, c.usdUnconverted) : c.usdUnconverted,
        usd_unconverted_events: r
          ? plusCount(r.usd_unconverted_events as number | null, c.usdUnconvertedEvents)
          : c.usdUnconvertedEvents,
        synthetic_events: ((r?.synthetic_events as number) ?? 0) + c.syntheticEvents,
        estimated_events: ((r?.estimated_events as number) ?? 0) + c.estimatedEvents,
        disputed_events: ((r?.disputed_events as number) ?? 0) + c.disputedEvents,
      });
    }
  }
  return rollups;
}

describe.each(testTargets())("series rollups on $name", (target) => {
  let database: TestDatabase;
  const write = (work: (tx: Db, cs: ChangeSet) => Promise<unknown>) =>
    withChangeSet(database.db, editor, (tx, cs) => work(tx, cs));

  beforeAll(async () => {
    database = await target.open();
    await loadDataset(database.db, seriesDataset());
    await loadRates(database.db, rates, "test:rates");
    // Creates, a correction, a retraction, disputes of an event and of a commitment, and a rate load.
    await write((tx, cs) => createRecords(tx, cs, eventEntity, events));
    await write((tx, cs) =>
      replaceRecord(tx, cs, eventEntity, "e-usd-2", 1, {
        ...events[2],
        date: "2024-05-02",
        measure: money("90", "USD"),
      } as never),
    );
    await write((tx, cs) => retractRecord(tx, cs, eventEntity, "e-gbp-2", 1));
    await write((tx, cs) =>
      createRecords(tx, cs, disputeEntity, [
        dispute("d-1", "event", "e-usd-3"),
        dispute("d-2", "commitment", "c-eur"),
      ]),
    );
    await loadRates(database.db, [{ date: "2024-02-01", currency: "GBP", perEur: "0.86" }], "test:rates");
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("keeps the rollups equal to the sums of the cells, as the migration computes them", async () => {
    const expected = await rollupsOfStoredCells(database.db);
    expect(expected.size).toBeGreaterThan(20);
    expect(await storedRollups(database.db)).toEqual(expected);
    expect(await storedCells(database.db)).toEqual(await computeCells(database.db));

    // 0008 filled the groupings of its day; 0011 the grouping by source, of cells all of the tracker's own then.
    const fill = (name: string, from: string) => {
      const migration = readFileSync(new URL(`../../migrations/${name}`, import.meta.url), "utf8");
      return sql.raw(migration.slice(migration.indexOf(from)));
    };
    await database.db.execute(sql`delete from series_rollups`);
    await database.db.execute(fill("0008_series_rollups.sql", "INSERT INTO series_rollups"));
    await database.db.execute(fill("0011_series_sources.sql", 'INSERT INTO "series_rollups"'));
    expect(await storedRollups(database.db)).toEqual(expected);
  });

  it("reads the same figures from the rollups as from the cells", async () => {
    // With from and to: the periods of a series run over its own data, which a filter narrows.
    const shapes: Partial<SeriesQuery>[] = [
      { interval: "quarter", from: "2024-02", to: "2024-12" },
      // March sums into the cumulative figures from before the window.
      { interval: "quarter", from: "2024-05", to: "2024-12" },
      { interval: "year", currency: "original", from: "2024-01", to: "2025-12" },
      {
        interval: "month",
        currency: "USD",
        convention: { kind: "fixed_date", date: "2024-06-30" },
        from: "2024-01",
        to: "2024-12",
      },
      { interval: "quarter", measure: "quantity", from: "2024-01", to: "2024-12" },
    ];
    const filters: Record<Exclude<SeriesGroupBy, "all">, (key: string) => Partial<SeriesQuery>> = {
      donor: (key) => ({ donor: key }),
      category: (key) => ({ category: key }),
      tier: (key) => ({ tier: key as SeriesQuery["tier"] }),
      // "No agreement" has no filter of its own: the tier "none" selects the same cells.
      agreement: (key) => (key === "none" ? { tier: "none" } : { agreement: key }),
      source: (key) => ({ source: key as SeriesQuery["source"] }),
    };
    for (const shape of shapes) {
      for (const [groupBy, filter] of Object.entries(filters)) {
        const query = { ...base, ...shape, groupBy: groupBy as SeriesGroupBy };
        const whole = await readSeries(database.db, query);
        expect(whole.groups.length, `${groupBy} ${JSON.stringify(shape)}`).toBeGreaterThan(0);
        for (const key of new Set(whole.groups.map((g) => g.key))) {
          const one = await readSeries(database.db, { ...query, ...filter(key) });
          expect(one.groups, `${groupBy} ${key} ${JSON.stringify(shape)}`).toEqual(
            whole.groups.filter((g) => g.key === key),
          );
        }
      }
    }
  });
});
