import {
  type CommitmentRecord,
  type Dispute,
  type Measure,
  magnitude,
  type StageEvent,
} from "@commitments/core";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriesDataset, testEvent, testSource } from "../../test/series-fixtures.ts";
import {
  agreementIds,
  checkAgainstModel,
  type EventFlags,
  type Model,
  type ModelQuery,
  type Op,
  opArb,
  queryArb,
} from "../../test/series-model.ts";
import type { Db } from "../client.ts";
import { agreementEntity, commitmentEntity, disputeEntity, eventEntity } from "../entities.ts";
import { type ChangeSet, withChangeSet } from "../ledger.ts";
import { loadRates } from "../rates.ts";
import { createRecords, replaceRecord, retractRecord } from "../records.ts";
import { loadDataset } from "../reference.ts";
import { changeSets } from "../schema.ts";
import { type TestDatabase, testTargets } from "../testing.ts";
import { computeCells, storedCells } from "./cells.ts";
import { readSeries, type Series } from "./index.ts";

/*
 * Random histories of creates, corrections and retractions of events (synthetic or not, estimated or not),
 * changes of commitments and agreements, disputes raised against events and commitments and then resolved,
 * withdrawn or retracted, and loads of (made-up TEST) exchange rates. After every step the maintained cells must
 * equal a full recomputation; at the end every point of random series must equal the sum (and the flag counts) of
 * its events computed here independently, and a series read as of the moment after each step must equal the
 * series read right after that step.
 */

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
