import { type Agreement, classify, isoStates, organisations } from "@commitments/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAgreement, listAgreements } from "./queries/agreements.ts";
import { getCommitment, listCommitments } from "./queries/commitments.ts";
import { getParty, listParties } from "./queries/parties.ts";
import { type Dataset, loadDataset } from "./reference.ts";
import { agreements } from "./schema.ts";
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
  attributes: {
    form: "political_agreement",
    cooperationAreas: ["training", "arms_supply"],
    mutualDefenceClause: false,
  },
  signed: "2024-01-12",
  durationYears: 10,
  framework: "test-declaration",
  provisions: [
    {
      kind: "consultation",
      deadlineHours: 24,
      trigger: "a future armed attack",
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
const dataset: Dataset = {
  parties: [...isoStates(), ...organisations],
  agreements: [declaration, accord],
  commitments: [
    {
      id: "test-facility",
      donor: "EU",
      recipient: "UA",
      title: "A test funding line",
      category: "funding.budget_support",
      measure: { kind: "money", amount: "50000000000", currency: "EUR" },
      measureBasis: "total",
      period: { start: "2024", end: "2027" },
      schedule: [
        { due: "2024", measure: { kind: "money", amount: "12500000000.5", currency: "EUR" } },
        { due: "2025-06", measure: { kind: "money", amount: "0.0000000001", currency: "EUR" } },
      ],
      conditions: [],
      sources: source,
      synthetic: false,
    },
  ],
  events: [
    {
      id: "test-facility-delivered-1",
      commitment: "test-facility",
      stage: "delivered",
      date: "2024-03",
      measure: { kind: "money", amount: "4500000000", currency: "EUR" },
      confidence: "reported_by_donor",
      sources: source,
      synthetic: false,
    },
  ],
};

describe.each(testTargets())("database on $name", (target) => {
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
  });

  it("loads a dataset once per version and reads it back exactly", async () => {
    expect((await loadDataset(database.db, dataset)).loaded).toBe(true);
    expect((await loadDataset(database.db, dataset)).loaded).toBe(false);

    expect(await getAgreement(database.db, "test-accord")).toEqual(accord);
    expect(await listAgreements(database.db, { tier: "intermediate" })).toEqual([accord]);
    expect(await listAgreements(database.db, { tier: "hard" })).toEqual([]);
    expect((await listAgreements(database.db, { party: "G7" })).map((a) => a.id)).toEqual([
      "test-declaration",
    ]);
    expect((await listAgreements(database.db, { framework: "test-declaration" })).map((a) => a.id)).toEqual([
      "test-accord",
    ]);
    expect(classify(accord.attributes).instrumentType).toBe(accord.instrumentType);

    expect(await getCommitment(database.db, "test-facility")).toEqual({
      commitment: dataset.commitments[0],
      events: dataset.events,
    });
    expect(await listCommitments(database.db, { category: "funding" })).toHaveLength(1);
    expect(await listCommitments(database.db, { category: "ammunition" })).toHaveLength(0);
    expect(await getParty(database.db, "UA")).toMatchObject({ kind: "state", alpha3: "UKR" });
    expect(await listParties(database.db, { kind: "organisation" })).toHaveLength(organisations.length);
  });

  it("refuses a money measure without a currency (the table's own check)", async () => {
    await expect(
      database.db.execute(
        sql`insert into stage_events (id, commitment_id, stage, date, date_from, date_to, measure_kind, amount, confidence, sources)
            values ('bad', 'test-facility', 'delivered', '2024', '2024-01-01', '2024-12-31', 'money', 1, 'estimated', '[]')`,
      ),
    ).rejects.toThrow();
  });

  it("keeps the data across a restart", async () => {
    database = await database.restart();
    expect(await getAgreement(database.db, "test-accord")).toEqual(accord);
    expect((await loadDataset(database.db, dataset)).loaded).toBe(false);
  });
});
