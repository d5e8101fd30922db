import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./client.ts";
import { withChangeSet } from "./ledger.ts";
import { exchangeRates, stageEvents, tranches } from "./schema.ts";
import { type TestDatabase, testTargets } from "./testing.ts";

/*
 * The database holds the domain of dates (the years 1900 to 2199) whoever writes: a row written past core's
 * schemas, straight into the tables, is refused by the CHECK constraints of migration 0009. A year-9999 event once
 * stopped the series for good; it cannot be stored at all now.
 */

const money = { measureKind: "money" as const, amount: "1", currency: "EUR" };

/** Writes one row in a change set of its own; the constraint's name when the database refuses it. */
async function refusal(db: Db, write: (tx: Db, cs: { id: number; recordedAt: Date }) => Promise<unknown>) {
  try {
    await withChangeSet(db, { actor: "date-domain test", origin: "api" }, write);
    return null;
  } catch (error) {
    const cause = (error as { cause?: { constraint?: string } }).cause ?? error;
    return (cause as { constraint?: string }).constraint ?? String(error);
  }
}

describe.each(testTargets())("the domain of dates in the database on $name", (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => database?.dispose());

  const versioned = (cs: { id: number; recordedAt: Date }, id: string) => ({
    id,
    version: 1,
    changeSetId: cs.id,
    validFrom: cs.recordedAt,
  });

  const event = (
    cs: { id: number; recordedAt: Date },
    id: string,
    date: string,
    from: string,
    to: string,
  ) => ({
    ...versioned(cs, id),
    commitmentId: "no-commitment",
    stage: "delivered" as const,
    date,
    dateFrom: from,
    dateTo: to,
    ...money,
    confidence: "estimated",
    sources: [],
  });

  it("refuses event dates outside 1900 to 2199, as days and as partial dates", async () => {
    const db = database.db;
    const cases: [string, string, string, string][] = [
      ["stage_events_date_in_domain", "9999-12-31", "2024-01-01", "2024-01-01"],
      ["stage_events_date_from_in_domain", "2024", "1899-12-31", "2024-12-31"],
      ["stage_events_date_to_in_domain", "2024", "2024-01-01", "2200-01-01"],
      ["stage_events_date_in_domain", "0000", "2024-01-01", "2024-01-01"],
    ];
    for (const [i, [constraint, date, from, to]] of cases.entries()) {
      const refused = await refusal(db, (tx, cs) =>
        tx.insert(stageEvents).values(event(cs, `domain-${i}`, date, from, to)),
      );
      expect(refused, `${date} ${from} ${to}`).toBe(constraint);
    }
    // The bounds themselves are dates of the domain.
    expect(
      await refusal(db, (tx, cs) =>
        tx
          .insert(stageEvents)
          .values([
            event(cs, "domain-first", "1900-01-01", "1900-01-01", "1900-01-01"),
            event(cs, "domain-last", "2199-12", "2199-12-01", "2199-12-31"),
          ]),
      ),
    ).toBeNull();
  });

  it("refuses schedule dues and rates outside the domain", async () => {
    const db = database.db;
    const tranche = (cs: { id: number; recordedAt: Date }, due: string, from: string, to: string) => ({
      ...versioned(cs, `domain-tranche-${due}`),
      commitmentId: "no-commitment",
      position: 0,
      due,
      dueFrom: from,
      dueTo: to,
      ...money,
    });
    expect(
      await refusal(db, (tx, cs) =>
        tx.insert(tranches).values(tranche(cs, "0000", "0001-01-01", "0001-12-31")),
      ),
    ).toMatch(/^tranches_due/);
    expect(
      await refusal(db, (tx, cs) =>
        tx.insert(tranches).values(tranche(cs, "2199", "2199-01-01", "2199-12-31")),
      ),
    ).toBeNull();
    const rate = (cs: { id: number; recordedAt: Date }, date: string) => ({
      ...versioned(cs, `USD-${date}`),
      currency: "USD",
      date,
      perEur: "1.1",
    });
    expect(await refusal(db, (tx, cs) => tx.insert(exchangeRates).values(rate(cs, "2200-01-01")))).toBe(
      "exchange_rates_date_in_domain",
    );
    expect(await refusal(db, (tx, cs) => tx.insert(exchangeRates).values(rate(cs, "1900-01-01")))).toBeNull();
  });
});
