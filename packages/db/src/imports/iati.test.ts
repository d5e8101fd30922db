import { createReadStream } from "node:fs";
import { normalize, sum } from "@commitments/core";
// The importers are only a test dependency of this package: the pipeline takes their items.
import { parseIatiActivities } from "@commitments/importers";
import { collect, iatiFixturePath } from "@commitments/importers/testing";
import { referenceDataset } from "@commitments/reference";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../entities.ts";
import { loadDataset } from "../reference.ts";
import { computeCells, storedCells } from "../series/cells.ts";
import { type TestDatabase, testTargets } from "../testing.ts";
import { importRecords } from "./index.ts";

/*
 * IATI files as publishers write them, through the whole pipeline: reversals and decommitments are written as the
 * negative figures the files give, activities outside the import are counted per reason, and the ledger's sums
 * per donor, stage and currency are the importer's (which iati-publishers.test.ts holds to sums read from the XML).
 * The foundation's file introduces its publisher, a party the ledger did not hold, created once.
 */
const files = [
  "usaid-1.01.xml",
  "dfid-1.03.xml",
  "sida-2.01.xml",
  "ec-near-2.02.xml",
  "undp-2.03.xml",
  "foundation-1.05.xml",
];

describe.each(testTargets())("IATI publishers' files through the pipeline on $name", (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await target.open();
    await loadDataset(database.db, referenceDataset());
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it.each(files)(
    "%s: imported whole, the ledger's sums the importer's, what it left out counted",
    async (name) => {
      const { db } = database;
      const read = await collect(parseIatiActivities(createReadStream(iatiFixturePath(name))));
      const report = await importRecords(db, {
        items: parseIatiActivities(createReadStream(iatiFixturePath(name))),
        file: {
          name,
          sha256: `sha256 of ${name}`,
          format: "iati-activity",
          importerVersion: "test",
          bytes: 1,
        },
        sourceDataset: "iati",
        release: {},
        changeSet: { actor: "IATI pipeline tests" },
        placement: { status: "published", organisation: null },
      });
      expect(report).toMatchObject({ status: "imported", problemCount: 0, skipped: read.skipped });
      // The parties the file introduces, each once however many activities name it.
      const introduced = new Set((read.records.parties ?? []).map((p) => p.id));
      expect(report.records.parties).toMatchObject({ total: introduced.size, new: introduced.size });
      for (const party of introduced) {
        const [found] = rowsOf<{ n: number }>(
          await db.execute(sql`select count(*)::int as n from parties where id = ${party}`),
        );
        expect(found?.n, party).toBe(1);
      }

      const donorOf = new Map(read.records.commitments.map((c) => [c.id, c.donor]));
      const expected = new Map<string, string[]>();
      for (const e of read.records.events) {
        if (e.measure.kind !== "money") continue;
        const key = `${donorOf.get(e.commitment)} ${e.stage} ${e.measure.currency}`;
        expected.set(key, [...(expected.get(key) ?? []), e.measure.amount]);
      }
      const stored = rowsOf<{ key: string; amount: string }>(
        await db.execute(sql`select c.donor || ' ' || e.stage || ' ' || e.currency as key, sum(e.amount)::text as amount
        from stage_events e join commitments c on c.id = e.commitment_id and c.valid_to is null
        where e.change_set_id = ${report.changeSet} and e.valid_to is null group by 1`),
      );
      const byKey = (a: string[], b: string[]) => ((a[0] as string) < (b[0] as string) ? -1 : 1);
      expect(stored.map((r) => [r.key, normalize(r.amount)]).sort(byKey)).toEqual(
        [...expected].map(([key, amounts]) => [key, sum(amounts)]).sort(byKey),
      );
      // Negative figures are in the ledger as the files give them.
      const negative = read.records.events.filter(
        (e) => e.measure.kind === "money" && e.measure.amount.startsWith("-"),
      );
      const [count] = rowsOf<{ n: number }>(
        await db.execute(
          sql`select count(*)::int as n from stage_events where change_set_id = ${report.changeSet} and amount < 0`,
        ),
      );
      expect(count?.n).toBe(negative.length);
      expect(await storedCells(db)).toEqual(await computeCells(db));
    },
  );

  it("leaves the ledger as it is when the same files come again", async () => {
    for (const name of files) {
      const report = await importRecords(database.db, {
        items: parseIatiActivities(createReadStream(iatiFixturePath(name))),
        file: {
          name,
          sha256: `sha256 of ${name}`,
          format: "iati-activity",
          importerVersion: "test",
          bytes: 1,
        },
        sourceDataset: "iati",
        release: {},
        changeSet: { actor: "IATI pipeline tests" },
        placement: { status: "published", organisation: null },
      });
      expect(report.status).toBe("unchanged");
    }
  });
});
