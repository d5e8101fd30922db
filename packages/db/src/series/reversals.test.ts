import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { money, seriesDataset, testEvent } from "../../test/series-fixtures.ts";
import { eventEntity } from "../entities.ts";
import { withChangeSet } from "../ledger.ts";
import { loadRates } from "../rates.ts";
import { createRecords } from "../records.ts";
import { loadDataset } from "../reference.ts";
import { type TestDatabase, testTargets } from "../testing.ts";
import { computeCells, storedCells } from "./cells.ts";
import { commitmentFulfilment } from "./fulfilment.ts";
import { readSeries, type SeriesQuery } from "./index.ts";

/*
 * Negative figures: publishers report a reversed disbursement or a decommitment as a negative amount, and the
 * tracker records it as reported. The series must add them as signed figures, converted like any other, so its
 * sums equal the publisher's. Every figure here is made up; the rate is a TEST value, not an ECB reference rate.
 */

const editor = { actor: "test:editor", origin: "api" as const };
const events = [
  testEvent("r-eur-committed", "c-eur", "committed", "2024-01-10", money("1000", "EUR")),
  // A decommitment of 200.
  testEvent("r-eur-decommitted", "c-eur", "committed", "2024-03-05", money("-200", "EUR")),
  testEvent("r-eur-delivered", "c-eur", "delivered", "2024-02-01", money("500", "EUR")),
  // 100 of February's disbursement reversed.
  testEvent("r-eur-reversed", "c-eur", "delivered", "2024-03-01", money("-100", "EUR")),
  testEvent("r-usd-delivered", "c-usd", "delivered", "2024-03-15", money("110", "USD")),
  // Half of it reversed the same day: at 1.1 USD a euro, 100 and -50 euros.
  testEvent("r-usd-reversed", "c-usd", "delivered", "2024-03-15", money("-55", "USD")),
];

const base: SeriesQuery = {
  groupBy: "all",
  promised: "committed",
  delivered: "delivered",
  interval: "month",
  measure: "money",
  currency: "EUR",
  convention: { kind: "event_date" },
};

describe.each(testTargets())("negative figures in the series on $name", (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await target.open();
    await loadDataset(database.db, seriesDataset());
    await loadRates(database.db, [{ date: "2024-03-15", currency: "USD", perEur: "1.1" }], "test:rates");
    await withChangeSet(database.db, editor, (tx, cs) => createRecords(tx, cs, eventEntity, events));
  });
  afterAll(async () => {
    await database?.dispose();
  });
  const read = (query: Partial<SeriesQuery>) => readSeries(database.db, { ...base, ...query });

  it("adds reversals and decommitments as signed figures, converted like any other", async () => {
    const series = await read({ from: "2024-01", to: "2024-03" });
    expect(series.groups[0]?.points.map(({ flags: _, ...p }) => p)).toEqual([
      {
        period: "2024-01",
        promised: "1000.00",
        delivered: "0.00",
        cumulativePromised: "1000.00",
        cumulativeDelivered: "0.00",
      },
      {
        period: "2024-02",
        promised: "0.00",
        delivered: "500.00",
        cumulativePromised: "1000.00",
        cumulativeDelivered: "500.00",
      },
      // -200; -100 + 100 - 50.
      {
        period: "2024-03",
        promised: "-200.00",
        delivered: "-50.00",
        cumulativePromised: "800.00",
        cumulativeDelivered: "450.00",
      },
    ]);
  });

  it("keeps each currency's signed sum exact, and the maintained cells equal a recomputation", async () => {
    const byDonor = await read({
      groupBy: "donor",
      currency: "original",
      interval: "quarter",
      to: "2024-03",
    });
    expect(
      byDonor.groups.map((g) => [g.key, g.currency, g.points.at(-1)?.promised, g.points.at(-1)?.delivered]),
    ).toEqual([
      ["DE", "EUR", "800", "400"],
      ["US", "USD", "0", "55"],
    ]);
    expect(await storedCells(database.db)).toEqual(await computeCells(database.db));
    // A read as of now recomputes from the ledger: the same figures as the maintained ones.
    expect(await read({ to: "2024-03", asOf: new Date() })).toEqual(await read({ to: "2024-03" }));
  });

  it("measures fulfilment against the promise net of the decommitment", async () => {
    const read = await commitmentFulfilment(database.db, "c-eur", {
      on: "2024-06-30",
      promised: "committed",
      delivered: "delivered",
    });
    expect(read?.fulfilment).toMatchObject({
      ok: true,
      value: { promised: "800", delivered: "400", ratio: 0.5, excess: "0" },
    });
  });
});
