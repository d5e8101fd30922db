import { createReadStream, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type KielRelease, parseKielDataExplorer, readKielRelease } from "./kiel.ts";
import { parseKielWeapons } from "./kiel-weapons.ts";
import { bytes, collect, haveSamples, samplePath } from "./testing.ts";

/** A plain CSV split for Kiel's files: every cell is a quoted string or a bare number, none holds a comma. */
function rawCsv(name: string): Record<string, string>[] {
  const [header = "", ...lines] = readFileSync(samplePath(name), "utf8").trim().split(/\r?\n/);
  const unquote = (cell: string) => cell.replace(/^"|"$/g, "");
  const columns = header.split(",").map(unquote);
  return lines.map((line) => {
    const cells = line.split(",").map(unquote);
    expect(cells).toHaveLength(columns.length);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""]));
  });
}

/** Billions of euros as whole euros, by shifting the decimal point: no floats, no shared helper. */
function euros(billions: string): bigint {
  const [whole = "0", fraction = ""] = billions.split(".");
  expect(fraction.length).toBeLessThanOrEqual(9);
  return BigInt(whole) * 1_000_000_000n + BigInt(fraction.padEnd(9, "0"));
}

function addTo(map: Map<string, bigint>, key: string, value: bigint) {
  if (value !== 0n) map.set(key, (map.get(key) ?? 0n) + value);
}

const release: KielRelease = {
  release: "29",
  period: "2026-04",
  published: "2026-08-04",
  label: "Ukraine Support Tracker, Release 29 (04/2026)",
};
const iso: Record<string, string> = { Denmark: "DK", Germany: "DE", "United Kingdom": "GB" };

describe.skipIf(!haveSamples)("Kiel release info", () => {
  it("reads the release the figures must carry", async () => {
    const read = await readKielRelease(createReadStream(samplePath("kiel-release_info.csv")));
    expect(read).toEqual({ ok: true, release });
  });
});

describe.skipIf(!haveSamples)("Kiel data explorer sample", () => {
  const file = "kiel-data_explorer-excerpt.csv";

  it("gives per donor the committed and the allocated euros by type, exactly as the file's sums", async () => {
    const expected = new Map<string, bigint>();
    for (const row of rawCsv(file)) {
      const donor = iso[row.country ?? ""] as string;
      addTo(expected, `${donor} committed`, euros(row.commitments ?? ""));
      for (const type of ["financial", "humanitarian", "military"]) {
        addTo(expected, `${donor} allocated ${type}`, euros(row[type] ?? ""));
      }
    }
    const out = await collect(parseKielDataExplorer(createReadStream(samplePath(file)), { release }));
    expect(out.problems).toEqual([]);
    const lines = new Map(out.records.commitments.map((c) => [c.id, c]));
    const got = new Map<string, bigint>();
    for (const event of out.records.events) {
      const line = lines.get(event.commitment);
      expect(line).toBeDefined();
      if (event.measure.kind !== "money") throw new Error("Kiel figures are euros");
      expect(event.measure.currency).toBe("EUR");
      const type = event.stage === "committed" ? "" : ` ${event.commitment.split("-").at(-1)}`;
      addTo(got, `${line?.donor} ${event.stage}${type}`, BigInt(event.measure.amount));
    }
    expect(got).toEqual(expected);
    // Each line's size is the sum of its events.
    for (const line of out.records.commitments) {
      const total = out.records.events
        .filter((e) => e.commitment === line.id)
        .reduce((n, e) => n + BigInt(e.measure.kind === "money" ? e.measure.amount : "0"), 0n);
      expect(line.measure.kind === "money" && BigInt(line.measure.amount)).toBe(total);
    }
  });

  it("puts each donor's lines before their events, and carries the release on every figure", async () => {
    const out = await collect(parseKielDataExplorer(createReadStream(samplePath(file)), { release }));
    const seen = new Set<string>();
    for (const item of out.items) {
      if (!("records" in item)) continue;
      for (const c of item.records.commitments) seen.add(c.id);
      for (const e of item.records.events) expect(seen.has(e.commitment)).toBe(true);
    }
    expect(out.records.commitments.map((c) => c.id).sort()).toEqual(
      ["dk", "de", "gb"]
        .flatMap((d) => ["commitments", "financial", "humanitarian", "military"].map((t) => `kiel-${d}-${t}`))
        .sort(),
    );
    for (const record of [...out.records.commitments, ...out.records.events]) {
      expect(record.sources).toEqual([
        expect.objectContaining({
          title: release.label,
          publisher: "Kiel Institute for the World Economy",
          published: release.published,
          locator: expect.stringMatching(/^data_explorer, rows? \d+/),
        }),
      ]);
    }
    const commitments = out.records.events.filter((e) => e.commitment.endsWith("-commitments"));
    expect(new Set(commitments.map((e) => e.stage))).toEqual(new Set(["committed"]));
    const allocations = out.records.events.filter((e) => !e.commitment.endsWith("-commitments"));
    expect(new Set(allocations.map((e) => e.stage))).toEqual(new Set(["allocated"]));
    expect(out.records.events.find((e) => e.id === "kiel-dk-military-2022-04")).toMatchObject({
      date: "2022-04",
      measure: { kind: "money", amount: "134425000", currency: "EUR" },
      note: expect.stringContaining("EUR 0.134425 bn as published"),
    });
  });

  it("records commitments as pledged when asked", async () => {
    const out = await collect(
      parseKielDataExplorer(createReadStream(samplePath(file)), { release, commitmentsStage: "pledged" }),
    );
    expect(out.records.events.filter((e) => e.stage === "pledged").length).toBeGreaterThan(0);
    expect(out.records.events.filter((e) => e.stage === "committed")).toEqual([]);
  });

  it("gives the same records on every import", async () => {
    const a = await collect(parseKielDataExplorer(createReadStream(samplePath(file)), { release }));
    const b = await collect(
      parseKielDataExplorer(createReadStream(samplePath(file), { highWaterMark: 50 }), { release }),
    );
    expect(b.items).toEqual(a.items);
  });
});

describe.skipIf(!haveSamples)("Kiel weapons sample", () => {
  const file = "kiel-weapons-excerpt.csv";

  it("counts per donor and category as the file's lists and totals say, never splitting the value", async () => {
    const expected = new Map<string, number>();
    for (const row of rawCsv(file)) {
      const listed = (row.weapons_list ?? "")
        .split("; ")
        .reduce((n, entry) => n + Number(/\((\d+)\)$/.exec(entry)?.[1]), 0);
      expect(listed).toBe(Number(row.number_of_weapons));
      expected.set(`${iso[row.donor ?? ""]} ${row.category}`, listed);
    }
    const out = await collect(parseKielWeapons(createReadStream(samplePath(file)), { release }));
    expect(out.problems).toEqual([]);
    expect(out.warnings).toEqual([]);
    const got = new Map<string, number>();
    const byId = new Map(out.records.commitments.map((c) => [c.id, c]));
    for (const event of out.records.events) {
      if (event.measure.kind !== "quantity") throw new Error("weapons are counted");
      const line = byId.get(event.commitment);
      const category = /, ([^,]+) \(Kiel/.exec(line?.title ?? "")?.[1];
      const key = `${line?.donor} ${category}`;
      got.set(key, (got.get(key) ?? 0) + Number(event.measure.count));
      expect(event).toMatchObject({ stage: "allocated", date: "2026-04" });
      expect(event.sources[0]?.title).toBe(release.label);
    }
    expect(got).toEqual(expected);
    const caesar = out.records.events.find(
      (e) => e.measure.kind === "quantity" && e.measure.item === "CAESAR artillery howitzer",
    );
    expect(caesar?.note).toContain(
      "Kiel values Denmark's 42 Howitzers at EUR 189599811 in all and gives no value per item.",
    );
    expect(out.records.commitments.every((c) => c.measure.kind === "quantity")).toBe(true);
  });
});

describe("Kiel files with bad rows", () => {
  const header =
    '"country","iso","year","month","total","financial","humanitarian","military","commitments","to_be_allocated","gdp","pct_gdp"';
  it("reports every bad row with its column and value", async () => {
    const csv = [
      header,
      '"Denmark","DNK",2022,3,0.06274,0.02,0.04274,0,0.06274,0,336.7,0.01',
      '"Atlantis","ATL",2022,4,1,1,0,0,1,0,1,1',
      '"Denmark","DNK",2022,13,1,1,0,0,1,0,1,1',
      '"Denmark","DNK",2022,5,1,abc,0,-0.5,1e-06,0,1,1',
      '"Denmark","DNK",2022,6,0.1,0.1',
      '"Denmark","DNK",2022,3,0.1,0.1,0,0,0.1,0,1,1',
      '"Germany","DEU",2022,3,1,1,0,0,1,0,1,1',
      '"Germany","DEU",2022,4,NA,NA,NA,NA,3.5E-3,0,1,1',
      '"Denmark","DNK",2022,7,1,1,0,0,1,0,1,1',
    ].join("\n");
    const out = await collect(parseKielDataExplorer(bytes(csv), { release }));
    const at = (row: number) => out.problems.filter((p) => p.row === row).map((p) => [p.column, p.value]);
    expect(at(3)).toEqual([["country", "Atlantis"]]);
    expect(at(4)).toEqual([["month", "13"]]);
    expect(at(5)).toEqual([
      ["financial", "abc"],
      ["military", "-0.5"],
    ]);
    expect(out.problems.find((p) => p.row === 6)?.message).toMatch(/truncated/);
    expect(at(7)).toEqual([["month", "3"]]);
    expect(at(10)).toEqual([["country", "Denmark"]]);
    expect(out.items.map((i) => i.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Scientific notation is read exactly: 3.5E-3 bn is EUR 3,500,000.
    expect(out.records.events.find((e) => e.id === "kiel-de-commitments-2022-04")?.measure).toEqual({
      kind: "money",
      amount: "3500000",
      currency: "EUR",
    });
  });

  it("reports weapons rows it cannot read", async () => {
    const csv = [
      '"donor","category","number_of_weapons","monetary_value_eur","weapons_list"',
      '"Denmark","Howitzers",3,100,"CAESAR (2); Bohdana (1)"',
      '"Denmark","Lasers",3,100,"Zap (3)"',
      '"Denmark","Tanks",x,-5,"Leopard (two); (3)"',
      '"Denmark","Tanks",5,100,"Leopard (3)"',
    ].join("\n");
    const out = await collect(parseKielWeapons(bytes(csv), { release }));
    expect(out.records.commitments).toHaveLength(3);
    expect(out.problems.filter((p) => p.row === 3).map((p) => p.column)).toEqual(["category"]);
    expect(out.problems.filter((p) => p.row === 4).map((p) => [p.column, p.value])).toEqual([
      ["number_of_weapons", "x"],
      ["monetary_value_eur", "-5"],
      ["weapons_list", "Leopard (two)"],
      ["weapons_list", "(3)"],
    ]);
    expect(out.warnings).toEqual([expect.objectContaining({ row: 5, column: "number_of_weapons" })]);
  });
});
