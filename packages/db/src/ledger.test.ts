import { type Agreement, isoStates, organisations, type StageEvent } from "@commitments/core";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitmentEntity, eventEntity, rowsOf } from "./entities.ts";
import { datasetVersion, LedgerError, withChangeSet } from "./ledger.ts";
import { getAgreement, getCommitment, listAgreements, listEvents } from "./queries/reads.ts";
import { recordHistory } from "./record-history.ts";
import { createRecord, getRecord, replaceRecord, retractRecord } from "./records.ts";
import { type Dataset, loadDataset } from "./reference.ts";
import { agreements, changeSets, stageEvents } from "./schema.ts";
import { type TestDatabase, testTargets } from "./testing.ts";

const source = [{ title: "Test fixture", kind: "research" as const }];
const declaration: Agreement = {
  id: "test-declaration",
  title: "A test joint declaration",
  shortTitle: "Test declaration",
  guarantors: ["G7"],
  beneficiaries: ["UA"],
  instrumentType: "declaration_joint_statement",
  attributes: { form: "joint_statement", legallyBinding: false },
  signed: "2023-07",
  provisions: [],
  statusHistory: [{ status: "signed", date: "2023-07", dateBasis: "effective", sources: source }],
  sources: source,
  synthetic: false,
};
const accord: Agreement = {
  ...declaration,
  id: "test-accord",
  title: "A test bilateral accord",
  shortTitle: "Test accord",
  guarantors: ["GB"],
  instrumentType: "security_cooperation",
  attributes: { form: "political_agreement", cooperationAreas: ["training"], mutualDefenceClause: false },
  signed: "2024-01-12",
  framework: "test-declaration",
  provisions: [
    {
      kind: "consultation",
      deadlineHours: 24,
      trigger: "an armed attack",
      text: "Consult within 24 hours.",
      sources: source,
    },
    { kind: "mutual_defence", present: false, text: "No mutual defence clause.", sources: source },
  ],
  statusHistory: [
    { status: "signed", date: "2024-01-12", dateBasis: "effective", sources: source },
    { status: "in_force", date: "2025-10", dateBasis: "reported", sources: source },
  ],
};
const delivered: StageEvent = {
  id: "test-line-delivered-1",
  commitment: "test-line",
  stage: "delivered",
  date: "2024-03",
  measure: { kind: "money", amount: "4500000000", currency: "EUR" },
  confidence: "reported_by_donor",
  sources: source,
  synthetic: false,
};
const dataset: Dataset = {
  parties: [...isoStates(), ...organisations],
  agreements: [declaration, accord],
  commitments: [
    {
      id: "test-line",
      donor: "GB",
      recipient: "UA",
      agreement: "test-accord",
      title: "A test funding line",
      category: "funding.budget_support",
      measure: { kind: "money", amount: "50000000000", currency: "EUR" },
      measureBasis: "total",
      period: { start: "2024", end: "2027" },
      schedule: [{ due: "2024", measure: { kind: "money", amount: "12500000000.5", currency: "EUR" } }],
      conditions: [],
      sources: source,
      synthetic: false,
    },
  ],
  events: [delivered],
};
const editor = { actor: "test:editor", origin: "api" as const };

describe.each(testTargets())("the ledger on $name", (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("applies the migrations to an empty database, and again without harm", async () => {
    await database.migrate();
    const rows = await database.db.select({ n: sql<number>`count(*)::int` }).from(agreements);
    expect(rows).toEqual([{ n: 0 }]);
    expect(await datasetVersion(database.db)).toEqual({ version: 0, recordedAt: null });
  });

  it("loads a dataset once, in one change set, and reads it back exactly", async () => {
    expect((await loadDataset(database.db, dataset)).loaded).toBe(true);
    expect((await loadDataset(database.db, dataset)).loaded).toBe(false);
    expect((await datasetVersion(database.db)).version).toBe(1);

    const read = await getAgreement(database.db, "test-accord");
    const { provisions: _, ...accordRecord } = accord;
    expect(read?.agreement.record).toEqual(accordRecord);
    expect(read?.provisions.map((p) => p.record.provision)).toEqual(accord.provisions);
    const page = await listAgreements(database.db, { tier: "intermediate" }, { limit: 10 });
    expect(page.items.map((a) => a.agreement.record.id)).toEqual(["test-accord"]);
    const line = await getCommitment(database.db, "test-line");
    expect(line?.schedule.map((t) => t.record.measure)).toEqual([
      { kind: "money", amount: "12500000000.5", currency: "EUR" },
    ]);
    expect(line?.events.map((e) => e.record)).toEqual([delivered]);
  });

  it("records every write as exactly one new version, with who, when and why", async () => {
    const before = await datasetVersion(database.db);
    const corrected = {
      ...delivered,
      measure: { kind: "money" as const, amount: "4400000000", currency: "EUR" },
    };
    const result = await withChangeSet(
      database.db,
      { ...editor, reason: "donor revised the figure" },
      (tx, cs) => replaceRecord(tx, cs, eventEntity, delivered.id, 1, corrected),
    );
    expect(result.version).toBe(2);
    const versions = await database.db.select().from(stageEvents).where(eq(stageEvents.id, delivered.id));
    expect(versions).toHaveLength(2);
    expect(versions.filter((v) => v.validTo === null)).toHaveLength(1);

    const history = await recordHistory(database.db, eventEntity, delivered.id);
    expect(history.map((h) => [h.version, h.action, h.actor, h.reason])).toEqual([
      [1, "create", "system:reference-dataset", expect.stringContaining("reference dataset")],
      [2, "update", "test:editor", "donor revised the figure"],
    ]);
    expect(history[1]?.changes).toEqual([
      { field: "measure", before: delivered.measure, after: corrected.measure },
    ]);
    expect(history[0]?.supersededAt).toEqual(history[1]?.recordedAt);
    expect((await datasetVersion(database.db)).version).toBe(before.version + 1);
  });

  it("reads as of a moment exactly what the tracker showed then", async () => {
    const history = await recordHistory(database.db, eventEntity, delivered.id);
    const [first, second] = history;
    if (!first || !second) throw new Error("expected two versions");
    const justBefore = new Date(second.recordedAt.getTime() - 1);
    expect((await getRecord(database.db, eventEntity, delivered.id, justBefore))?.record).toEqual(delivered);
    expect((await getRecord(database.db, eventEntity, delivered.id, second.recordedAt))?.version).toBe(2);
    expect(
      await getRecord(database.db, eventEntity, delivered.id, new Date(first.recordedAt.getTime() - 1)),
    ).toBeUndefined();
    const then = await listEvents(database.db, { donor: "GB" }, { limit: 10, asOf: justBefore });
    expect(then.items.map((e) => e.record.measure)).toEqual([delivered.measure]);
    expect((await datasetVersion(database.db, justBefore)).version).toBe(first.changeSet);
  });

  it("refuses a stale version, a missing record and a dangling reference, writing nothing", async () => {
    const count = async () =>
      (await database.db.select({ n: sql<number>`count(*)::int` }).from(changeSets))[0]?.n;
    const changeSetsBefore = await count();
    const attempt = (work: Parameters<typeof withChangeSet>[2]) => withChangeSet(database.db, editor, work);

    await expect(
      attempt((tx, cs) => replaceRecord(tx, cs, eventEntity, delivered.id, 1, delivered)),
    ).rejects.toMatchObject({
      code: "VERSION_MISMATCH",
    });
    await expect(
      attempt((tx, cs) =>
        replaceRecord(tx, cs, eventEntity, "no-such-event", 1, { ...delivered, id: "no-such-event" }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      attempt((tx, cs) =>
        createRecord(tx, cs, eventEntity, { ...delivered, id: "orphan", commitment: "no-such-line" }),
      ),
    ).rejects.toMatchObject({ code: "REFERENCE_NOT_FOUND", field: "commitment" });
    await expect(
      attempt((tx, cs) =>
        createRecord(tx, cs, eventEntity, {
          ...delivered,
          id: "in-dollars",
          measure: { kind: "money", amount: "1", currency: "USD" },
        }),
      ),
    ).rejects.toMatchObject({ code: "MEASURE_MISMATCH", field: "measure" });
    await expect(attempt((tx, cs) => createRecord(tx, cs, eventEntity, delivered))).rejects.toMatchObject({
      code: "ALREADY_EXISTS",
    });
    await expect(
      attempt((tx, cs) => retractRecord(tx, cs, commitmentEntity, "test-line", 1)),
    ).rejects.toBeInstanceOf(LedgerError);
    expect(await count()).toBe(changeSetsBefore);
  });

  it("retracts by adding a version; the record's past stays readable", async () => {
    const retracted = await withChangeSet(
      database.db,
      { ...editor, reason: "duplicate of another line" },
      (tx, cs) => retractRecord(tx, cs, eventEntity, delivered.id, 2),
    );
    expect(retracted).toMatchObject({ version: 3, retracted: true });
    expect((await listEvents(database.db, {}, { limit: 10 })).items).toEqual([]);
    expect((await getRecord(database.db, eventEntity, delivered.id))?.retracted).toBe(true);
    const history = await recordHistory(database.db, eventEntity, delivered.id);
    expect(history.map((h) => h.action)).toEqual(["create", "update", "retract"]);
    await expect(
      withChangeSet(database.db, editor, (tx, cs) =>
        replaceRecord(tx, cs, eventEntity, delivered.id, 3, delivered),
      ),
    ).rejects.toMatchObject({ code: "RETRACTED" });
  });

  it("refuses, in the database itself, any change to history", async () => {
    const db = database.db;
    // Drizzle wraps the database's error; the refusal is the trigger's own message underneath.
    const refusal = (statement: ReturnType<typeof sql>) =>
      db.execute(statement).then(
        () => "accepted",
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(await refusal(sql`update stage_events set amount = 1 where id = ${delivered.id}`)).toMatch(
      /append-only/,
    );
    expect(await refusal(sql`delete from stage_events where id = ${delivered.id}`)).toMatch(/append-only/);
    expect(
      await refusal(sql`update stage_events set valid_to = now() where id = ${delivered.id} and version = 1`),
    ).toMatch(/append-only/);
    expect(await refusal(sql`update change_sets set reason = 'rewritten'`)).toMatch(/append-only/);
    expect(await refusal(sql`delete from change_sets`)).toMatch(/append-only/);
    const rows = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from stage_events where id = ${delivered.id}`),
    );
    expect(rows[0]?.n).toBe(3);
  });

  it("keeps the data across a restart", async () => {
    database = await database.restart();
    expect((await getAgreement(database.db, "test-accord"))?.provisions).toHaveLength(2);
    expect((await loadDataset(database.db, dataset)).loaded).toBe(false);
  });

  it.runIf(target.name === "postgres")(
    "keeps serving when the server closes idle connections (a restart or failover)",
    async () => {
      const { db } = database;
      // Two connections in the pool, then the server ends every one but the asking one.
      await Promise.all([db.execute(sql`select pg_sleep(0.05)`), db.execute(sql`select pg_sleep(0.05)`)]);
      const ended = rowsOf<{ ended: boolean }>(
        await db.execute(sql`select pg_terminate_backend(pid) as ended from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`),
      );
      expect(ended.length).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      // No crash from the closed connections' errors, and the next queries get fresh ones.
      const counts = await Promise.all([datasetVersion(db), datasetVersion(db), datasetVersion(db)]);
      expect(new Set(counts.map((c) => c.version)).size).toBe(1);
    },
  );
});
