import { createReadStream, readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import type { CommitmentRecord, StageEvent, TrancheRecord } from "@commitments/core";
// The importers are only a test dependency of this package, reached by path: the pipeline takes their items, and
// these tests run it on the real sample files.
import {
  type ImportedRecords,
  parseIatiActivities,
  parseKielDataExplorer,
  parseKielWeapons,
  parseSipriTradeRegister,
  parseTemplateCsv,
  parseTemplateXlsx,
  readKielRelease,
  writeTemplateCsv,
  writeTemplateXlsx,
} from "@commitments/importers";
import {
  generatedRecords,
  haveSamples,
  samplePath,
  sipriSampleCategories,
  sipriSampleSuppliers,
} from "@commitments/importers/testing";
import { referenceDataset } from "@commitments/reference";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countChangeSets, writeFingerprint } from "../counts.ts";
import { rowsOf } from "../entities.ts";
import { loadDataset } from "../reference.ts";
import { computeCells, storedCells } from "../series/cells.ts";
import { type TestDatabase, testTargets } from "../testing.ts";
import { getImport, type ImportItem, type ImportParams, importRecords } from "./index.ts";

// --- Reading the files independently of the importers: a few lines of plain parsing per format --------------

/** RFC 4180 cells of a CSV text, line by line (quoted cells may hold commas, quotes and line breaks). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted || (ch !== "," && ch !== "\n")) cell += ch;
    else {
      row.push(ch === "\n" ? cell.replace(/\r$/, "") : cell);
      cell = "";
      if (ch === "\n") {
        rows.push(row);
        row = [];
      }
    }
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A decimal string as an exact integer of 10⁻¹⁰ units (numeric(30,10), as the ledger stores amounts). */
function units(decimal: string): bigint {
  const [whole = "0", fraction = ""] = decimal.replace(/^-/, "").split(".");
  const value = BigInt(whole) * 10n ** 10n + BigInt(fraction.padEnd(10, "0").slice(0, 10) || "0");
  return decimal.startsWith("-") ? -value : value;
}

class Sums {
  readonly byKey = new Map<string, bigint>();
  add(key: string, amount: bigint) {
    if (amount !== 0n) this.byKey.set(key, (this.byKey.get(key) ?? 0n) + amount);
  }
  sorted() {
    return new Map([...this.byKey].sort(([a], [b]) => a.localeCompare(b)));
  }
}

/** Per stage and donor, and per stage and category: what the ledger holds from one change set. */
async function ledgerTotals(db: TestDatabase["db"], changeSet: number) {
  const rows = rowsOf<{ stage: string; donor: string; category: string; amount: string }>(
    await db.execute(sql`select e.stage, c.donor, c.category, e.amount::text as amount
      from stage_events e join commitments c on c.id = e.commitment_id and c.valid_to is null
      where e.change_set_id = ${changeSet} and e.valid_to is null`),
  );
  const byDonor = new Sums();
  const byCategory = new Sums();
  for (const r of rows) {
    byDonor.add(`${r.stage} ${r.donor}`, units(r.amount));
    byCategory.add(`${r.stage} ${r.category}`, units(r.amount));
  }
  return { byDonor: byDonor.sorted(), byCategory: byCategory.sorted(), events: rows.length };
}

async function trancheTotal(db: TestDatabase["db"], changeSet: number) {
  const [row] = rowsOf<{ amount: string | null }>(
    await db.execute(
      sql`select sum(amount)::text as amount from tranches where change_set_id = ${changeSet}`,
    ),
  );
  return units(row?.amount ?? "0");
}

// --- Generated template files ------------------------------------------------------------------------------

async function templateCsv(batches: Iterable<ImportedRecords>): Promise<string> {
  let text = "";
  for await (const line of writeTemplateCsv(batches)) text += line;
  return text;
}

/** The template's totals read from its CSV text: commitments' donor and category, events' stage and figure. */
function templateTotals(text: string) {
  const [header, ...rows] = csvRows(text.replace(/^\uFEFF/, ""));
  const at = (name: string) => (header ?? []).indexOf(name);
  const cell = (row: string[], name: string) => row[at(name)] ?? "";
  const owner = new Map<string, { donor: string; category: string }>();
  for (const row of rows) {
    if (cell(row, "record") === "commitment")
      owner.set(cell(row, "id"), { donor: cell(row, "donor"), category: cell(row, "category") });
  }
  const byDonor = new Sums();
  const byCategory = new Sums();
  let tranches = 0n;
  for (const row of rows) {
    const figure = units(cell(row, "amount") || cell(row, "quantity") || "0");
    if (cell(row, "record") === "tranche") tranches += figure;
    if (cell(row, "record") !== "event") continue;
    const parent = owner.get(cell(row, "commitment"));
    byDonor.add(`${cell(row, "stage")} ${parent?.donor}`, figure);
    byCategory.add(`${cell(row, "stage")} ${parent?.category}`, figure);
  }
  return { byDonor: byDonor.sorted(), byCategory: byCategory.sorted(), tranches };
}

async function* bytesOf(text: string | Buffer): AsyncGenerator<Uint8Array> {
  const data = typeof text === "string" ? Buffer.from(text) : text;
  for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
}

const published = { status: "published" as const, organisation: null };
const byTracker = { actor: "Import pipeline tests" };

describe.each(testTargets())("the import pipeline on $name", (target) => {
  let database: TestDatabase;
  let db: TestDatabase["db"];
  beforeAll(async () => {
    database = await target.open();
    db = database.db;
    await loadDataset(db, referenceDataset());
  });
  afterAll(async () => {
    await database?.dispose();
  });

  function run(items: AsyncIterable<ImportItem>, name: string, extra: Partial<ImportParams> = {}) {
    return importRecords(db, {
      items,
      file: { name, sha256: `sha256 of ${name}`, format: "test", importerVersion: "test/1", bytes: 1 },
      changeSet: byTracker,
      placement: published,
      ...extra,
    });
  }

  /** The series cells as stored equal the cells computed afresh from the ledger. */
  async function expectSeriesExact() {
    expect(await storedCells(db)).toEqual(await computeCells(db));
  }

  describe.skipIf(!haveSamples)("the sample files", () => {
    it("SIPRI: the whole register, totals per donor, per category, ordered and delivered as in the file", async () => {
      const lines = readFileSync(samplePath("sipri-trade-register-ukraine-excerpt.csv"), "latin1").split(
        "\n",
      );
      const report = await run(
        parseSipriTradeRegister(createReadStream(samplePath("sipri-trade-register-ukraine-excerpt.csv"))),
        "sipri.csv",
      );
      expect(report).toMatchObject({ status: "imported", problemCount: 0 });
      // Every name and description of the sample, mapped by hand: the importer's tables are not consulted.
      // "Financed by FRG", "financed by German aid"; not "partly financed by", which leaves the supplier the donor.
      // Several financiers with no split, private donations, no supplier named: core's donor groups.
      const financier = (comments: string, from: string) =>
        /(^|; )financed by .*(and|;).*(Norway|Netherlands)/i.test(comments)
          ? "JOINT"
          : /private donations/i.test(comments)
            ? "PRIVATE"
            : /^unknown/.test(from)
              ? "UNKNOWN"
              : /(^|; )financed by (FRG|German|aid from Germany)/i.test(comments)
                ? "DE"
                : /(^|; )financed by EU/i.test(comments)
                  ? "EU"
                  : undefined;
      const header = lines.findIndex((line) => line.startsWith("Recipient,Supplier,"));
      const byDonor = new Sums();
      const byCategory = new Sums();
      for (const line of lines.slice(header + 1).filter((l) => l.includes(","))) {
        // SIPRI writes semicolons for commas: no cell of the sample is quoted.
        const cells = line.replace(/\r$/, "").split(",");
        const [, from = "", , , ordered = "", , , description = "", delivered = "", , , , comments = ""] =
          cells;
        const donor = financier(comments, from) ?? sipriSampleSuppliers[from];
        // An empty "Number ordered" is not yet known: the number delivered so far stands in, as a floor.
        const promised = units(ordered || delivered);
        byDonor.add(`committed ${donor}`, promised);
        byDonor.add(`delivered ${donor}`, units(delivered || "0"));
        byCategory.add(`committed ${sipriSampleCategories[description]}`, promised);
        byCategory.add(`delivered ${sipriSampleCategories[description]}`, units(delivered || "0"));
      }
      const got = await ledgerTotals(db, report.changeSet as number);
      expect(got.byDonor).toEqual(byDonor.sorted());
      expect(got.byCategory).toEqual(byCategory.sorted());
      await expectSeriesExact();
    });

    it("Kiel data_explorer and weapons with the release label: totals per donor, category and stage", async () => {
      const release = await readKielRelease(createReadStream(samplePath("kiel-release_info.csv")));
      if (!release.ok) throw new Error("the sample's release does not read");
      const country: Record<string, string> = { Denmark: "DK", Germany: "DE", "United Kingdom": "GB" };

      const explorer = await run(
        parseKielDataExplorer(createReadStream(samplePath("kiel-data_explorer-excerpt.csv")), {
          release: release.release,
        }),
        "data_explorer.csv",
      );
      expect(explorer).toMatchObject({ status: "imported", problemCount: 0 });
      const [head, ...rows] = csvRows(readFileSync(samplePath("kiel-data_explorer-excerpt.csv"), "utf8"));
      const col = (row: string[], name: string) => row[(head ?? []).indexOf(name)] || "0";
      const billions = (value: string) => units(value) * 10n ** 9n;
      const byDonor = new Sums();
      const byCategory = new Sums();
      for (const row of rows) {
        const donor = country[row[0] as string];
        byDonor.add(`committed ${donor}`, billions(col(row, "commitments")));
        byCategory.add("committed all_types", billions(col(row, "commitments")));
        for (const [type, category] of [
          ["financial", "funding"],
          ["humanitarian", "humanitarian"],
          ["military", "military"],
        ]) {
          byDonor.add(`allocated ${donor}`, billions(col(row, type as string)));
          byCategory.add(`allocated ${category}`, billions(col(row, type as string)));
        }
      }
      const got = await ledgerTotals(db, explorer.changeSet as number);
      expect(got.byDonor).toEqual(byDonor.sorted());
      expect(got.byCategory).toEqual(byCategory.sorted());

      const weapons = await run(
        parseKielWeapons(createReadStream(samplePath("kiel-weapons-excerpt.csv")), {
          release: release.release,
        }),
        "weapons.csv",
      );
      expect(weapons).toMatchObject({ status: "imported", problemCount: 0 });
      const kielCategory: Record<string, string> = {
        Howitzers: "artillery",
        MLRS: "artillery",
        Tanks: "armoured_vehicles.tanks",
        IFV: "armoured_vehicles.infantry_fighting_vehicles",
        "Air Defense": "air_defence.systems",
      };
      const weaponsByDonor = new Sums();
      const weaponsByCategory = new Sums();
      const [, ...weaponRows] = csvRows(readFileSync(samplePath("kiel-weapons-excerpt.csv"), "utf8"));
      for (const [name = "", category = "", , , list = ""] of weaponRows) {
        // "CAESAR artillery howitzer (19); Bohdana self-propelled howitzer (18)": the count ends each item.
        for (const item of list.split("; ")) {
          const count = units(/\((\d+)\)$/.exec(item)?.[1] ?? "0");
          weaponsByDonor.add(`allocated ${country[name]}`, count);
          weaponsByCategory.add(`allocated ${kielCategory[category]}`, count);
        }
      }
      const gotWeapons = await ledgerTotals(db, weapons.changeSet as number);
      expect(gotWeapons.byDonor).toEqual(weaponsByDonor.sorted());
      expect(gotWeapons.byCategory).toEqual(weaponsByCategory.sorted());
      // Every figure carries the release.
      const titles = rowsOf<{ title: string }>(
        await db.execute(sql`select distinct s->>'title' as title from stage_events e,
          jsonb_array_elements(e.sources) s where e.change_set_id in (${explorer.changeSet}, ${weapons.changeSet})`),
      );
      expect(titles).toEqual([{ title: release.release.label }]);
      await expectSeriesExact();
    });

    it("IATI: budgets pledged and planned disbursements as tranches, at the recipient's share", async () => {
      const file = samplePath("iati-activity-standard-example-annotated.xml");
      const report = await run(
        parseIatiActivities(createReadStream(file), { donor: "NL", recipient: "AF" }),
        "activity.xml",
      );
      expect(report).toMatchObject({ status: "imported", problemCount: 0 });
      const xml = readFileSync(file, "utf8");
      const sum = (element: string) =>
        [
          ...xml.matchAll(
            new RegExp(`<${element}[\\s>][\\s\\S]*?<value currency="EUR"[^>]*>([\\d.]+)</value>`, "g"),
          ),
        ]
          .map((m) => units(m[1] as string))
          .reduce((a, b) => a + b, 0n);
      const percent = BigInt(/<recipient-country code="AF" percentage="(\d+)"/.exec(xml)?.[1] ?? "0");
      const got = await ledgerTotals(db, report.changeSet as number);
      // One activity: one donor and one category hold the whole.
      expect(got.byDonor).toEqual(new Map([["pledged NL", (sum("budget") * percent) / 100n]]));
      expect([...got.byCategory.values()]).toEqual([(sum("budget") * percent) / 100n]);
      expect(await trancheTotal(db, report.changeSet as number)).toBe(
        (sum("planned-disbursement") * percent) / 100n,
      );
    });
  });

  it("the template, CSV and XLSX: totals as in the file; the same records again change nothing", async () => {
    const text = await templateCsv(generatedRecords("template-sample", 40, 3, 7));
    const report = await run(parseTemplateCsv(bytesOf(text)), "template.csv");
    expect(report).toMatchObject({
      status: "imported",
      problemCount: 0,
      records: {
        commitments: { total: 40, new: 40 },
        tranches: { total: 6, new: 6 },
        events: { total: 120, new: 120 },
      },
    });
    const expected = templateTotals(text);
    const got = await ledgerTotals(db, report.changeSet as number);
    expect(got.byDonor).toEqual(expected.byDonor);
    expect(got.byCategory).toEqual(expected.byCategory);
    expect(await trancheTotal(db, report.changeSet as number)).toBe(expected.tranches);
    await expectSeriesExact();

    // The same records as a workbook: nothing new, and no change set for it.
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    await writeTemplateXlsx(generatedRecords("template-sample", 40, 3, 7), sink);
    const before = await writeFingerprint(db);
    const again = await run(parseTemplateXlsx(bytesOf(Buffer.concat(chunks))), "template.xlsx");
    expect(again).toMatchObject({ status: "unchanged", changeSet: null, problemCount: 0 });
    expect(again.records.events).toEqual({ total: 120, new: 0, changed: 0, retracted: 0 });
    expect(await writeFingerprint(db)).toBe(before);
    // The run is recorded all the same.
    expect(await getImport(db, again.id)).toMatchObject({ status: "unchanged", fileName: "template.xlsx" });
  });

  it("imports the same file twice: the second time nothing changes, and it says so", async () => {
    const text = await templateCsv(generatedRecords("twice", 12, 2));
    const first = await run(parseTemplateCsv(bytesOf(text)), "twice.csv");
    expect(first.status).toBe("imported");
    const before = await writeFingerprint(db);
    const second = await run(parseTemplateCsv(bytesOf(text)), "twice.csv");
    expect(second).toMatchObject({ status: "unchanged", changeSet: null, datasetVersion: first.changeSet });
    expect(await writeFingerprint(db)).toBe(before);

    // A file that changes one of those records is refused, naming it: a correction goes through the API.
    const changed = text.replace("Generated line 3,", "Generated line 3 (revised),");
    const third = await run(parseTemplateCsv(bytesOf(changed)), "twice-revised.csv");
    expect(third.status).toBe("refused");
    expect(third.problems).toEqual([
      expect.objectContaining({ column: "id", value: "twice-3", message: expect.stringContaining("title") }),
    ]);
    expect(await writeFingerprint(db)).toBe(before);
  });

  it("reports every bad row of a file, within the file and against the ledger, and writes nothing", async () => {
    const [good] = [...generatedRecords("bad-file", 8, 1, 8)];
    // A commitment the ledger holds already, of a donor the importer will not be allowed to write for.
    const [, ledgerFr] = [...generatedRecords("bad-file-ledger", 2, 0)].flatMap((r) => r.commitments);
    if (!good || !ledgerFr) throw new Error("no records");
    const setUp = await templateCsv([{ commitments: [ledgerFr], tranches: [], events: [] }]);
    expect((await run(parseTemplateCsv(bytesOf(setUp)), "fr.csv")).status).toBe("imported");
    const records = {
      commitments: [
        ...good.commitments,
        { ...good.commitments[0], title: "The same id again" } as CommitmentRecord,
        { ...good.commitments[1], id: "bad-file-no-donor", donor: "XX" } as CommitmentRecord,
      ],
      tranches: [] as TrancheRecord[],
      events: [
        ...good.events,
        { ...good.events[0], id: "bad-file-orphan", commitment: "bad-file-nowhere" } as StageEvent,
        {
          ...good.events[0],
          id: "bad-file-unlike",
          measure: { kind: "quantity", count: "3", unit: "items", item: "tank" },
        } as StageEvent,
        { ...good.events[1], id: "bad-file-verified", confidence: "independently_verified" } as StageEvent,
        {
          ...good.events[1],
          id: "bad-file-under-ledger",
          commitment: ledgerFr.id,
          measure: ledgerFr.measure,
        } as StageEvent,
      ],
    };
    const lines = (await templateCsv([records])).split("\r\n");
    /** The line of a record's row, not of its source or condition rows. */
    const line = (id: string, nth = 0) =>
      lines.flatMap((l, i) => {
        const [kind, lineId] = l.split(",");
        return lineId === id && kind !== "source" && kind !== "condition" ? [i + 1] : [];
      })[nth] as number;
    // A cell the importer itself refuses: not a currency code.
    lines[line("bad-file-2") - 1] = (lines[line("bad-file-2") - 1] as string).replace(",EUR,", ",EURO,");
    const text = lines.join("\r\n");
    const before = await writeFingerprint(db);
    const counts = async () =>
      rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from stage_events`))[0]?.n;
    const eventsBefore = await counts();

    const refuse = {
      donor: (donor: string) =>
        donor === "FR" ? "a ministry may only change its own country's records (GB)" : null,
      confidence: (c: string) =>
        c === "independently_verified" ? "not a confidence your role vouches for" : null,
    };
    const report = await run(parseTemplateCsv(bytesOf(text)), "bad.csv", { refuse });
    expect(report.status).toBe("refused");
    const found = report.problems.map((p) => [p.row, p.column, p.value]);
    expect(found).toEqual(
      expect.arrayContaining([
        [line("bad-file-2"), "currency", "EURO"],
        [line("bad-file-0", 1), "id", "bad-file-0"],
        [line("bad-file-no-donor"), "donor", "XX"],
        [line("bad-file-orphan"), "commitment", "bad-file-nowhere"],
        [line("bad-file-unlike"), "commitment", "bad-file-0"],
        [line("bad-file-verified"), "confidence", "independently_verified"],
        // The FR commitment, and its event: each row of another donor.
        [line("bad-file-1"), "donor", "FR"],
        [line("bad-file-1-e0"), "donor", "FR"],
        [line("bad-file-verified"), "donor", "FR"],
        [line("bad-file-under-ledger"), "donor", "FR"],
      ]),
    );
    expect(report.problems.map((p) => p.row)).toEqual(
      [...report.problems.map((p) => p.row)].sort((a, b) => a - b),
    );
    expect(report.problemCount).toBe(report.problems.length);
    expect(await writeFingerprint(db)).toBe(before);
    expect(await counts()).toBe(eventsBefore);

    // The stored report is capped; the count is not. A dry run of the same file says the same and writes nothing.
    const capped = await run(parseTemplateCsv(bytesOf(text)), "bad.csv", {
      refuse,
      maxProblems: 3,
      dryRun: true,
    });
    expect(capped).toMatchObject({ status: "dry_run", problemCount: report.problemCount });
    expect(capped.problems).toHaveLength(3);
    expect(await writeFingerprint(db)).toBe(before);
  });

  it("a dry run of a good file says what it would write, and writes nothing to the ledger", async () => {
    const text = await templateCsv(generatedRecords("dry", 5, 2));
    const before = await writeFingerprint(db);
    const report = await run(parseTemplateCsv(bytesOf(text)), "dry.csv", { dryRun: true });
    expect(report).toMatchObject({
      status: "dry_run",
      changeSet: null,
      records: { events: { total: 10, new: 10 } },
    });
    expect(await writeFingerprint(db)).toBe(before);
    expect(await getImport(db, report.id)).toMatchObject({ status: "dry_run", rows: 16, problemCount: 0 });
  });

  it("a ministry's import lands as its drafts, out of the public series, in one change set", async () => {
    const text = await templateCsv(generatedRecords("ministry", 4, 2));
    const changeSets = await countChangeSets(db);
    const report = await run(parseTemplateCsv(bytesOf(text)), "ministry.csv", {
      placement: { status: "draft", organisation: "org-gb" },
      changeSet: { actor: "GB ministry (editor)", organisationId: "org-gb", userId: "user-1" },
    });
    expect(report.status).toBe("imported");
    expect(await countChangeSets(db)).toBe(changeSets + 1);
    const placed = rowsOf<{ status: string; organisation_id: string; n: number }>(
      await db.execute(sql`select status, organisation_id, count(*)::int as n from stage_events
        where change_set_id = ${report.changeSet} group by 1, 2`),
    );
    expect(placed).toEqual([{ status: "draft", organisation_id: "org-gb", n: 8 }]);
    const [cs] = rowsOf<{ origin: string; metadata: Record<string, unknown>; organisation_id: string }>(
      await db.execute(
        sql`select origin, metadata, organisation_id from change_sets where id = ${report.changeSet}`,
      ),
    );
    expect(cs).toMatchObject({
      origin: "import",
      organisation_id: "org-gb",
      metadata: { name: "ministry.csv", format: "test", importerVersion: "test/1", rows: 13 },
    });
    await expectSeriesExact();
  });

  it("a failure in the middle of an import leaves nothing of it behind", async () => {
    const before = await writeFingerprint(db);
    const imports = await db.execute(sql`select count(*)::int as n from imports`);
    async function* dying(): AsyncGenerator<ImportItem> {
      let row = 1;
      for (const records of generatedRecords("dying", 40_000, 0)) {
        for (const commitment of records.commitments) {
          row += 1;
          yield { row, records: { commitments: [commitment], tranches: [], events: [] } };
          // Past the first COPY batch: some rows are staged when the process "dies".
          if (row > 30_000) throw new Error("killed");
        }
      }
    }
    await expect(run(dying(), "dying.csv", { batchRows: 20_000 })).rejects.toThrow("killed");
    expect(await writeFingerprint(db)).toBe(before);
    expect(rowsOf(await db.execute(sql`select count(*)::int as n from imports`))).toEqual(rowsOf(imports));
    const staging = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from pg_class where relname like 'import\\_%'`),
    );
    expect(staging[0]?.n).toBe(0);
  });

  it("streams a 200,000-row template file through the pipeline, a batch at a time", async () => {
    const cellsOf = async () =>
      rowsOf<{ n: number }>(
        await db.execute(
          sql`select coalesce(sum(events), 0)::int as n from series_cells where donor = 'PL' and category = 'ammunition'`,
        ),
      )[0]?.n ?? 0;
    const cellsBefore = await cellsOf();
    const phases = new Set<string>();
    // 20,000 commitments of 9 events each, and tranches: the file is written while it is read.
    const report = await run(
      parseTemplateCsv(writeTemplateCsv(generatedRecords("bulk", 20_000, 9))),
      "bulk.csv",
      {
        onProgress: (progress) => {
          phases.add(progress.phase);
        },
      },
    );
    expect(report).toMatchObject({
      status: "imported",
      rows: 20_000 + 2858 + 180_000,
      records: { commitments: { new: 20_000 }, events: { new: 180_000 } },
    });
    expect([...phases]).toEqual(["reading", "checking", "writing", "done"]);
    const [landed] = rowsOf<{ commitments: number; events: number }>(
      await db.execute(sql`select
        (select count(*) from commitments where change_set_id = ${report.changeSet})::int as commitments,
        (select count(*) from stage_events where change_set_id = ${report.changeSet})::int as events`),
    );
    expect(landed).toEqual({ commitments: 20_000, events: 180_000 });
    // Every fourth commitment is PL's, and one in eight of those is ammunition's: 9 events each, all published.
    expect((await cellsOf()) - cellsBefore).toBe(9 * 2_500);
    // Refreshed from 180,000 events read a page at a time, and exact all the same.
    await expectSeriesExact();
  }, 300_000);
});
