// SIPRI's whole trade register, as SIPRI publishes it: every recipient, 29,515 deals. Read once for the file.
import { readFileSync } from "node:fs";
import type { CommitmentRecord, StageEvent } from "@commitments/core";
import { beforeAll, describe, expect, it } from "vitest";
import { parseSipriTradeRegister } from "./sipri.ts";
import { sipriDescriptionCategory, sipriWeaponCategories } from "./sipri-categories.ts";
import { sipriFinancing } from "./sipri-financing.ts";
import { bytes, type Collected, collect, dataPath, haveData } from "./testing.ts";

const file = "sipri/trade-register.csv";

interface Deal {
  line: number;
  recipient: string;
  supplier: string;
  ordered: number | null;
  delivered: number;
  description: string;
  comments: string;
}

/**
 * The register read with a few lines of plain parsing: Latin-1, the header found by its first words, no quoted
 * cells (SIPRI writes semicolons for commas), and a line with too few cells continued by the next (SIPRI writes a
 * line break inside a comment as it is).
 */
function rawDeals(text: string): Deal[] {
  expect(text).not.toContain('"');
  const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));
  const header = lines.findIndex((line) => line.startsWith("Recipient,Supplier,"));
  const width = (lines[header] as string).split(",").length;
  const deals: Deal[] = [];
  const misshapen: number[] = [];
  for (let i = header + 1; i < lines.length; i++) {
    const line = i + 1;
    let cells = (lines[i] as string).split(",");
    if (cells.length === 1 && cells[0] === "") continue;
    while (cells.length < width && i + 1 < lines.length) {
      const [head = "", ...tail] = (lines[++i] as string).split(",");
      cells = [...cells.slice(0, -1), `${cells.at(-1)} ${head}`, ...tail];
    }
    if (cells.length !== width) misshapen.push(line);
    const [recipient = "", supplier = "", , , ordered = "", , , description = "", delivered = ""] = cells;
    deals.push({
      line,
      recipient,
      supplier,
      ordered: ordered === "" ? null : Number(ordered),
      delivered: delivered === "" ? 0 : Number(delivered),
      description,
      comments: (cells[12] ?? "").trim(),
    });
  }
  expect(misshapen).toEqual([]);
  return deals;
}

/** Every supplier of Ukraine's deals in the register, mapped by hand to the tracker's parties. */
const suppliers: Record<string, string> = {
  "United States": "US",
  "United Kingdom": "GB",
  Germany: "DE",
  Poland: "PL",
  Czechia: "CZ",
  France: "FR",
  Netherlands: "NL",
  Norway: "NO",
  Sweden: "SE",
  Italy: "IT",
  Belgium: "BE",
  Canada: "CA",
  Spain: "ES",
  Slovakia: "SK",
  Estonia: "EE",
  Turkiye: "TR",
  Lithuania: "LT",
  Croatia: "HR",
  Latvia: "LV",
  Australia: "AU",
  Slovenia: "SI",
  Denmark: "DK",
  Portugal: "PT",
  Finland: "FI",
  Romania: "RO",
  UAE: "AE",
  "unknown supplier(s)": "UNKNOWN",
  "North Macedonia": "MK",
  Qatar: "QA",
  Jordan: "JO",
  Greece: "GR",
  Bulgaria: "BG",
  "South Korea": "KR",
  Morocco: "MA",
  "Bosnia-Herzegovina": "BA",
  Montenegro: "ME",
};

/**
 * Whom each of Ukraine's deals is recorded under, read by hand from the register's comments, first match wins:
 * the supplier where others paid for part only; private donors; several financiers with no split; the one
 * financier named.
 */
const financedBy: readonly [RegExp, string][] = [
  [/partly financed|incl (\d+ |some )?financed|\d+% financed/i, "supplier"],
  [/private|donated by producer/i, "PRIVATE"],
  [
    /other states \(incl|Denmark; Germany and Netherlands|Belgium; Luxemburg and Netherlands|Denmark and Netherlands|Denmark; Netherlands and Sweden|EU and USA|Netherlands and USA|Denmark; Germany and Norway/,
    "JOINT",
  ],
  [/financed by (aid from )?Denmark/i, "DK"],
  [/financed by EU/i, "EU"],
  [/financed by (aid from Germany|German aid|Germany|FRG)/i, "DE"],
  [/financed by UK aid/i, "GB"],
  [/financed by Canada/i, "CA"],
  [/financed by (USA|US financial aid)/i, "US"],
  [/financed by aid from Luxemburg/i, "LU"],
  [/financed by Belgian aid/i, "BE"],
  [/financed by Netherlands/i, "NL"],
];

function donorOf(deal: Deal): string {
  const supplier = suppliers[deal.supplier] as string;
  if (!/financ|fund|donated/i.test(deal.comments)) return supplier;
  const rule = financedBy.find(([pattern]) => pattern.test(deal.comments));
  expect(rule, `no hand reading of line ${deal.line}: ${deal.comments}`).toBeDefined();
  return rule?.[1] === "supplier" ? supplier : (rule?.[1] as string);
}

function add(map: Map<string, number>, key: string, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

describe.skipIf(!haveData)("SIPRI's whole trade register", () => {
  let raw: Deal[];
  let out: Collected;
  beforeAll(async () => {
    const buffer = readFileSync(dataPath(file));
    raw = rawDeals(buffer.toString("latin1"));
    out = await collect(parseSipriTradeRegister(bytes(buffer)));
  });

  it("imports Ukraine's deals with no problem and skips every deal with another recipient", () => {
    expect(out.problems).toEqual([]);
    const ukraine = raw.filter((d) => d.recipient === "Ukraine");
    expect(out.skipped).toEqual({ "a deal with another recipient": raw.length - ukraine.length });
    expect(out.records.commitments).toHaveLength(ukraine.length);
    expect(out.records.commitments.every((c) => c.recipient === "UA")).toBe(true);
    expect(new Set(out.records.commitments.map((c) => c.id)).size).toBe(ukraine.length);
  });

  it("gives the units ordered (where SIPRI gives them) and delivered, in total, per supplier and per donor, as the file", () => {
    const expected = new Map<string, number>();
    for (const deal of raw.filter((d) => d.recipient === "Ukraine")) {
      for (const by of ["all", `supplier ${deal.supplier}`, `donor ${donorOf(deal)}`]) {
        if (deal.ordered !== null) add(expected, `${by} ordered`, deal.ordered);
        else add(expected, `${by} not yet known`, 1);
        add(expected, `${by} delivered`, deal.delivered);
      }
    }
    const lines = new Map<string, CommitmentRecord>(out.records.commitments.map((c) => [c.id, c]));
    const events = new Map<string, StageEvent[]>();
    for (const event of out.records.events)
      events.set(event.commitment, [...(events.get(event.commitment) ?? []), event]);
    const got = new Map<string, number>();
    for (const [id, line] of lines) {
      const committed = events.get(id)?.find((e) => e.stage === "committed") as StageEvent;
      const delivered = events.get(id)?.find((e) => e.stage === "delivered");
      const supplier = /^Supplier: (.*?)\. /.exec(committed.note ?? "")?.[1];
      const count = (e?: StageEvent) => (e?.measure.kind === "quantity" ? Number(e.measure.count) : 0);
      for (const by of ["all", `supplier ${supplier}`, `donor ${line.donor}`]) {
        // A number ordered SIPRI does not give yet is "undisclosed", its count the number delivered so far.
        if (committed.confidence !== "undisclosed") add(got, `${by} ordered`, count(committed));
        else {
          add(got, `${by} not yet known`, 1);
          expect(count(committed)).toBe(count(delivered));
        }
        add(got, `${by} delivered`, count(delivered));
      }
    }
    const nonZero = (m: Map<string, number>) => new Map([...m].filter(([, n]) => n !== 0));
    expect(nonZero(got)).toEqual(nonZero(expected));
    expect(expected.get("all not yet known")).toBeGreaterThan(0);
  });

  it("has a category table entry for every weapon description of every recipient, and no entry the register lacks", () => {
    const descriptions = new Set(raw.map((d) => d.description));
    const missing = [...descriptions].filter((d) => sipriDescriptionCategory(d) === undefined);
    expect(missing).toEqual([]);
    const used = new Set([...descriptions].map((d) => d.toLowerCase()));
    expect(Object.keys(sipriWeaponCategories).filter((d) => !used.has(d.toLowerCase()))).toEqual([]);
    expect(out.warnings.filter((w) => w.column === "Weapon description")).toEqual([]);
  });

  it("reads who paid in every comment of Ukraine's deals that speaks of financing", () => {
    for (const deal of raw.filter((d) => d.recipient === "Ukraine" && /financ|funded/i.test(d.comments))) {
      const financing = sipriFinancing(deal.comments);
      if (/originally to be funded/.test(deal.comments)) continue;
      expect(financing, deal.comments).not.toBeNull();
      if (!/private/i.test(deal.comments))
        expect(financing?.parties.length, deal.comments).toBeGreaterThan(0);
    }
  });
});
