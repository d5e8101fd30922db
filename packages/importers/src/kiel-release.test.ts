// Kiel's Release 29 whole, as Kiel publishes it, and in the layouts of earlier releases. Each file read once.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { type KielRelease, parseKielDataExplorer, readKielRelease } from "./kiel.ts";
import { parseKielWeapons } from "./kiel-weapons.ts";
import { bytes, type Collected, collect, dataPath, haveData } from "./testing.ts";

const folder = "kiel-release-29";

/** A plain CSV split for Kiel's files: every cell is a quoted string or a bare number, none holds a comma. */
function rawCsv(text: string): { columns: string[]; rows: Record<string, string>[] } {
  const [header = "", ...lines] = text.trim().split(/\r?\n/);
  const unquote = (cell: string) => cell.replace(/^"|"$/g, "");
  const columns = header.split(",").map(unquote);
  const rows = lines.map((line) => line.split(",").map(unquote));
  expect(rows.filter((cells) => cells.length !== columns.length)).toEqual([]);
  return {
    columns,
    rows: rows.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""]))),
  };
}

/** The file without one column, as an earlier release published it. */
function withoutColumn(text: string, column: string): string {
  const lines = text.trim().split(/\r?\n/);
  const at = (lines[0] as string).split(",").indexOf(`"${column}"`);
  expect(at).toBeGreaterThan(-1);
  return `${lines.map((line) => line.split(",").toSpliced(at, 1).join(",")).join("\n")}\n`;
}

/** Billions of euros as whole euros, by shifting the decimal point: no floats, no shared helper. */
function euros(billions: string): bigint {
  if (billions === "" || billions === "NA") return 0n;
  const [whole = "0", fraction = ""] = billions.split(".");
  expect(fraction.length).toBeLessThanOrEqual(9);
  return BigInt(whole) * 1_000_000_000n + BigInt(fraction.padEnd(9, "0"));
}

function addTo(map: Map<string, bigint>, key: string, value: bigint) {
  if (value !== 0n) map.set(key, (map.get(key) ?? 0n) + value);
}

/** Kiel's donors, mapped by hand to the tracker's parties (Kiel's own iso column gives "EU" for the EU). */
const donors: Record<string, string> = {
  Australia: "AU",
  Austria: "AT",
  Belgium: "BE",
  Bulgaria: "BG",
  Canada: "CA",
  China: "CN",
  Croatia: "HR",
  Cyprus: "CY",
  Czechia: "CZ",
  Denmark: "DK",
  "EU (Commission and Council)": "EU",
  Estonia: "EE",
  Finland: "FI",
  France: "FR",
  Germany: "DE",
  Greece: "GR",
  Hungary: "HU",
  Iceland: "IS",
  India: "IN",
  Ireland: "IE",
  Italy: "IT",
  Japan: "JP",
  Latvia: "LV",
  Lithuania: "LT",
  Luxembourg: "LU",
  Malta: "MT",
  Netherlands: "NL",
  "New Zealand": "NZ",
  Norway: "NO",
  Poland: "PL",
  Portugal: "PT",
  Romania: "RO",
  Slovakia: "SK",
  Slovenia: "SI",
  "South Korea": "KR",
  Spain: "ES",
  Sweden: "SE",
  Switzerland: "CH",
  Taiwan: "TW",
  Turkiye: "TR",
  "United Kingdom": "GB",
  "United States": "US",
};

/** Per donor, euros by stage and line ("DE committed", "DE allocated military"), summed from the records. */
function importedSums(out: Collected): Map<string, bigint> {
  const lines = new Map(out.records.commitments.map((c) => [c.id, c]));
  const got = new Map<string, bigint>();
  for (const event of out.records.events) {
    const line = lines.get(event.commitment);
    if (line === undefined || event.measure.kind !== "money" || event.measure.currency !== "EUR")
      throw new Error(`${event.id}: no line, or not euros`);
    const type = event.stage === "committed" ? "" : ` ${event.commitment.split("-").at(-1)}`;
    addTo(got, `${line.donor} ${event.stage}${type}`, BigInt(event.measure.amount));
  }
  return got;
}

describe.skipIf(!haveData)("Kiel Release 29, whole", () => {
  let release: KielRelease;
  let explorerText: string;
  let explorer: Collected;
  beforeAll(async () => {
    const read = await readKielRelease(bytes(readFileSync(dataPath(`${folder}/release_info.csv`))));
    if (!read.ok) throw new Error("Release 29's release_info.csv does not read");
    release = read.release;
    explorerText = readFileSync(dataPath(`${folder}/data_explorer.csv`), "utf8");
    explorer = await collect(parseKielDataExplorer(bytes(explorerText), { release }));
  });

  it("data_explorer: per donor the committed and the allocated euros by type, exactly as the file's sums", () => {
    expect(release.label).toBe("Ukraine Support Tracker, Release 29 (04/2026)");
    const expected = new Map<string, bigint>();
    for (const row of rawCsv(explorerText).rows) {
      const donor = donors[row.country ?? ""];
      expect(donor, row.country).toBeDefined();
      addTo(expected, `${donor} committed`, euros(row.commitments ?? ""));
      for (const type of ["financial", "humanitarian", "military"])
        addTo(expected, `${donor} allocated ${type}`, euros(row[type] ?? ""));
    }
    expect(explorer.problems).toEqual([]);
    expect(importedSums(explorer)).toEqual(expected);
    expect(new Set(explorer.records.commitments.map((c) => c.donor)).size).toBe(42);
    const categories = new Map(
      explorer.records.commitments.map((c) => [c.id.replace(/^kiel-[a-z]+-/, ""), c.category]),
    );
    expect(Object.fromEntries(categories)).toEqual({
      commitments: "all_types",
      financial: "funding",
      humanitarian: "humanitarian",
      military: "military",
    });
  });

  it("data_explorer as earlier releases published it: without commitments there is no committed line", async () => {
    const noCommitments = await collect(
      parseKielDataExplorer(bytes(withoutColumn(explorerText, "commitments")), { release }),
    );
    expect(noCommitments.problems).toEqual([]);
    expect(noCommitments.records.events.filter((e) => e.stage === "committed")).toEqual([]);
    expect(noCommitments.records.commitments.filter((c) => c.id.endsWith("-commitments"))).toEqual([]);
    const allocated = new Map([...importedSums(explorer)].filter(([key]) => key.includes(" allocated ")));
    expect(importedSums(noCommitments)).toEqual(allocated);

    const neither = await collect(
      parseKielDataExplorer(
        bytes(withoutColumn(withoutColumn(explorerText, "to_be_allocated"), "commitments")),
        { release },
      ),
    );
    expect(neither.items).toEqual(noCommitments.items);

    const noToBeAllocated = await collect(
      parseKielDataExplorer(bytes(withoutColumn(explorerText, "to_be_allocated")), { release }),
    );
    expect(noToBeAllocated.problems).toEqual([]);
    // The ids are the donor, the line and the month: a release in another layout gives the same records.
    expect(noToBeAllocated.items).toEqual(explorer.items);
  });

  it("weapons: counts per donor and category as the file's lists and totals say", async () => {
    const text = readFileSync(dataPath(`${folder}/weapons.csv`), "utf8");
    const expected = new Map<string, number>();
    for (const row of rawCsv(text).rows) {
      const listed = (row.weapons_list ?? "")
        .split("; ")
        .reduce((n, entry) => n + Number(/\((\d+)\)$/.exec(entry)?.[1]), 0);
      expect(listed, `${row.donor} ${row.category}`).toBe(Number(row.number_of_weapons));
      expected.set(`${donors[row.donor ?? ""]} ${row.category}`, listed);
    }
    const out = await collect(parseKielWeapons(bytes(text), { release }));
    expect(out.problems).toEqual([]);
    expect(out.warnings).toEqual([]);
    const byId = new Map(out.records.commitments.map((c) => [c.id, c]));
    const got = new Map<string, number>();
    for (const event of out.records.events) {
      if (event.measure.kind !== "quantity") throw new Error("weapons are counted");
      const line = byId.get(event.commitment);
      const category = /, ([^,]+) \(Kiel/.exec(line?.title ?? "")?.[1];
      const key = `${line?.donor} ${category}`;
      got.set(key, (got.get(key) ?? 0) + Number(event.measure.count));
      expect(event).toMatchObject({ stage: "allocated", date: release.period });
    }
    expect(got).toEqual(expected);
  });
});
