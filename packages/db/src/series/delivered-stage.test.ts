import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { money, seriesDataset, testCommitment, testEvent } from "../../test/series-fixtures.ts";
import { commitmentEntity, eventEntity } from "../entities.ts";
import { withChangeSet } from "../ledger.ts";
import { createRecords } from "../records.ts";
import { loadDataset } from "../reference.ts";
import { type TestDatabase, testTargets } from "../testing.ts";
import { readSeries, type SeriesQuery } from "./index.ts";

/*
 * The stage a series counts as delivery when none is asked for: the furthest stage the sources with figures in the
 * selection report (Kiel's allocations alone, else delivered), settled before the sums are read, on the rollups, on
 * the cells of a filtered read and on a read as of a moment alike. Every figure here is made up.
 */

const editor = { actor: "test:editor", origin: "api" as const };
const kielLine = {
  ...testCommitment("c-kiel", "PL", "military", money("900", "EUR")),
  sourceDataset: "kiel" as const,
};
const events = [
  testEvent("e-kiel-committed", "c-kiel", "committed", "2024-01-10", money("900", "EUR")),
  testEvent("e-kiel-allocated", "c-kiel", "allocated", "2024-02-10", money("300", "EUR")),
  testEvent("e-de-committed", "c-eur", "committed", "2024-01-05", money("1000", "EUR")),
  testEvent("e-de-delivered", "c-eur", "delivered", "2024-03-05", money("400", "EUR")),
];

const base: Omit<SeriesQuery, "delivered"> = {
  groupBy: "donor",
  promised: "committed",
  interval: "quarter",
  measure: "money",
  currency: "EUR",
  convention: { kind: "event_date" },
};

describe.each(testTargets())("the stage counted as delivery on $name", (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await target.open();
    await loadDataset(database.db, seriesDataset());
    await withChangeSet(database.db, editor, async (tx, cs) => {
      await createRecords(tx, cs, commitmentEntity, [kielLine]);
      await createRecords(tx, cs, eventEntity, events);
    });
  });
  afterAll(async () => {
    await database?.dispose();
  });
  const read = (query: Partial<SeriesQuery>) => readSeries(database.db, { ...base, ...query } as SeriesQuery);
  const last = (series: Awaited<ReturnType<typeof read>>, key: string) =>
    series.groups.find((g) => g.key === key)?.points.at(-1);

  it("is Kiel's allocations when only Kiel's figures are selected, from the rollups and the cells alike", async () => {
    for (const query of [{ source: "kiel" as const }, { donor: "PL" }]) {
      const series = await read(query);
      expect(series.deliveredStage).toBe("allocated");
      expect(last(series, "PL")).toMatchObject({
        cumulativePromised: "900.00",
        cumulativeDelivered: "300.00",
      });
      expect(await read({ ...query, asOf: new Date() })).toEqual(series);
    }
  });

  it("is delivered when the selected sources disagree, or as asked", async () => {
    const mixed = await read({});
    expect(mixed.deliveredStage).toBe("delivered");
    expect(last(mixed, "DE")).toMatchObject({ cumulativeDelivered: "400.00" });
    // Kiel reports no delivered stage: its group shows none, never "0 delivered" read as a figure.
    expect(mixed.groups.find((g) => g.key === "PL")?.reported.delivered).toBe(false);
    expect(await read({ asOf: new Date() })).toEqual(mixed);
    const asked = await read({ source: "kiel", delivered: "delivered" });
    expect(asked.deliveredStage).toBe("delivered");
    expect(last(asked, "PL")).toMatchObject({ cumulativeDelivered: "0.00" });
  });
});
