import { createReadStream, readFileSync } from "node:fs";
import type { Measure } from "@commitments/core";
import { describe, expect, it } from "vitest";
import { parseSipriTradeRegister } from "./sipri.ts";
import { sipriFinancing } from "./sipri-financing.ts";
import {
  bytes,
  collect,
  haveSamples,
  samplePath,
  sipriSampleCategories,
  sipriSampleSuppliers,
} from "./testing.ts";

const file = "sipri-trade-register-ukraine-excerpt.csv";

/** The sample read with a few lines of plain parsing: Latin-1, the header found by its first words. */
function rawRows() {
  const lines = readFileSync(samplePath(file)).toString("latin1").split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.startsWith("Recipient,Supplier,"));
  return lines
    .map((line, i) => ({ line: i + 1, cells: line.split(",") }))
    .slice(headerIndex + 1)
    .filter((row) => row.cells.length > 1)
    .map(({ line, cells }) => {
      // No cell of the sample is quoted (SIPRI writes semicolons for commas), so a split is exact.
      expect(cells).toHaveLength(16);
      const [, supplier, , , ordered, , designation, description, delivered, , years, , comments] =
        cells as string[];
      return {
        line,
        supplier: supplier as string,
        ordered: ordered === "" ? null : Number(ordered),
        delivered: delivered === "" ? 0 : Number(delivered),
        years: years === "" ? [] : (years as string).split("; "),
        designation: designation as string,
        description: description as string,
        comments: comments as string,
      };
    });
}

// The expected outcome, written out by hand from the sample's own columns and comments (with testing.ts's maps).
/** "Financed by FRG", "financed by aid from Germany", "financed by German aid", "financed by EU aid". */
const financedBy: Record<string, string> = {
  BATT: "DE",
  "One 150": "DE",
  "Leopard-1A5": "DE",
  "Mi-17/Slovakia": "EU",
};
/** Several financiers with no split, private donations, an unknown supplier: under core's donor groups. */
const grouped: Record<string, string> = {
  "Leopard-2A4": "JOINT",
  "Zuzana-2": "JOINT",
  Gurkha: "PRIVATE",
  "vehicle engine": "UNKNOWN",
};

function count(measure: Measure): number {
  if (measure.kind !== "quantity") throw new Error("SIPRI figures are counts, never money");
  expect(measure.unit).toBe("items");
  return Number(measure.count);
}

function add(map: Map<string, number>, key: string, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

describe.skipIf(!haveSamples)("SIPRI trade register sample", () => {
  it("imports every deal, with totals per donor, per category, ordered and delivered as in the file", async () => {
    const raw = rawRows();
    expect(raw).toHaveLength(31);
    const expected = { ordered: new Map<string, number>(), delivered: new Map<string, number>() };
    const expectedByCategory = { ordered: new Map<string, number>(), delivered: new Map<string, number>() };
    for (const row of raw) {
      const donor =
        grouped[row.designation] ??
        financedBy[row.designation] ??
        financedBy[`${row.designation}/${row.supplier}`] ??
        sipriSampleSuppliers[row.supplier];
      const category = sipriSampleCategories[row.description] as string;
      // An empty "Number ordered" is not yet known: the number delivered so far stands in, as a floor.
      const ordered = row.ordered ?? row.delivered;
      add(expected.ordered, donor as string, ordered);
      add(expected.delivered, donor as string, row.delivered);
      add(expectedByCategory.ordered, category, ordered);
      add(expectedByCategory.delivered, category, row.delivered);
    }

    const out = await collect(parseSipriTradeRegister(createReadStream(samplePath(file))));
    const donorOf = new Map(out.records.commitments.map((c) => [c.id, c.donor]));
    const categoryOf = new Map(out.records.commitments.map((c) => [c.id, c.category]));
    const got = { ordered: new Map<string, number>(), delivered: new Map<string, number>() };
    const gotByCategory = { ordered: new Map<string, number>(), delivered: new Map<string, number>() };
    for (const event of out.records.events) {
      const stage = event.stage === "committed" ? "ordered" : "delivered";
      add(got[stage], donorOf.get(event.commitment) as string, count(event.measure));
      add(gotByCategory[stage], categoryOf.get(event.commitment) as string, count(event.measure));
    }
    // Donors with nothing delivered have no delivered event: compare without zero entries.
    const nonZero = (m: Map<string, number>) => new Map([...m].filter(([, n]) => n !== 0));
    expect(got.ordered).toEqual(expected.ordered);
    expect(got.delivered).toEqual(nonZero(expected.delivered));
    expect(gotByCategory.ordered).toEqual(expectedByCategory.ordered);
    expect(gotByCategory.delivered).toEqual(nonZero(expectedByCategory.delivered));
    expect(out.records.commitments).toHaveLength(31);
    expect(out.problems).toEqual([]);
  });

  it("records what SIPRI does not attribute to one donor under a donor group, with a warning naming why", async () => {
    const raw = rawRows();
    const out = await collect(parseSipriTradeRegister(createReadStream(samplePath(file))));
    // "partly financed": imported under the supplier; joint, private or unknown: under a group. Each warned.
    const warned = raw.filter((r) => /(partly|some) financed/i.test(r.comments) || grouped[r.designation]);
    expect(out.warnings.map((w) => w.row).sort((a, b) => a - b)).toEqual(warned.map((r) => r.line));
    for (const w of out.warnings)
      expect(w).toMatchObject({ column: expect.any(String), value: expect.any(String) });
    const leopard = out.records.commitments.find((c) => c.title.startsWith("Leopard-2A4"));
    expect(leopard).toMatchObject({ donor: "JOINT" });
    expect(leopard?.title).toContain("financed jointly by Denmark, Netherlands");
    const zuzana = out.records.commitments.find((c) => c.title.startsWith("Zuzana-2"));
    expect(zuzana?.title).toContain("financed jointly by Denmark, Germany, Norway");
    expect(out.records.commitments.find((c) => c.title.startsWith("Gurkha"))?.title).toContain(
      "from Canada, financed by private donors",
    );
    expect(out.records.commitments.find((c) => c.title.startsWith("vehicle engine"))?.donor).toBe("UNKNOWN");
  });

  it("dates deliveries honestly: one event at the last delivery year, the span as its period, no yearly split", async () => {
    const raw = rawRows();
    const out = await collect(parseSipriTradeRegister(createReadStream(samplePath(file))));
    const delivered = out.records.events.filter((e) => e.stage === "delivered");
    const byLocator = new Map(delivered.map((e) => [e.sources[0]?.locator, e]));
    for (const row of raw) {
      const event = byLocator.get(`row ${row.line}`);
      if (row.delivered === 0) {
        expect(event).toBeUndefined();
        continue;
      }
      expect(event?.date).toBe(row.years.at(-1));
      expect(count(event?.measure as Measure)).toBe(row.delivered);
      if (row.years.length > 1) {
        expect(event?.period).toEqual({ start: row.years[0], end: row.years.at(-1) });
        expect(event?.note).toContain(`Delivered over ${row.years.join("; ")}`);
      } else expect(event?.period).toBeUndefined();
    }
  });

  it("keeps SIPRI's flags, its date, the supplier, and TIV only as SIPRI's indicator", async () => {
    const out = await collect(parseSipriTradeRegister(createReadStream(samplePath(file))));
    const events = out.records.events;
    // "LAV-3": year of order flagged "?"; the number ordered is empty, so the committed figure is undisclosed.
    const lav = out.records.commitments.find((c) => c.title.startsWith("LAV-3"));
    expect(events.find((e) => e.commitment === lav?.id && e.stage === "committed")?.confidence).toBe(
      "undisclosed",
    );
    // "Challenger-2": year flagged "?", number ordered given.
    const challenger = out.records.commitments.find((c) => c.title.startsWith("Challenger-2"));
    expect(events.find((e) => e.commitment === challenger?.id && e.stage === "committed")?.confidence).toBe(
      "estimated",
    );
    expect(events.find((e) => e.commitment === challenger?.id && e.stage === "delivered")?.confidence).toBe(
      "independently_verified",
    );
    const batt = out.records.commitments.find((c) => c.title.startsWith("BATT"));
    expect(batt?.donor).toBe("DE");
    expect(events.find((e) => e.commitment === batt?.id)?.note).toContain("Supplier: United States.");
    for (const record of [...out.records.commitments, ...events]) {
      expect(record.sources[0]).toMatchObject({
        title: "SIPRI Arms Transfers Database, trade register",
        publisher: "Stockholm International Peace Research Institute (SIPRI)",
        url: "https://www.sipri.org/databases/armstransfers",
        published: "2025-03-13",
        locator: expect.stringMatching(/^row \d+$/),
      });
      expect(record.measure.kind).toBe("quantity");
    }
    expect(events.find((e) => e.commitment === batt?.id && e.stage === "committed")?.note).toContain(
      "SIPRI TIV (trend-indicator value, millions: SIPRI's volume indicator, not a price): per unit 0.16, total order 74.56",
    );
  });

  it("gives the same ids and records on every import of the same file", async () => {
    const a = await collect(parseSipriTradeRegister(createReadStream(samplePath(file))));
    const b = await collect(
      parseSipriTradeRegister(createReadStream(samplePath(file), { highWaterMark: 97 })),
    );
    expect(b.items).toEqual(a.items);
    expect(new Set(a.records.commitments.map((c) => c.id)).size).toBe(a.records.commitments.length);
  });
});

describe("SIPRI financing in comments", () => {
  it("finds the financing party or parties, and whether they paid for part only", () => {
    expect(sipriFinancing("Financed by FRG; from German production line")).toMatchObject({
      parties: ["DE"],
      partial: false,
    });
    expect(
      sipriFinancing("Financed by aid from Germany after 2022 Russian invasion of Ukraine")?.parties,
    ).toEqual(["DE"]);
    expect(
      sipriFinancing("Second-hand; financed by German aid; incl 2 driver training version")?.parties,
    ).toEqual(["DE"]);
    expect(sipriFinancing("financed by EUR165 m aid from Denmark and Netherlands")?.parties).toEqual([
      "DK",
      "NL",
    ]);
    expect(sipriFinancing("EUR93 m deal; financed by Denmark; Germany and Norway as aid")?.parties).toEqual([
      "DK",
      "DE",
      "NO",
    ]);
    expect(sipriFinancing("aid (partly financed by EU); incl 11 MiG-29AS")).toMatchObject({
      parties: ["EU"],
      partial: true,
      text: "partly financed by EU",
    });
    expect(sipriFinancing("Financed with private donations; ambulance version")?.parties).toEqual([]);
    expect(sipriFinancing("Aid after 2022 Russian invasion of Ukraine")).toBeNull();
  });

  it("reads the register's other ways of saying who paid", () => {
    // SIPRI's spelling of Luxembourg.
    expect(
      sipriFinancing("Financed by aid from Luxemburg after 2022 Russian invasion of Ukraine")?.parties,
    ).toEqual(["LU"]);
    expect(
      sipriFinancing("financed by aid from Belgium; Luxemburg and Netherlands after 2022 Russian invasion")
        ?.parties,
    ).toEqual(["BE", "LU", "NL"]);
    expect(sipriFinancing("Financed by aid from other states (incl Denmark; Belgium and Luxemburg)")).toEqual(
      {
        parties: ["DK", "BE", "LU"],
        partial: false,
        others: true,
        probable: false,
        text: "Financed by aid from other states (incl Denmark; Belgium and Luxemburg)",
      },
    );
    expect(sipriFinancing("financed by Denmark; Germany and Netherlands aid")?.parties).toEqual([
      "DK",
      "DE",
      "NL",
    ]);
    expect(
      sipriFinancing("Financed by US financial aid after 2022 Russian invasion of Ukraine")?.parties,
    ).toEqual(["US"]);
    // Only some of the order: "incl 190 financed by", "incl some financed by", "85% financed with".
    for (const comments of [
      "Aid; incl 190 financed by USA and rest financed by unidentified other states",
      "Aid after 2022 Russian invasion of Ukraine; incl some financed by Lithuania",
      "EUR137 m deal (incl 5 years support; 85% financed with French loans); for border guard",
      "Second-hand; incl financed with UK private donations as aid",
    ])
      expect(sipriFinancing(comments)?.partial, comments).toBe(true);
    expect(sipriFinancing("CZK25 m ($1 m) deal funded by private aid after 2022")?.text).toBe(
      "funded by private aid after 2022",
    );
    expect(sipriFinancing("Probably financed by USA as aid")).toMatchObject({
      parties: ["US"],
      probable: true,
    });
    // Who was meant to pay is not who paid.
    expect(
      sipriFinancing(
        "originally to be funded by Lithuanian; Polish and Ukrainian private aid but instead donated",
      ),
    ).toBeNull();
  });
});

const header =
  "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons";
const preamble =
  "Transfers of major conventional arms\nA '?' in a column indicates uncertain data.\n\nData generated: 13 Mar 2025 10:02:49 AM\n";

describe("SIPRI files with bad rows", () => {
  it("reports every bad row, not just the first, and imports the good ones", async () => {
    const csv = [
      preamble + header,
      "Ukraine,Norway,2023,,4,,NASAMS-2,SAM system,0,,,New,Aid,15,60,0",
      "Ukraine,Atlantis,2023,,4,,X,SAM system,0,,,New,Aid,15,60,0",
      "Ukraine,Norway,20x3,,four,?,NASAMS-2,SAM system,2,!,2023;2024x,New,Aid,15,60,0",
      "Ukraine,Norway,2023,,4",
      "Ukraine,Norway,2023,,4,,=cmd|' /C calc'!A0,SAM system,0,,,New,Aid,15,60,0",
      "Ukraine,Norway,2023,,4,,NASAMS-2,SAM system,3,,,New,Aid,15,60,0",
      "Ukraine,Norway,2023,,4,,NASAMS-2,SAM system,0,,,New,Aid,15,60,0",
    ].join("\r\n");
    const out = await collect(parseSipriTradeRegister(bytes(Buffer.from(csv, "latin1"))));
    const first = 6;
    expect(out.items.map((i) => [i.row, "problems" in i])).toEqual([
      [first, false],
      [first + 1, true],
      [first + 2, true],
      [first + 3, true],
      [first + 4, true],
      [first + 5, true],
      [first + 6, false],
    ]);
    const at = (row: number) => out.problems.filter((p) => p.row === row).map((p) => [p.column, p.value]);
    expect(at(first + 1)).toEqual([["Supplier", "Atlantis"]]);
    expect(at(first + 2)).toEqual(
      expect.arrayContaining([
        ["Year of order", "20x3"],
        ["Number ordered", "four"],
        ["Number delivered (uncertain)", "!"],
        ["Year(s) of delivery", "2023;2024x"],
      ]),
    );
    expect(out.problems.find((p) => p.row === first + 3)?.message).toMatch(/truncated/);
    expect(at(first + 4)).toEqual([["Weapon designation", "=cmd|' /C calc'!A0"]]);
    expect(at(first + 5)).toEqual([["Year(s) of delivery", undefined]]);
    // The two good rows are the same deal: the second gets the next id, not the same one.
    const ids = out.records.commitments.map((c) => c.id);
    expect(ids[1]).toBe(`${ids[0]}-2`);
  });

  it("skips deals with other recipients whatever names they carry, and reports unknown names when importing every recipient", async () => {
    const csv = [
      preamble + header,
      "Soviet Union,Czechoslovakia,1985,,10,,T-72M1,tank,10,,1986,New,,1,10,10",
      "African Union**,Atlantis,2023,,,,X-1,teleporter,,,,New,,,,",
      "Ukraine,Norway,2023,,4,,NASAMS-2,SAM system,0,,,New,Aid,15,60,0",
      "Moldova,Norway,2023,,4,,NASAMS-2,SAM system,0,,,New,Aid,15,60,0",
    ].join("\r\n");
    const out = await collect(parseSipriTradeRegister(bytes(Buffer.from(csv, "latin1"))));
    expect(out.problems).toEqual([]);
    expect(out.skipped).toEqual({ "a deal with another recipient": 3 });
    expect(out.records.commitments.map((c) => c.recipient)).toEqual(["UA"]);
    const all = await collect(
      parseSipriTradeRegister(bytes(Buffer.from(csv, "latin1")), { recipient: null }),
    );
    expect(all.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [6, "Recipient", "Soviet Union"],
      [6, "Supplier", "Czechoslovakia"],
      [7, "Recipient", "African Union**"],
      [7, "Supplier", "Atlantis"],
    ]);
    expect(all.records.commitments.map((c) => c.recipient)).toEqual(["UA", "MD"]);
  });

  it("records a deal of unknown size with a count of 0, never an invented number", async () => {
    const csv = [
      preamble + header,
      "Ukraine,Germany,2023,,,,Lynx KF-41,infantry fighting vehicle,,,,New,,2.2,0,",
      "Ukraine,Germany,2022,,,,IRIS-T SLM,SAM system,4,,2022; 2023,New,,50,,200",
    ].join("\r\n");
    const out = await collect(parseSipriTradeRegister(bytes(Buffer.from(csv, "latin1"))));
    expect(out.problems).toEqual([]);
    const [lynx, iris] = out.records.commitments;
    expect(lynx?.measure).toMatchObject({ count: "0", item: "Lynx KF-41" });
    const committed = (id?: string) =>
      out.records.events.find((e) => e.commitment === id && e.stage === "committed");
    expect(committed(lynx?.id)).toMatchObject({ confidence: "undisclosed", measure: { count: "0" } });
    expect(committed(lynx?.id)?.note).toContain("SIPRI gives no number ordered yet (not yet available)");
    expect(out.records.events.filter((e) => e.commitment === lynx?.id)).toHaveLength(1);
    // Something delivered: that number is the floor of the order, and says so.
    expect(committed(iris?.id)).toMatchObject({ confidence: "undisclosed", measure: { count: "4" } });
    expect(committed(iris?.id)?.note).toContain("a floor, not the order");
  });

  it("files a weapon description it has no category for as military aid, with a warning naming it", async () => {
    const csv = [preamble + header, "Ukraine,Norway,2023,,4,,Zapper-9,teleporter,0,,,New,Aid,15,60,0"].join(
      "\r\n",
    );
    const out = await collect(parseSipriTradeRegister(bytes(Buffer.from(csv, "latin1"))));
    expect(out.problems).toEqual([]);
    expect(out.records.commitments[0]).toMatchObject({ category: "military" });
    expect(out.records.commitments[0]?.title).toContain("Zapper-9 (teleporter)");
    expect(out.records.events[0]?.note).toContain('"teleporter" has no tracker category yet');
    expect(out.warnings).toEqual([
      expect.objectContaining({ row: 6, column: "Weapon description", value: "teleporter" }),
    ]);
    // A category the caller gives is taken first.
    const mapped = await collect(
      parseSipriTradeRegister(bytes(Buffer.from(csv, "latin1")), { categoryFor: () => "intelligence" }),
    );
    expect(mapped.records.commitments[0]?.category).toBe("intelligence");
    expect(mapped.warnings).toEqual([]);
  });

  it("gives a deal the same id in a later export that revises its numbers, delivery and comments", async () => {
    const march = [preamble + header, "Ukraine,Norway,2023,,,,NASAMS-2,SAM system,0,,,New,Aid,15,,0"];
    const later = [
      `Transfers of major conventional arms\nData generated: 10 Mar 2026 09:00:00 AM\n${header}`,
      "Ukraine,Germany,2022,,4,,IRIS-T SLM,SAM system,4,,2022; 2023,New,,50,200,200",
      "Ukraine,Norway,2023,?,6,,NASAMS-2,SAM system,2,,2025,New,Aid; financed by Norway,15,90,30",
    ];
    const read = async (lines: string[]) =>
      collect(parseSipriTradeRegister(bytes(Buffer.from(lines.join("\r\n"), "latin1"))));
    const [before, after] = [await read(march), await read(later)];
    expect(after.records.commitments[1]?.id).toBe(before.records.commitments[0]?.id);
    expect(after.records.events.filter((e) => e.commitment === before.records.commitments[0]?.id)).toEqual([
      expect.objectContaining({
        id: `${before.records.commitments[0]?.id}-committed`,
        measure: expect.objectContaining({ count: "6" }),
      }),
      expect.objectContaining({ id: `${before.records.commitments[0]?.id}-delivered` }),
    ]);
  });

  it("joins a deal whose comment SIPRI broke over two lines, and reports a short line nothing completes", async () => {
    const csv = [
      preamble + header,
      "Ukraine,Norway,2023,,4,,NASAMS-2,SAM system,0,,,New,For air defence of Kyiv",
      ",15,60,0",
      "Ukraine,Norway,2023,,2,,NASAMS-3,SAM system,0,,,New,Cut short",
      "Ukraine,Norway,2024,,4,,NASAMS-2,SAM system,0,,,New,Aid,15,60,0",
    ].join("\r\n");
    const out = await collect(parseSipriTradeRegister(bytes(Buffer.from(csv, "latin1"))));
    expect(out.items.map((i) => [i.row, "records" in i])).toEqual([
      [6, true],
      [8, false],
      [9, true],
    ]);
    expect(out.records.commitments[0]?.sources[0]?.quote).toBe("For air defence of Kyiv");
    expect(out.records.events[0]?.note).toContain("per unit 15, total order 60");
    expect(out.problems).toEqual([
      expect.objectContaining({ row: 8, message: expect.stringMatching(/truncated/) }),
    ]);
  });

  it("reports a file re-saved as UTF-8, a huge cell and an unbalanced quote, without throwing", async () => {
    const good = "Ukraine,Norway,2023,,4,,NASAMS-2,SAM system,0,,,New,Aid,15,60,0";
    const csv = [
      preamble + header,
      "Ukraine,Türkiye,2023,,4,,Bayraktar TB2,UAV,4,,2023,New,Aid,15,60,60",
      `Ukraine,Norway,2023,,4,,NASAMS-2,SAM system,0,,,New,${"x".repeat(50_000)},15,60,0`,
      good,
      'Ukraine,Norway,2023,,4,,"NASAMS-2,SAM system,0,,,New,Aid,15,60,0',
      good,
    ].join("\r\n");
    const out = await collect(
      parseSipriTradeRegister(bytes(Buffer.from(csv, "utf8")), { maxCellLength: 10_000 }),
    );
    expect(out.problems.find((p) => p.row === 6)?.message).toMatch(/UTF-8 read as Latin-1/);
    expect(out.problems.find((p) => p.row === 7)?.message).toMatch(/longer than 10000/);
    expect(out.records.commitments).toHaveLength(1);
    expect(out.problems.find((p) => p.row === 9)?.message).toMatch(/never closed/);
  });

  it("refuses a file with no header", async () => {
    const out = await collect(parseSipriTradeRegister(bytes("just some text\nand more\n")));
    expect(out.problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/no SIPRI trade register header/) }),
    ]);
  });
});
