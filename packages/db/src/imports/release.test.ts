import { createReadStream, readFileSync } from "node:fs";
import { type KielRelease, parseKielDataExplorer, readKielRelease } from "@commitments/importers";
import { csvRows, kielDataExplorerSums } from "@commitments/importers/raw-files";
import { dataPath, haveData } from "@commitments/importers/testing";
import { referenceDataset } from "@commitments/reference";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countChangeSets } from "../counts.ts";
import { commitmentEntity, eventEntity, rowsOf } from "../entities.ts";
import { recordHistory } from "../record-history.ts";
import { loadDataset } from "../reference.ts";
import { computeCells, storedCells } from "../series/cells.ts";
import { type TestDatabase, testTargets } from "../testing.ts";
import { importRecords, type Release } from "./index.ts";

/*
 * A publisher's release over its earlier one, on Kiel's whole Release 29 data_explorer and a changed copy of it as
 * "Release 30": changed figures get a new version citing the new release, figures it no longer carries are
 * retracted, the rest stay untouched, and the ledger as of before the import still answers with Release 29.
 */

const format = "kiel-data-explorer";
const release30: KielRelease = {
  release: "30",
  period: "2026-05",
  published: "2026-09-01",
  label: "Ukraine Support Tracker, Release 30 (05/2026)",
};

async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  const data = Buffer.from(text);
  for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
}

const quote = (cells: string[]) => cells.map((c) => (/^[\d.-]+$/.test(c) ? c : `"${c}"`)).join(",");

/**
 * Release 30, made from 29: Germany's military allocation of March 2024 doubled, the UK's commitments of June 2023
 * changed, one month of Denmark gone, Malta gone altogether, and a new month for Poland.
 */
function nextRelease(text: string): string {
  const [header = [], ...rows] = csvRows(text).filter((r) => r.length > 1);
  const at = (name: string) => header.indexOf(name);
  const out: string[][] = [];
  let droppedDenmark = false;
  for (const row of rows) {
    const [country, , year, month] = row;
    if (country === "Malta") continue;
    if (country === "Denmark" && year === "2023" && month === "6") {
      droppedDenmark = true;
      continue;
    }
    const copy = [...row];
    if (country === "Germany" && year === "2024" && month === "3") {
      copy[at("military")] = String(Number(copy[at("military")]) * 2);
    }
    if (country === "United Kingdom" && year === "2023" && month === "6") copy[at("commitments")] = "3.6";
    out.push(copy);
    if (country === "Poland" && year === "2026" && month === "2") {
      const next = [...row];
      next[at("month")] = "3";
      next[at("financial")] = "0.25";
      next[at("military")] = "0.5";
      next[at("humanitarian")] = "0";
      next[at("commitments")] = "1";
      out.push(next);
    }
  }
  expect(droppedDenmark).toBe(true);
  return [header, ...out].map(quote).join("\n");
}

describe.skipIf(!haveData).each(testTargets())("a publisher's next release on $name", (target) => {
  let database: TestDatabase;
  let db: TestDatabase["db"];
  let release29: KielRelease;
  let text29: string;
  let text30: string;
  beforeAll(async () => {
    database = await target.open();
    db = database.db;
    await loadDataset(db, referenceDataset());
    const read = await readKielRelease(createReadStream(dataPath("kiel-release-29/release_info.csv")));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    release29 = read.release;
    text29 = readFileSync(dataPath("kiel-release-29/data_explorer.csv"), "utf8");
    text30 = nextRelease(text29);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  const importKiel = (text: string, release: KielRelease) => {
    const label = `Kiel Institute for the World Economy, ${release.label}`;
    const whole: Release = { label, whole: { format } };
    return importRecords(db, {
      items: parseKielDataExplorer(bytesOf(text), { release }),
      file: {
        name: `${release.release}.csv`,
        sha256: release.label,
        format,
        importerVersion: "t/1",
        bytes: 1,
      },
      sourceDataset: "kiel",
      release: whole,
      changeSet: { actor: "Release tests" },
      placement: { status: "published", organisation: null },
    });
  };

  /** Euros per donor and stage as the ledger shows them (now, or as of a moment). */
  async function ledgerSums(asOf?: Date): Promise<Map<string, string>> {
    const at = asOf
      ? sql`valid_from <= ${asOf.toISOString()}::timestamptz and (valid_to is null or valid_to > ${asOf.toISOString()}::timestamptz)`
      : sql`valid_to is null`;
    const rows = rowsOf<{ key: string; amount: string }>(
      await db.execute(sql`select c.donor || ' ' || e.stage || ' ' || c.category as key, sum(e.amount)::text as amount
        from (select * from stage_events where ${at} and not retracted) e
        join (select * from commitments where ${at} and not retracted) c on c.id = e.commitment_id
        where c.source_dataset = 'kiel' group by 1`),
    );
    return new Map(rows.map((r) => [r.key, Number(r.amount).toFixed(0)]));
  }

  /** The raw file's sums in the same keys, from the file alone. */
  function fileSums(text: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const [donor, sums] of kielDataExplorerSums(text)) {
      const add = (key: string, euros: string) => {
        if (Number(euros) !== 0) out.set(key, Number(euros).toFixed(0));
      };
      add(`${donor} committed all_types`, sums.committed);
      add(`${donor} allocated funding`, sums.allocated.financial);
      add(`${donor} allocated humanitarian`, sums.allocated.humanitarian);
      add(`${donor} allocated military`, sums.allocated.military);
    }
    return out;
  }

  let between: Date;
  let first: number;

  it("imports Release 29 whole: every donor's commitments and allocations as the file sums them", async () => {
    const report = await importKiel(text29, release29);
    expect(report.problems).toEqual([]);
    expect(report.status).toBe("imported");
    first = report.changeSet as number;
    expect(await ledgerSums()).toEqual(fileSums(text29));
    between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
  });

  it("imports Release 30 over it: corrections, retractions and new figures, each a version citing Release 30", async () => {
    const before = await countChangeSets(db);
    const report = await importKiel(text30, release30);
    expect(report.problems).toEqual([]);
    expect(report.status).toBe("imported");
    expect(await countChangeSets(db)).toBe(before + 1);
    // Germany's military March 2024 and the UK's commitments June 2023; Denmark's June 2023 figures and all of
    // Malta's gone; Poland's March 2026 new (three non-zero figures).
    expect(report.records.events.changed).toBe(2);
    expect(report.records.events.new).toBe(3);
    const denmarkJune = text29.split("\n").find((l) => l.startsWith('"Denmark","DNK",2023,6,')) ?? "";
    const maltaRows = csvRows(text29).filter((r) => r[0] === "Malta");
    const nonZero = (cells: string[]) => [5, 6, 7, 8].filter((i) => Number(cells[i] ?? 0) !== 0).length;
    const maltaFigures = maltaRows.reduce((n, r) => n + nonZero(r), 0);
    expect(report.records.events.retracted).toBe(nonZero(csvRows(denmarkJune)[0] ?? []) + maltaFigures);
    // Malta's lines are retracted with their figures.
    const maltaLines = new Set(maltaRows.flatMap((r) => [5, 6, 7, 8].filter((i) => Number(r[i]) !== 0)));
    expect(report.records.commitments.retracted).toBe(maltaLines.size);

    // What the ledger now holds is Release 30, donor by donor; as of before the import, Release 29.
    expect(await ledgerSums()).toEqual(fileSums(text30));
    expect(await ledgerSums(between)).toEqual(fileSums(text29));

    // The changed figure: two versions, the second in the release's change set, citing it as its reason.
    const history = await recordHistory(db, eventEntity, "kiel-de-military-2024-03");
    expect(history.map((h) => [h.version, h.action])).toEqual([
      [1, "create"],
      [2, "update"],
    ]);
    expect(history[1]?.reason).toBe(
      "Kiel Institute for the World Economy, Ukraine Support Tracker, Release 30 (05/2026)",
    );
    expect(history[1]?.changeSet).toBe(report.changeSet);
    expect(history[1]?.changes.map((c) => c.field)).toContain("measure");
    // A figure the release no longer carries: retracted, with the same reason.
    const gone = await recordHistory(db, eventEntity, "kiel-dk-military-2023-06");
    expect(gone.at(-1)).toMatchObject({ action: "retract", reason: history[1]?.reason });
    // An unchanged figure is untouched: still its first version, of Release 29.
    const same = await recordHistory(db, eventEntity, "kiel-de-financial-2022-03");
    expect(same.map((h) => h.changeSet)).toEqual([first]);
    const malta = await recordHistory(db, commitmentEntity, "kiel-mt-commitments");
    expect(malta.at(-1)?.action).toBe("retract");
    expect(await storedCells(db)).toEqual(await computeCells(db));
  });

  it("takes the same release again as unchanged, and checks a file without the commitments column", async () => {
    const before = await countChangeSets(db);
    const again = await importKiel(text30, release30);
    expect(again).toMatchObject({ status: "unchanged", changeSet: null });
    expect(await countChangeSets(db)).toBe(before);

    // An earlier layout: no commitments column. Its allocations are read; nothing is committed.
    const rows = csvRows(text29).filter((r) => r.length > 1);
    const drop = rows[0]?.indexOf("commitments") ?? -1;
    const older = rows.map((r) => quote(r.filter((_, i) => i !== drop))).join("\n");
    const report = await importRecords(db, {
      items: parseKielDataExplorer(bytesOf(older), { release: release29 }),
      file: { name: "older.csv", sha256: "older", format, importerVersion: "t/1", bytes: 1 },
      sourceDataset: "kiel",
      release: { whole: { format } },
      dryRun: true,
      changeSet: { actor: "Release tests" },
      placement: { status: "published", organisation: null },
    });
    expect(report.problems).toEqual([]);
    expect(report.records.events.total).toBeGreaterThan(0);
    // As a release over Release 30, it would retract every commitments line, which it no longer carries.
    const [lines] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from commitments
        where valid_to is null and not retracted and id like 'kiel-%-commitments'`),
    );
    expect(report.records.commitments.retracted).toBe(lines?.n);
  });
});
