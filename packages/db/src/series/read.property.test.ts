import {
  type AgreementRecord,
  addDays,
  type CategoryId,
  type CommitmentRecord,
  convert,
  convertByConvention,
  createRateTable,
  type Dispute,
  dateRange,
  type ExchangeRate,
  type InstrumentType,
  type Measure,
  magnitude,
  monthIndex,
  normalize,
  periodMonths,
  periodOf,
  periodsBetween,
  type RateTable,
  type Stage,
  type StageEvent,
  stageIds,
  sum,
  tierOf,
  topCategory,
  toScale,
} from "@commitments/core";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriesDataset, testDonors, testEvent, testSource } from "../../test/series-fixtures.ts";
import type { Db } from "../client.ts";
import { agreementEntity, commitmentEntity, disputeEntity, eventEntity } from "../entities.ts";
import { type ChangeSet, withChangeSet } from "../ledger.ts";
import { loadRates } from "../rates.ts";
import { createRecords, replaceRecord, retractRecord } from "../records.ts";
import { loadDataset } from "../reference.ts";
import { changeSets } from "../schema.ts";
import { type TestDatabase, testTargets } from "../testing.ts";
import { computeCells, storedCells } from "./cells.ts";
import { readSeries, type Series, type SeriesQuery, seriesGroupings } from "./index.ts";

/*
 * Random histories of creates, corrections and retractions of events (synthetic or not, estimated or not),
 * changes of commitments and agreements, disputes raised against events and commitments and then resolved,
 * withdrawn or retracted, and loads of (made-up TEST) exchange rates. After every step the maintained cells must
 * equal a full recomputation; at the end every point of random series must equal the sum (and the flag counts) of
 * its events computed here independently, and a series read as of the moment after each step must equal the
 * series read right after that step.
 */

const categoryIds: CategoryId[] = [
  "funding.budget_support",
  "air_defence.interceptors",
  "ammunition",
  "ammunition.artillery_155mm",
  "humanitarian",
];
const agreementIds = ["test-soft", "test-mid"];
const instrumentTypes: InstrumentType[] = [
  "declaration_joint_statement",
  "security_cooperation",
  "mutual_defence_pact",
];

const pad = (n: number) => String(n).padStart(2, "0");
// Months from 2023-11 to 2024-03.
const monthArb = fc.integer({ min: 0, max: 4 }).map((i) => {
  const m = 11 + i;
  return m > 12 ? `2024-${pad(m - 12)}` : `2023-${pad(m)}`;
});
const dayArb = fc
  .tuple(monthArb, fc.integer({ min: 1, max: 28 }))
  .map(([month, day]) => `${month}-${pad(day)}`);
const dateArb = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom("2023", "2024") },
  { weight: 3, arbitrary: monthArb },
  { weight: 5, arbitrary: dayArb },
);
const amountArb = fc
  .tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 999 }))
  .map(([units, thousandths]) => normalize(`${units}.${String(thousandths).padStart(3, "0")}`));
// Mostly the default pair, committed and delivered, so most series have something in them.
const weighted = <T>(often: T[], rarely: T[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...often) },
    { weight: 1, arbitrary: fc.constantFrom(...rarely) },
  );
const stageArb = weighted<Stage>(["committed", "delivered"], [...stageIds]);
// A run of consecutive days of one currency, as a reference-rate table has them.
const rateRunArb = fc
  .record({
    currency: fc.constantFrom("USD", "GBP", "JPY"),
    start: dayArb,
    perEur: fc.array(fc.integer({ min: 5_000, max: 20_000 }), { minLength: 1, maxLength: 20 }),
  })
  .map(({ currency, start, perEur }) =>
    perEur.map((n, i) => ({
      currency,
      date: addDays(start, i),
      perEur: normalize(`${Math.floor(n / 10_000)}.${String(n % 10_000).padStart(4, "0")}`),
    })),
  );

/** What an event says besides its figure: the flags a series counts. */
interface EventFlags {
  synthetic: boolean;
  estimated: boolean;
}
type EventOp = { commitment: number; stage: Stage; date: string; amount: string } & EventFlags;

type Op =
  | { kind: "create"; events: EventOp[] }
  | ({ kind: "correct"; target: number; stage: Stage; date: string; amount: string } & EventFlags)
  | { kind: "retract"; target: number }
  | { kind: "rates"; rates: ExchangeRate[] }
  | {
      kind: "recommit";
      commitment: number;
      donor: string;
      category: CategoryId;
      agreement: number;
      synthetic: boolean;
    }
  | { kind: "reclassify"; agreement: number; instrumentType: InstrumentType }
  | { kind: "dispute"; target: number; of: "event" | "commitment" }
  | { kind: "settle"; target: number; outcome: "upheld" | "rejected" | "withdrawn" | "retracted" };

// Mostly neither flag, so the counts differ from the event counts.
const flagArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(false) },
  { weight: 1, arbitrary: fc.constant(true) },
);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("create" as const),
      events: fc.array(
        fc.record({
          commitment: fc.nat(),
          stage: stageArb,
          date: dateArb,
          amount: amountArb,
          synthetic: flagArb,
          estimated: flagArb,
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("correct" as const),
      target: fc.nat(),
      stage: stageArb,
      date: dateArb,
      amount: amountArb,
      synthetic: flagArb,
      estimated: flagArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("retract" as const), target: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("rates" as const),
      rates: fc.array(rateRunArb, { minLength: 1, maxLength: 4 }).map((runs): ExchangeRate[] => runs.flat()),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("recommit" as const),
      commitment: fc.nat(),
      donor: fc.constantFrom(...testDonors),
      category: fc.constantFrom(...categoryIds),
      agreement: fc.integer({ min: -1, max: 1 }),
      synthetic: flagArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("reclassify" as const),
      agreement: fc.integer({ min: 0, max: 1 }),
      instrumentType: fc.constantFrom(...instrumentTypes),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("dispute" as const),
      target: fc.nat(),
      of: fc.constantFrom("event" as const, "commitment" as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("settle" as const),
      target: fc.nat(),
      outcome: fc.constantFrom(
        "upheld" as const,
        "rejected" as const,
        "withdrawn" as const,
        "retracted" as const,
      ),
    }),
  },
);

/** The model's queries name both stages: the choice of a delivered stage from the sources is tested apart. */
type ModelQuery = SeriesQuery & { delivered: Stage };

/** A filter in about one query of five, so most series have something in them. */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const queryArb: fc.Arbitrary<ModelQuery> = fc
  .record({
    groupBy: fc.constantFrom(...seriesGroupings),
    promised: weighted<Stage>(["committed"], [...stageIds]),
    delivered: weighted<Stage>(["delivered"], [...stageIds]),
    interval: fc.constantFrom("month" as const, "quarter" as const, "year" as const),
    measure: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          measure: fc.constant("money" as const),
          currency: weighted(["EUR" as const, "USD" as const], ["original" as const]),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          measure: fc.constant("quantity" as const),
          unit: fc.constantFrom(undefined, "rounds", "vehicles"),
        }),
      },
    ),
    fixed: fc.option(dayArb, { nil: undefined, freq: 2 }),
    donor: sometimes(fc.constantFrom(...testDonors)),
    category: sometimes(fc.constantFrom("ammunition", "funding", "air_defence.interceptors")),
    tier: sometimes(
      fc.constantFrom("soft" as const, "intermediate" as const, "hard" as const, "none" as const),
    ),
    agreement: sometimes(fc.constantFrom(...agreementIds)),
    window: fc.tuple(sometimes(monthArb), sometimes(monthArb)),
  })
  .map(({ measure, fixed, window: [a, b], ...rest }) => {
    const [from, to] = a && b && b < a ? [b, a] : [a, b];
    return {
      ...rest,
      currency: "EUR" as const,
      ...measure,
      convention: fixed ? { kind: "fixed_date" as const, date: fixed } : { kind: "event_date" as const },
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
  });

/** The tracker's state as this test keeps it, apart from the database. */
interface Model {
  commitments: Map<string, CommitmentRecord & { version: number }>;
  agreements: Map<string, AgreementRecord & { version: number }>;
  events: Map<
    string,
    { commitment: string; stage: Stage; date: string; amount: string; version: number } & EventFlags
  >;
  rates: Map<string, ExchangeRate>;
  /** Disputes not yet retracted, by id. */
  disputes: Map<string, Dispute & { version: number }>;
}

/** One series computed from the model's events alone, with core's arithmetic: what every point must say. */
function expected(model: Model, q: ModelQuery, axis: string[]) {
  const table: RateTable = (() => {
    const t = createRateTable([...model.rates.values()]);
    if (!t.ok) throw new Error(t.error.message);
    return t.value;
  })();
  const target = q.measure === "money" && q.currency !== "original" ? q.currency : null;
  const lastMonth = q.to
    ? monthIndex(periodMonths(periodOf(q.to, q.interval)).last)
    : Number.POSITIVE_INFINITY;
  const open = [...model.disputes.values()].filter((d) => d.status === "open");
  const disputed = (kind: string, id: string) =>
    open.some((d) => d.target.kind === kind && d.target.id === id);
  const selected = [...model.events].flatMap(([id, e]) => {
    const c = model.commitments.get(e.commitment);
    if (!c) throw new Error("an event without its commitment");
    const agreement = c.agreement ? model.agreements.get(c.agreement) : undefined;
    const tier = agreement ? tierOf(agreement.instrumentType) : "none";
    const m = c.measure;
    const measure = m.kind === "money" ? m.currency : m.unit;
    const month = dateRange(e.date).end.slice(0, 7);
    if (m.kind !== q.measure || (q.unit && measure !== q.unit)) return [];
    if (e.stage !== q.promised && e.stage !== q.delivered) return [];
    if (q.donor && c.donor !== q.donor) return [];
    if (q.category && c.category !== q.category && !c.category.startsWith(`${q.category}.`)) return [];
    if (q.tier && tier !== q.tier) return [];
    if (q.agreement && c.agreement !== q.agreement) return [];
    if (monthIndex(month) > lastMonth) return [];
    const key = {
      all: "all",
      donor: c.donor,
      category: topCategory(c.category),
      tier,
      agreement: c.agreement ?? "none",
      source: c.sourceDataset ?? "tracker",
    }[q.groupBy];
    const flags = {
      synthetic: e.synthetic || c.synthetic,
      estimated: e.estimated,
      disputed: disputed("event", id) || disputed("commitment", c.id),
    };
    return [{ ...e, measure, month, group: target ? key : `${key}|${measure}`, flags }];
  });
  type Selected = (typeof selected)[number];
  const money = (e: Selected) => ({ amount: e.amount, currency: e.measure });
  const value = (events: Selected[]): string => {
    if (!target) return sum(events.map((e) => e.amount));
    if (q.convention.kind === "event_date") {
      const converted = events.map((e) =>
        convertByConvention(money(e), target, e.date, q.convention, table, 10),
      );
      return toScale(sum(converted.map((c) => (c.ok ? c.value.amount : "0"))), 2);
    }
    const fixed = q.convention.date;
    const parts = [...groupBy(events, (e) => e.measure)].map(([currency, list]) => {
      const c = convert({ amount: sum(list.map((e) => e.amount)), currency }, target, fixed, table, 10);
      return c.ok ? c.value.amount : "0";
    });
    return toScale(sum(parts), 2);
  };
  // Months as numbers, never compared as text.
  const months = selected.map((e) => e.month).sort((a, b) => monthIndex(a) - monthIndex(b));
  const first = q.from ?? months[0];
  const lastData = months.at(-1);
  const last = q.to ?? (lastData && first && monthIndex(lastData) < monthIndex(first) ? first : lastData);
  const windowFirst = axis[0] ? monthIndex(periodMonths(axis[0]).first) : Number.POSITIVE_INFINITY;
  const within = (e: Selected, from: number, to: number) =>
    monthIndex(e.month) >= from && monthIndex(e.month) <= to;
  const between = (group: string, stage: Stage, from: number, to: number) =>
    selected.filter((e) => e.group === group && e.stage === stage && within(e, from, to));
  const counts = (events: Selected[]) => ({
    synthetic: events.filter((e) => e.flags.synthetic).length,
    estimated: events.filter((e) => e.flags.estimated).length,
    disputed: events.filter((e) => e.flags.disputed).length,
  });
  const flagsOf = (events: Selected[]) => ({
    promised: counts(events.filter((e) => e.stage === q.promised)),
    delivered: counts(events.filter((e) => e.stage === q.delivered)),
  });
  const points = (group: string) =>
    axis.map((period) => {
      const bounds = periodMonths(period);
      const [start, end] = [monthIndex(bounds.first), monthIndex(bounds.last)];
      return {
        period,
        promised: value(between(group, q.promised, start, end)),
        delivered: value(between(group, q.delivered, start, end)),
        cumulativePromised: value(between(group, q.promised, Number.NEGATIVE_INFINITY, end)),
        cumulativeDelivered: value(between(group, q.delivered, Number.NEGATIVE_INFINITY, end)),
        flags: flagsOf(selected.filter((e) => e.group === group && within(e, start, end))),
      };
    });
  const flagsBefore = (group: string) =>
    flagsOf(selected.filter((e) => e.group === group && monthIndex(e.month) < windowFirst));
  const unconverted = new Map<string, { stage: Stage; currency: string; amount: string; events: number }>();
  if (target) {
    for (const e of selected) {
      const c =
        q.convention.kind === "event_date"
          ? convertByConvention(money(e), target, e.date, q.convention, table, 10)
          : convert(money(e), target, q.convention.date, table, 10);
      if (c.ok) continue;
      for (const stage of new Set([q.promised, q.delivered])) {
        if (e.stage !== stage) continue;
        const u = unconverted.get(`${stage}|${e.measure}`) ?? {
          stage,
          currency: e.measure,
          amount: "0",
          events: 0,
        };
        unconverted.set(`${stage}|${e.measure}`, {
          ...u,
          amount: sum([u.amount, e.amount]),
          events: u.events + 1,
        });
      }
    }
  }
  const inWindow = selected.filter((e) => monthIndex(e.month) >= windowFirst);
  const original = [...groupBy(inWindow, (e) => e.measure)].map(([currency, list]) => ({
    currency,
    promised: sum(list.filter((e) => e.stage === q.promised).map((e) => e.amount)),
    delivered: sum(list.filter((e) => e.stage === q.delivered).map((e) => e.amount)),
  }));
  return {
    axis: first && last ? periodsBetween(first, last, q.interval) : [],
    groups: [...new Set(selected.map((e) => e.group))].sort(),
    points,
    flagsBefore,
    unconverted: [...unconverted.values()].sort(
      (a, b) => a.stage.localeCompare(b.stage) || a.currency.localeCompare(b.currency),
    ),
    original: q.measure === "money" ? original.sort((a, b) => a.currency.localeCompare(b.currency)) : [],
  };
}

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function checkAgainstModel(model: Model, q: ModelQuery, series: Series) {
  const axis = series.groups[0]?.points.map((p) => p.period) ?? [];
  const want = expected(model, q, axis);
  const split = series.currency === null;
  const groupId = (g: Series["groups"][number]) => (split ? `${g.key}|${g.currency ?? g.unit}` : g.key);
  expect(series.groups.map(groupId).sort()).toEqual(want.groups);
  if (series.groups.length) expect(axis).toEqual(want.axis);
  for (const group of series.groups) {
    expect(group.points).toEqual(want.points(groupId(group)));
    expect(group.flagsBefore).toEqual(want.flagsBefore(groupId(group)));
  }
  expect(series.conversion?.unconverted ?? []).toEqual(want.unconverted);
  expect(series.original).toEqual(want.original);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
class Rollback extends Error {}

describe.each(testTargets())("series over random histories on $name", (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("cells equal a recomputation, points equal their events, and asOf reads equal what was read then", {
    timeout: 600_000,
  }, async () => {
    const dataset = seriesDataset();
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 6, maxLength: 16 }),
        fc.array(queryArb, { minLength: 2, maxLength: 3 }),
        async (ops, queries) => {
          // Each history runs in a transaction that is rolled back, so every run starts from the same database.
          await database.db
            .transaction(async (t) => {
              const db = t as unknown as Db;
              await runHistory(db, dataset, ops, queries);
              throw new Rollback();
            })
            .catch((error) => {
              if (!(error instanceof Rollback)) throw error;
            });
        },
      ),
      // Shrinking a failure replays histories against the database: bounded, so the report comes in time. A slow,
      // shared machine may run fewer histories in that time; that is not a failure (speed is the benchmark's).
      { numRuns: 25, interruptAfterTimeLimit: 240_000 },
    );
  });
});

async function runHistory(
  db: Db,
  dataset: ReturnType<typeof seriesDataset>,
  ops: Op[],
  queries: ModelQuery[],
) {
  await loadDataset(db, dataset);
  const model: Model = {
    commitments: new Map(dataset.commitments.map(({ schedule: _, ...c }) => [c.id, { ...c, version: 1 }])),
    agreements: new Map(dataset.agreements.map(({ provisions: _, ...a }) => [a.id, { ...a, version: 1 }])),
    events: new Map(),
    rates: new Map(),
    disputes: new Map(),
  };
  const commitmentIds = [...model.commitments.keys()];
  const reads: { at: Date; query: ModelQuery; series: Series }[] = [];
  const editor = { actor: "test:editor", origin: "api" as const };
  const write = async (work: (tx: Db, cs: ChangeSet) => Promise<unknown>) => {
    let at: Date | undefined;
    await withChangeSet(db, editor, async (tx, cs) => {
      at = cs.recordedAt;
      await work(tx, cs);
    });
    return at;
  };
  let next = 0;
  let nextDispute = 0;
  for (const op of ops) {
    let at: Date | undefined;
    const live = [...model.events.keys()];
    if (op.kind === "create") {
      const created = op.events.map((e) => {
        const commitment = model.commitments.get(
          commitmentIds[e.commitment % commitmentIds.length] as string,
        );
        if (!commitment) throw new Error("no commitment");
        return flagged(
          testEvent(`ev-${next++}`, commitment.id, e.stage, e.date, withAmount(commitment.measure, e.amount)),
          e,
        );
      });
      at = await write((tx, cs) => createRecords(tx, cs, eventEntity, created));
      for (const e of created) {
        model.events.set(e.id, {
          ...e,
          amount: magnitude(e.measure),
          version: 1,
          estimated: e.confidence === "estimated",
        });
      }
    } else if ((op.kind === "correct" || op.kind === "retract") && live.length) {
      const id = live[op.target % live.length] as string;
      const event = model.events.get(id);
      const commitment = event && model.commitments.get(event.commitment);
      if (!event || !commitment) throw new Error("no event");
      if (op.kind === "retract") {
        at = await write((tx, cs) => retractRecord(tx, cs, eventEntity, id, event.version));
        model.events.delete(id);
      } else {
        const measure = withAmount(commitment.measure, op.amount);
        const record = flagged(testEvent(id, event.commitment, op.stage, op.date, measure), op);
        at = await write((tx, cs) => replaceRecord(tx, cs, eventEntity, id, event.version, record));
        model.events.set(id, {
          ...event,
          stage: op.stage,
          date: op.date,
          amount: magnitude(measure),
          version: event.version + 1,
          synthetic: op.synthetic,
          estimated: op.estimated,
        });
      }
    } else if (op.kind === "rates") {
      // The last of two rates for one day wins, as a later load would record it.
      const rates = [...new Map(op.rates.map((r) => [`${r.currency}-${r.date}`, r])).values()];
      const loaded = await loadRates(db, rates, "test:rates");
      if (loaded.changeSet !== null) {
        const [row] = await db.select().from(changeSets).where(eq(changeSets.id, loaded.changeSet));
        at = row?.recordedAt;
      }
      for (const r of rates) model.rates.set(`${r.currency}-${r.date}`, r);
    } else if (op.kind === "recommit") {
      // A commitment with events, when there is one: that is where a change of donor or category shows.
      const used = [...new Set([...model.events.values()].map((e) => e.commitment))];
      const pool = used.length ? used : commitmentIds;
      const id = pool[op.commitment % pool.length] as string;
      const current = model.commitments.get(id);
      if (!current) throw new Error("no commitment");
      const { version, agreement: _, ...rest } = current;
      const agreement = agreementIds[op.agreement];
      const record: CommitmentRecord = {
        ...rest,
        donor: op.donor,
        category: op.category,
        ...(agreement ? { agreement } : {}),
        synthetic: op.synthetic,
      };
      at = await write((tx, cs) => replaceRecord(tx, cs, commitmentEntity, id, version, record));
      model.commitments.set(id, { ...record, version: version + 1 });
    } else if (op.kind === "reclassify") {
      const id = agreementIds[op.agreement] as string;
      const current = model.agreements.get(id);
      if (!current) throw new Error("no agreement");
      const { version, ...rest } = current;
      const record = { ...rest, instrumentType: op.instrumentType };
      at = await write((tx, cs) => replaceRecord(tx, cs, agreementEntity, id, version, record));
      model.agreements.set(id, { ...record, version: version + 1 });
    } else if (op.kind === "dispute") {
      // Against a live event, or a commitment with events, when there is one: that is where a dispute shows.
      const used = [...new Set([...model.events.values()].map((e) => e.commitment))];
      const pool = op.of === "event" ? live : used.length ? used : commitmentIds;
      if (pool.length) {
        const dispute: Dispute = {
          id: `dispute-${nextDispute++}`,
          target: { kind: op.of, id: pool[op.target % pool.length] as string },
          organisation: "test-ngo",
          statement: "Our count differs.",
          sources: testSource,
          status: "open",
        };
        at = await write((tx, cs) => createRecords(tx, cs, disputeEntity, [dispute]));
        model.disputes.set(dispute.id, { ...dispute, version: 1 });
      }
    } else if (op.kind === "settle") {
      const open = [...model.disputes.values()].filter((d) => d.status === "open");
      const dispute = open[op.target % Math.max(open.length, 1)];
      // A dispute of a retracted event can only be retracted: a new version must refer to a live record.
      const targetLive = dispute?.target.kind === "commitment" || model.events.has(dispute?.target.id ?? "");
      if (dispute && op.outcome === "retracted") {
        at = await write((tx, cs) => retractRecord(tx, cs, disputeEntity, dispute.id, dispute.version));
        model.disputes.delete(dispute.id);
      } else if (dispute && op.outcome !== "retracted" && targetLive) {
        const { version, ...record } = dispute;
        const settled: Dispute = { ...record, status: op.outcome, resolution: "Settled by the test." };
        at = await write((tx, cs) => replaceRecord(tx, cs, disputeEntity, dispute.id, version, settled));
        model.disputes.set(dispute.id, { ...settled, version: version + 1 });
      }
    }
    if (!at) continue;
    // (a) The maintained cells equal a recomputation from the current ledger and rates.
    expect(await storedCells(db)).toEqual(await computeCells(db));
    for (const query of queries) reads.push({ at, query, series: await readSeries(db, query) });
    // Change-set times are kept to the millisecond: keep the steps apart so "as of the moment after" is one step.
    await sleep(2);
  }
  // (b) Every point equals the sum of its events, computed independently.
  for (const query of queries) checkAgainstModel(model, query, await readSeries(db, query));
  // (c) A read as of the moment after a step equals what was read right after it, whatever came later.
  for (const { at, query, series } of reads)
    expect(await readSeries(db, { ...query, asOf: at })).toEqual(series);
}

/** A test event with the flags of an operation. */
function flagged(event: StageEvent, flags: EventFlags): StageEvent {
  return {
    ...event,
    synthetic: flags.synthetic,
    confidence: flags.estimated ? "estimated" : "reported_by_donor",
  };
}

function withAmount(measure: Measure, amount: string): Measure {
  return measure.kind === "money"
    ? { ...measure, amount }
    : { ...measure, count: amount.split(".")[0] ?? "0" };
}
