import { readFileSync } from "node:fs";
import { parseSipriTradeRegister } from "@commitments/importers";
import { rawSipriDeals, type SipriDeal, sipriDonorOf } from "@commitments/importers/raw-files";
import { dataPath, haveData } from "@commitments/importers/testing";
import { referenceDataset } from "@commitments/reference";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countChangeSets } from "../counts.ts";
import { rowsOf } from "../entities.ts";
import { loadDataset } from "../reference.ts";
import { computeCells, storedCells } from "../series/cells.ts";
import { type TestDatabase, testTargets } from "../testing.ts";
import { importRecords } from "./index.ts";

/*
 * SIPRI's whole trade register as SIPRI exports it, through the pipeline: Ukraine's deals in, every other
 * recipient's skipped and counted, and the ledger's units ordered and delivered, in total and per donor, as the file
 * gives them read by hand. Then a revised export (SIPRI revises its register every year) over it.
 */

const format = "sipri-trade-register";

async function* bytesOf(data: Buffer): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
}

/** Units per donor and stage, from the raw deals: ordered where SIPRI gives the number, and delivered. */
function fileUnits(deals: readonly SipriDeal[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, n: number) => {
    if (n !== 0) out.set(key, (out.get(key) ?? 0) + n);
  };
  for (const deal of deals.filter((d) => d.recipient === "Ukraine")) {
    for (const by of ["all", sipriDonorOf(deal)]) {
      add(`${by} ordered`, deal.ordered ?? 0);
      add(`${by} delivered`, deal.delivered);
    }
  }
  return out;
}

/**
 * Rewrites the export as SIPRI's next one might: one deal of Ukraine's with more delivered, one gone. Returns the
 * new text and the lines it touched.
 */
function revised(text: string): { text: string; more: string; gone: string } {
  const lines = text.split("\n");
  const ukraine = lines.filter((l) => l.startsWith("Ukraine,"));
  const more =
    ukraine.find((l) => /^[1-9]\d*$/.test(l.split(",")[8] ?? "") && !l.includes(",Germany,")) ?? "";
  const cells = more.split(",");
  cells[8] = String(Number(cells[8]) + 7);
  const gone = ukraine.find((l) => l !== more && l.includes(",Germany,")) ?? "";
  expect(more).not.toBe("");
  expect(gone).not.toBe("");
  return {
    text: lines
      .filter((l) => l !== gone)
      .map((l) => (l === more ? cells.join(",") : l))
      .join("\n"),
    more,
    gone,
  };
}

describe.skipIf(!haveData).each(testTargets())(
  "SIPRI's whole register through the pipeline on $name",
  (target) => {
    let database: TestDatabase;
    let db: TestDatabase["db"];
    let raw: Buffer;
    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      await loadDataset(db, referenceDataset());
      raw = readFileSync(dataPath("sipri/trade-register.csv"));
    });
    afterAll(async () => {
      await database?.dispose();
    });

    const importRegister = (data: Buffer, name: string) =>
      importRecords(db, {
        items: parseSipriTradeRegister(bytesOf(data)),
        file: { name, sha256: name, format, importerVersion: "t/1", bytes: data.length },
        sourceDataset: "sipri",
        release: { whole: { format, recipient: "UA" } },
        changeSet: { actor: "SIPRI pipeline tests" },
        placement: { status: "published", organisation: null },
      });

    /** Units per donor and stage in the ledger: an order of a size SIPRI does not give yet is not counted. */
    async function ledgerUnits(): Promise<Map<string, number>> {
      const rows = rowsOf<{ donor: string; stage: string; n: string }>(
        await db.execute(sql`select c.donor, case e.stage when 'committed' then 'ordered' else e.stage end as stage,
          sum(e.amount)::text as n
        from stage_events e join commitments c on c.id = e.commitment_id and c.valid_to is null and not c.retracted
        where e.valid_to is null and not e.retracted and c.source_dataset = 'sipri'
          and not (e.stage = 'committed' and e.confidence = 'undisclosed')
        group by 1, 2`),
      );
      const out = new Map<string, number>();
      for (const r of rows) {
        for (const by of ["all", r.donor]) {
          const key = `${by} ${r.stage}`;
          if (Number(r.n) !== 0) out.set(key, (out.get(key) ?? 0) + Number(r.n));
        }
      }
      return out;
    }

    it("imports Ukraine's deals of the whole register; units ordered and delivered per donor as the file", async () => {
      const report = await importRegister(raw, "trade-register.csv");
      const deals = rawSipriDeals(raw.toString("latin1"));
      const ukraine = deals.filter((d) => d.recipient === "Ukraine").length;
      expect(report.problems).toEqual([]);
      expect(report.status).toBe("imported");
      expect(report.skipped).toEqual({ "a deal with another recipient": deals.length - ukraine });
      expect(report.records.commitments).toMatchObject({ total: ukraine, new: ukraine });
      expect(await ledgerUnits()).toEqual(fileUnits(deals));
    });

    it("takes a revised export as SIPRI's next release: the revised deal corrected, the dropped one retracted", async () => {
      const next = revised(raw.toString("latin1"));
      const data = Buffer.from(next.text, "latin1");
      const report = await importRegister(data, "trade-register-revised.csv");
      expect(report.problems).toEqual([]);
      expect(report.status).toBe("imported");
      expect(report.records.events.changed).toBe(1);
      expect(report.records.commitments.retracted).toBe(1);
      expect(report.records.events.retracted).toBeGreaterThanOrEqual(1);
      expect(await ledgerUnits()).toEqual(fileUnits(rawSipriDeals(next.text)));
      expect(await storedCells(db)).toEqual(await computeCells(db));
      const before = await countChangeSets(db);
      expect((await importRegister(data, "trade-register-revised.csv")).status).toBe("unchanged");
      expect(await countChangeSets(db)).toBe(before);
    });
  },
);
