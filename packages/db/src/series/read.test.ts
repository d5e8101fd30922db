import { readFileSync } from "node:fs";
import type { Dispute, StageEvent } from "@commitments/core";
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
  testEvent,
} from "../../test/series-fixtures.ts";
import type { Db } from "../client.ts";
import { disputeEntity, eventEntity } from "../entities.ts";
import { type ChangeSet, withChangeSet } from "../ledger.ts";
import { loadRates, loadRatesCsv, RatesError } from "../rates.ts";
import { createRecords, replaceRecord } from "../records.ts";
import { loadDataset } from "../reference.ts";
import { type TestDatabase, testTargets } from "../testing.ts";
import { computeCells, storedCells } from "./cells.ts";
import { readSeries, type SeriesQuery } from "./index.ts";

/** The statement of the migration that added the flag counts, computing them for the cells already stored. */
const flagBackfill = () => {
  const migration = readFileSync(new URL("../../migrations/0007_series_flags.sql", import.meta.url), "utf8");
  return migration.slice(migration.indexOf("UPDATE series_cells"));
};

/** Point flags with only synthetic figures: every event above is synthetic, none estimated or disputed. */
const syntheticOnly = (promised: number, delivered: number) => ({
  promised: { synthetic: promised, estimated: 0, disputed: 0 },
  delivered: { synthetic: delivered, estimated: 0, disputed: 0 },
});

describe.each(testTargets())("series on $name", (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await target.open();
    await loadDataset(database.db, seriesDataset());
    await loadRates(database.db, rates, "test:rates");
    await withChangeSet(database.db, editor, (tx, cs) => createRecords(tx, cs, eventEntity, events));
  });
  afterAll(async () => {
    await database?.dispose();
  });
  const read = (query: Partial<SeriesQuery>) => readSeries(database.db, { ...base, ...query });

  it("converts each event at its own date, rounds at the end, and lists what it could not convert", async () => {
    const series = await read({ from: "2024-02", to: "2024-06" });
    expect(series.groups).toHaveLength(1);
    expect(series.groups[0]?.points).toEqual([
      {
        period: "2024-02",
        promised: "0.00",
        delivered: "0.00",
        cumulativePromised: "0.00",
        cumulativeDelivered: "0.00",
        // The unconverted GBP 10 is still a synthetic figure of the period.
        flags: syntheticOnly(0, 1),
      },
      // 110 / 1.1 + 85 / 0.85 + 100 / 1.08 (92.5925925926 to 10 places) = 292.5925925926
      {
        period: "2024-03",
        promised: "292.59",
        delivered: "50.00",
        cumulativePromised: "292.59",
        cumulativeDelivered: "50.00",
        flags: syntheticOnly(4, 1),
      },
      {
        period: "2024-04",
        promised: "0.00",
        delivered: "0.00",
        cumulativePromised: "292.59",
        cumulativeDelivered: "50.00",
      },
      {
        period: "2024-05",
        promised: "0.00",
        delivered: "0.00",
        cumulativePromised: "292.59",
        cumulativeDelivered: "50.00",
      },
      // 53.5 / 1.07 = 50
      {
        period: "2024-06",
        promised: "0.00",
        delivered: "50.00",
        cumulativePromised: "292.59",
        cumulativeDelivered: "100.00",
        flags: syntheticOnly(0, 1),
      },
    ]);
    // A point none of whose events is flagged carries no flags at all, not six zeros.
    const unflagged = series.groups[0]?.points.filter(
      (p) => p.period === "2024-04" || p.period === "2024-05",
    );
    expect(unflagged).toHaveLength(2);
    for (const point of unflagged ?? []) expect(point).not.toHaveProperty("flags");
    expect(series.conversion).toMatchObject({
      currency: "EUR",
      convention: "event_date",
      rateSource: `the tracker's exchange-rate table, dataset version ${series.datasetVersion}`,
      unconverted: [
        { stage: "committed", currency: "JPY", amount: "1000", events: 1 },
        { stage: "delivered", currency: "GBP", amount: "10", events: 1 },
      ],
    });
    expect(series.conversion?.rounding).toMatch(/half-even to 2 places at the end/);
    expect(series.original).toEqual([
      { currency: "EUR", promised: "0", delivered: "50" },
      { currency: "GBP", promised: "85", delivered: "10" },
      { currency: "JPY", promised: "1000", delivered: "0" },
      { currency: "USD", promised: "210", delivered: "53.5" },
    ]);
  });

  it("caps the rate date of a partial date at the latest rate, and a later rate moves it", async () => {
    const december = async (asOf?: Date) =>
      (await read({ from: "2024-12", to: "2024-12", ...(asOf ? { asOf } : {}) })).groups[0]?.points[0];
    // 107 / 1.07 at 2024-06-28, the latest rate date, before the middle of 2024 (2024-07-01).
    expect(await december()).toMatchObject({ delivered: "100.00", cumulativeDelivered: "200.00" });
    const before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const loaded = await loadRates(
      database.db,
      [{ date: "2024-07-01", currency: "USD", perEur: "1.25" }],
      "test:rates",
    );
    expect(loaded).toMatchObject({ created: 1, replaced: 0 });
    // Now the rate of 2024-07-01 applies: 107 / 1.25 = 85.6.
    expect(await december()).toMatchObject({ delivered: "85.60", cumulativeDelivered: "185.60" });
    expect(await december(before)).toMatchObject({ delivered: "100.00", cumulativeDelivered: "200.00" });
  });

  it("converts per-currency sums at one fixed date", async () => {
    const series = await read({
      from: "2024-03",
      to: "2024-03",
      convention: { kind: "fixed_date", date: "2024-06-30" },
    });
    // 2024-06-30 is a Sunday: the rates of 2024-06-28. 210 / 1.07 = 196.2616822430, 85 / 0.845 = 100.5917159763.
    // The cumulative figure includes February's GBP 10, convertible at the fixed date: 50 + 11.8343195266.
    expect(series.groups[0]?.points).toEqual([
      {
        period: "2024-03",
        promised: "296.85",
        delivered: "50.00",
        cumulativePromised: "296.85",
        cumulativeDelivered: "61.83",
        flags: syntheticOnly(4, 1),
      },
    ]);
    expect(series.conversion).toMatchObject({
      convention: "fixed_date",
      rateDate: "2024-06-30",
      rates: expect.arrayContaining([
        { currency: "USD", perEur: "1.07", date: "2024-06-28" },
        { currency: "GBP", perEur: "0.845", date: "2024-06-28" },
      ]),
      unconverted: [{ stage: "committed", currency: "JPY", amount: "1000", events: 1 }],
    });
    // Into dollars: 210 + 85 × 1.07 / 0.845 (107.6331360947) = 317.63; delivered 50 × 1.07
    const usd = await read({
      from: "2024-03",
      to: "2024-03",
      currency: "USD",
      convention: { kind: "fixed_date", date: "2024-06-30" },
    });
    expect(usd.groups[0]?.points[0]).toMatchObject({ promised: "317.63", delivered: "53.50" });
  });

  it("converts into dollars at each event's date", async () => {
    const series = await read({ currency: "USD", from: "2024-03", to: "2024-03" });
    // 110 + 85 × 1.1 / 0.85 + 100; delivered 50 × 1.1 (the 15th's rate on the 20th)
    expect(series.groups[0]?.points[0]).toMatchObject({ promised: "320.00", delivered: "55.00" });
  });

  it("groups and filters, by quarter, and keeps original currencies apart", async () => {
    const byDonor = await read({
      groupBy: "donor",
      interval: "quarter",
      currency: "original",
      to: "2024-06",
    });
    expect(byDonor.currency).toBeNull();
    expect(byDonor.conversion).toBeNull();
    expect(byDonor.groups.map((g) => [g.key, g.label, g.currency])).toEqual([
      ["DE", expect.any(String), "EUR"],
      ["GB", "United Kingdom", "GBP"],
      ["JP", expect.any(String), "JPY"],
      ["US", expect.any(String), "USD"],
    ]);
    const us = byDonor.groups.find((g) => g.key === "US");
    expect(us?.points).toEqual([
      {
        period: "2024-Q1",
        promised: "210",
        delivered: "0",
        cumulativePromised: "210",
        cumulativeDelivered: "0",
        flags: syntheticOnly(2, 0),
      },
      {
        period: "2024-Q2",
        promised: "0",
        delivered: "53.5",
        cumulativePromised: "210",
        cumulativeDelivered: "53.5",
        flags: syntheticOnly(0, 1),
      },
    ]);
    const byTier = await read({ groupBy: "tier", interval: "year" });
    expect(byTier.groups.map((g) => [g.key, g.label])).toEqual([
      ["intermediate", "Intermediate"],
      ["none", "No agreement"],
      ["soft", "Soft"],
    ]);
    const air = await read({ groupBy: "category", category: "air_defence", interval: "year" });
    expect(air.groups.map((g) => g.key)).toEqual(["air_defence"]);
    const none = await read({ groupBy: "agreement", tier: "none", interval: "year" });
    expect(none.groups.map((g) => g.key)).toEqual(["none"]);
  });

  it("never adds different units", async () => {
    const all = await read({ measure: "quantity", groupBy: "category", interval: "year" });
    expect(all.groups.map((g) => [g.key, g.unit, g.points[0]?.delivered])).toEqual([
      ["ammunition", "rounds", "1200"],
      ["armoured_vehicles", "vehicles", "4"],
    ]);
    const rounds = await read({ measure: "quantity", unit: "rounds", interval: "year" });
    expect(rounds.unit).toBe("rounds");
    expect(rounds.groups.map((g) => g.points[0]?.delivered)).toEqual(["1200"]);
    expect(rounds.original).toEqual([]);
  });

  it("reads a series as of a moment after a correction", async () => {
    const before = await read({ to: "2024-03" });
    const at = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await withChangeSet(database.db, editor, (tx, cs) =>
      replaceRecord(tx, cs, eventEntity, "e-usd-1", 1, {
        ...events[0],
        measure: money("220", "USD"),
      } as never),
    );
    const after = await read({ to: "2024-03" });
    expect(after.groups[0]?.points.at(-1)?.promised).toBe("392.59");
    expect(await read({ to: "2024-03", asOf: at })).toEqual(before);
  });

  it("recomputes months before a new rate when it moves the latest rate date", async () => {
    // August 2025, month precision: its rate date is the middle (2025-08-16), capped at the latest rate (08-05).
    await loadRates(database.db, [{ date: "2025-08-05", currency: "USD", perEur: "1.25" }], "test:rates");
    await withChangeSet(database.db, editor, (tx, cs) =>
      createRecords(tx, cs, eventEntity, [
        testEvent("e-usd-5", "c-usd", "committed", "2025-08", money("125", "USD")),
      ]),
    );
    const august = async () =>
      (await read({ from: "2025-08", to: "2025-08" })).groups[0]?.points[0]?.promised;
    expect(await august()).toBe("100.00");
    // A GBP rate in September lifts the cap: the rate date becomes 08-16, 11 days after the last USD rate.
    await loadRates(database.db, [{ date: "2025-09-10", currency: "GBP", perEur: "0.9" }], "test:rates");
    expect(await august()).toBe("0.00");
    expect(await storedCells(database.db)).toEqual(await computeCells(database.db));
  });

  it("keeps the cells equal to a full recomputation", async () => {
    expect(await storedCells(database.db)).toEqual(await computeCells(database.db));
  });

  it("refuses contradictory rates and bad CSV, writing nothing", async () => {
    await expect(
      loadRates(database.db, [rates[0], { ...rates[0], perEur: "1.2" }] as never, "test:rates"),
    ).rejects.toBeInstanceOf(RatesError);
    await expect(loadRatesCsv(database.db, "Date,USD\n2024-13-01,1.1\n", "test:rates")).rejects.toMatchObject(
      {
        at: { line: 2 },
      },
    );
    const again = await loadRates(database.db, rates, "test:rates");
    expect(again).toEqual({ changeSet: null, created: 0, replaced: 0, unchanged: rates.length });
  });

  it("keeps exchange rates append-only in the database itself", async () => {
    const refusal = (statement: ReturnType<typeof sql>) =>
      database.db.execute(statement).then(
        () => "accepted",
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(await refusal(sql`update exchange_rates set per_eur = 2 where currency = 'USD'`)).toMatch(
      /append-only/,
    );
    expect(await refusal(sql`delete from exchange_rates`)).toMatch(/append-only/);
  });

  it("backfills the cells of existing events in the migrations as the application computes them", async () => {
    // With no rates the application can convert only EUR to EUR and USD to USD, as the migration does. The flag
    // counts (all synthetic here) come from the later migration that added them.
    const fresh = await target.open();
    try {
      await loadDataset(fresh.db, seriesDataset());
      await withChangeSet(fresh.db, editor, (tx, cs) => createRecords(tx, cs, eventEntity, events));
      const migration = readFileSync(
        new URL("../../migrations/0003_series_append_only_backfill.sql", import.meta.url),
        "utf8",
      );
      const backfill = migration.slice(migration.indexOf("INSERT INTO series_cells"));
      const expected = await storedCells(fresh.db);
      expect(expected.size).toBeGreaterThan(5);
      await fresh.db.execute(sql`delete from series_cells`);
      await fresh.db.execute(sql.raw(backfill));
      await fresh.db.execute(sql.raw(flagBackfill()));
      expect(await storedCells(fresh.db)).toEqual(expected);
      expect(await computeCells(fresh.db)).toEqual(expected);
    } finally {
      await fresh.dispose();
    }
  });
});

describe.each(testTargets())("series flags on $name", (target) => {
  let database: TestDatabase;
  const counts = (synthetic: number, estimated: number, disputed: number) => ({
    synthetic,
    estimated,
    disputed,
  });
  const dataset = seriesDataset();
  // c-eur is real here, so its events are synthetic only by their own flag; c-gbp stays synthetic.
  dataset.commitments = dataset.commitments.map((c) => (c.id === "c-eur" ? { ...c, synthetic: false } : c));
  const real = (event: StageEvent): StageEvent => ({ ...event, synthetic: false });
  const flaggedEvents: StageEvent[] = [
    real(testEvent("f-plain", "c-eur", "committed", "2024-01-10", money("100", "EUR"))),
    testEvent("f-synthetic", "c-eur", "committed", "2024-01-20", money("50", "EUR")),
    {
      ...real(testEvent("f-estimated", "c-eur", "delivered", "2024-01-25", money("30", "EUR"))),
      confidence: "estimated",
    },
    real(testEvent("f-later", "c-eur", "delivered", "2024-02-05", money("20", "EUR"))),
    // Not flagged itself: synthetic through its commitment.
    real(testEvent("f-gbp", "c-gbp", "committed", "2024-02", money("10", "GBP"))),
  ];
  const write = (work: (tx: Db, cs: ChangeSet) => Promise<unknown>) =>
    withChangeSet(database.db, editor, async (tx, cs) => {
      await work(tx, cs);
      return cs.recordedAt;
    });
  const raise = (d: Dispute) => write((tx, cs) => createRecords(tx, cs, disputeEntity, [d]));
  const close = (d: Dispute, status: "upheld" | "withdrawn") =>
    write((tx, cs) =>
      replaceRecord(tx, cs, disputeEntity, d.id, 1, { ...d, status, resolution: "Settled by the test." }),
    );
  /** The flags of January and February 2024, in EUR, all commitments together. */
  const flagsOf = async (asOf?: Date) => {
    const series = await readSeries(database.db, {
      ...base,
      from: "2024-01",
      to: "2024-02",
      ...(asOf ? { asOf } : {}),
    });
    return series.groups[0]?.points.map((p) => [p.period, p.flags]);
  };
  const cellsAgree = async () =>
    expect(await storedCells(database.db)).toEqual(await computeCells(database.db));

  beforeAll(async () => {
    database = await target.open();
    await loadDataset(database.db, dataset);
    await withChangeSet(database.db, editor, (tx, cs) => createRecords(tx, cs, eventEntity, flaggedEvents));
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("counts the flagged events of each period, and a dispute counts while it is open", async () => {
    const unflagged = [
      ["2024-01", { promised: counts(1, 0, 0), delivered: counts(0, 1, 0) }],
      ["2024-02", { promised: counts(1, 0, 0), delivered: counts(0, 0, 0) }],
    ];
    expect(await flagsOf()).toEqual(unflagged);
    const beforeDisputes = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));

    const ofEvent = dispute("d-event", "event", "f-later");
    const eventDisputed = await raise(ofEvent);
    const oneDisputed = [
      unflagged[0],
      ["2024-02", { promised: counts(1, 0, 0), delivered: counts(0, 0, 1) }],
    ];
    expect(await flagsOf()).toEqual(oneDisputed);
    await cellsAgree();

    // A dispute of the commitment covers every event of it; f-later, disputed twice, counts once.
    const ofCommitment = dispute("d-commitment", "commitment", "c-eur");
    await raise(ofCommitment);
    expect(await flagsOf()).toEqual([
      ["2024-01", { promised: counts(1, 0, 2), delivered: counts(0, 1, 1) }],
      ["2024-02", { promised: counts(1, 0, 0), delivered: counts(0, 0, 1) }],
    ]);
    await cellsAgree();

    // Resolved or withdrawn, a dispute no longer counts.
    await close(ofCommitment, "upheld");
    expect(await flagsOf()).toEqual(oneDisputed);
    await close(ofEvent, "withdrawn");
    expect(await flagsOf()).toEqual(unflagged);
    await cellsAgree();

    // As of a past moment: the disputes as they stood then.
    expect(await flagsOf(beforeDisputes)).toEqual(unflagged);
    expect(await flagsOf(eventDisputed)).toEqual(oneDisputed);
    expect(await flagsOf(new Date())).toEqual(unflagged);
  });

  it("computes the counts of stored cells in the migration as the application does", async () => {
    await raise(dispute("d-gbp", "commitment", "c-gbp"));
    const expected = await storedCells(database.db);
    const totals = [...expected.values()].reduce(
      (t, c) =>
        counts(
          t.synthetic + c.syntheticEvents,
          t.estimated + c.estimatedEvents,
          t.disputed + c.disputedEvents,
        ),
      counts(0, 0, 0),
    );
    expect(totals).toEqual(counts(2, 1, 1));
    await database.db.execute(
      sql`update series_cells set synthetic_events = 0, estimated_events = 0, disputed_events = 0`,
    );
    await database.db.execute(sql.raw(flagBackfill()));
    expect(await storedCells(database.db)).toEqual(expected);
  });
});

/** The rollups as stored, keyed and with numbers in their shortest exact form. */
