// SIPRI's whole trade register, as SIPRI publishes it: every recipient, 29,515 deals. Read once for the file.
import { readFileSync } from "node:fs";
import type { CommitmentRecord, StageEvent } from "@commitments/core";
import { beforeAll, describe, expect, it } from "vitest";
import { rawSipriDeals, type SipriDeal, sipriDonorOf } from "../test/raw-files.ts";
import { parseSipriTradeRegister } from "./sipri.ts";
import { sipriDescriptionCategory, sipriWeaponCategories } from "./sipri-categories.ts";
import { sipriFinancing } from "./sipri-financing.ts";
import { bytes, type Collected, collect, dataPath, haveData } from "./testing.ts";

const file = "sipri/trade-register.csv";

function add(map: Map<string, number>, key: string, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

describe.skipIf(!haveData)("SIPRI's whole trade register", () => {
  let raw: SipriDeal[];
  let out: Collected;
  beforeAll(async () => {
    const buffer = readFileSync(dataPath(file));
    raw = rawSipriDeals(buffer.toString("latin1"));
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
      for (const by of ["all", `supplier ${deal.supplier}`, `donor ${sipriDonorOf(deal)}`]) {
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
