import { generateSynthetic } from "@commitments/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSyntheticBulk } from "./bulk-load.ts";
import type { Db } from "./client.ts";
import { rowsOf } from "./entities.ts";
import { loadRates } from "./rates.ts";
import { loadDataset } from "./reference.ts";
import { computeCells, storedCells } from "./series/cells.ts";
import { type TestDatabase, testTargets } from "./testing.ts";

// TEST values, not ECB reference rates: enough for some events to convert and others not to.
const rates = [
  { date: "2022-06-01", currency: "USD", perEur: "1.07" },
  { date: "2023-06-01", currency: "USD", perEur: "1.09" },
  { date: "2024-06-03", currency: "USD", perEur: "1.08" },
  { date: "2023-06-01", currency: "GBP", perEur: "0.86" },
];

const synthetic = () => generateSynthetic({ seed: 11, donors: 12, commitments: 150, events: 2_500 });

/** Every version row of the record tables, without what only says when and in which change set it was written. */
async function ledgerRows(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of ["parties", "commitments", "tranches", "stage_events"]) {
    const rows = rowsOf<Record<string, unknown>>(
      await db.execute(`select * from ${table} order by id, version` as never),
    );
    out[table] = rows.map(({ change_set_id: _, valid_from: __, ...row }) => row);
  }
  return out;
}

describe.each(testTargets())("the bulk loader on $name", (target) => {
  let viaLedger: TestDatabase;
  let viaBulk: TestDatabase;
  beforeAll(async () => {
    [viaLedger, viaBulk] = await Promise.all([target.open(), target.open()]);
    for (const database of [viaLedger, viaBulk]) await loadRates(database.db, rates, "test:rates");
    const dataset = synthetic();
    await loadDataset(viaLedger.db, {
      parties: dataset.parties,
      agreements: [],
      commitments: dataset.commitments,
      events: [...dataset.events()],
    });
    const result = await loadSyntheticBulk(viaBulk.db, synthetic(), { chunkRows: 700 });
    expect(result).toMatchObject({ commitments: 150, events: 2_500, parties: 13 });
  });
  afterAll(async () => {
    await viaLedger?.dispose();
    await viaBulk?.dispose();
  });

  it("writes the records loadDataset writes", async () => {
    const [expected, actual] = await Promise.all([ledgerRows(viaLedger.db), ledgerRows(viaBulk.db)]);
    expect(actual.stage_events).toHaveLength(2_500);
    expect((actual.tranches as unknown[]).length).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });

  it("leaves the series cells loadDataset leaves, and they are exact", async () => {
    const cells = await storedCells(viaBulk.db);
    expect(cells.size).toBeGreaterThan(0);
    expect(cells).toEqual(await storedCells(viaLedger.db));
    expect(cells).toEqual(await computeCells(viaBulk.db));
  });

  it("writes one change set, of synthetic origin", async () => {
    const rows = rowsOf<{ origin: string; n: number }>(
      await viaBulk.db.execute(
        "select origin, count(*)::int as n from change_sets group by origin order by origin" as never,
      ),
    );
    expect(rows).toEqual([
      { origin: "rates", n: 1 },
      { origin: "synthetic", n: 1 },
    ]);
  });
});
