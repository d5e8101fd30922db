import { createReadStream, readdirSync, readFileSync } from "node:fs";
import { divide, type Measure, multiply, normalize, sum } from "@commitments/core";
import { describe, expect, it } from "vitest";
import { parseIatiActivities } from "./iati.ts";
import { collect } from "./testing.ts";

/*
 * IATI files as publishers write them (fixtures/iati: layouts of standard 1.01 to 2.03, invented figures). The
 * tracker-side sums per donor, stage and currency must equal sums read from the XML by the few regular expressions
 * below: a reading of the test's own, which shares nothing with the importer but the standard.
 */

const fixtures = new URL("./fixtures/iati/", import.meta.url);
const files = readdirSync(fixtures)
  .filter((name) => name.endsWith(".xml"))
  .sort();
const path = (name: string) => new URL(name, fixtures);

/** The fixtures' organisation identifiers, mapped by hand to the tracker's parties. */
const donorsByHand: Record<string, string> = {
  "XM-DAC-41114": "UNDP",
  "XI-IATI-EC_NEAR": "EU",
  "XM-DAC-5-7": "DE",
  "XM-DAC-918": "EU",
  "SE-0": "SE",
  "GB-CHC-1999999": "GB_CHC_1999999",
  "GB-1": "GB",
  "US-USAGOV": "US",
};

/** IATI TransactionType: outgoing commitments, disbursements, reimbursements and (2.03) outgoing pledges. */
const stageOfType: Record<string, string> = {
  "2": "committed",
  C: "committed",
  "3": "delivered",
  D: "delivered",
  "7": "delivered",
  R: "delivered",
  "12": "pledged",
};

const attribute = (tag: string | undefined, name: string) =>
  tag === undefined ? undefined : new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const openTag = (xml: string, name: string) => new RegExp(`<${name}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
const elements = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}(?=[\\s>])[\\s\\S]*?</${name}>`, "g"))].map((m) => m[0]);

interface Expected {
  /** "donor stage currency" → the exact sum of the figures for Ukraine. */
  events: Map<string, string>;
  /** "donor currency" → the planned disbursements. */
  tranches: Map<string, string>;
  skipped: Record<string, number>;
}

function expectedFrom(xml: string): Expected {
  const events = new Map<string, string[]>();
  const tranches = new Map<string, string[]>();
  const skipped: Record<string, number> = {};
  const add = (into: Map<string, string[]>, key: string, value: string, share: string) =>
    into.set(key, [
      ...(into.get(key) ?? []),
      share === "100" ? value : divide(multiply(value, share), "100", 10),
    ]);
  for (const activity of elements(xml, "iati-activity")) {
    const defaultCurrency = attribute(openTag(activity, "iati-activity"), "default-currency");
    const reporting = attribute(openTag(activity, "reporting-org"), "ref") as string;
    const transactions = elements(activity, "transaction");
    const outside = activity.replace(/<transaction[\s>][\s\S]*?<\/transaction>/g, "");
    const countries = [...outside.matchAll(/<recipient-country\b[^>]*>/g)].map((m) => m[0]);
    const named = [...countries, ...transactions.flatMap((t) => openTag(t, "recipient-country") ?? [])];
    if (named.length === 0 || !named.some((tag) => attribute(tag, "code") === "UA")) {
      const reason = named.length === 0 ? "no recipient country" : "another recipient country";
      skipped[reason] = (skipped[reason] ?? 0) + 1;
      continue;
    }
    const ukraine = countries.find((tag) => attribute(tag, "code") === "UA");
    const share = ukraine ? (attribute(ukraine, "percentage") ?? "100") : null;
    const moneyIn = (figure: string) => {
      const value = /<value\b([^>]*)>([^<]*)<\/value>/.exec(figure) as RegExpExecArray;
      return {
        amount: (value[2] as string).trim(),
        currency: attribute(value[0], "currency") ?? defaultCurrency,
      };
    };
    for (const transaction of transactions) {
      const stage = stageOfType[attribute(openTag(transaction, "transaction-type"), "code") ?? ""];
      if (!stage) continue;
      const country = attribute(openTag(transaction, "recipient-country"), "code");
      const regional = openTag(transaction, "recipient-region") !== undefined;
      const own = country !== undefined ? (country === "UA" ? "100" : null) : regional ? null : share;
      if (own === null) continue;
      const donor = donorsByHand[attribute(openTag(transaction, "provider-org"), "ref") ?? reporting];
      const { amount, currency } = moneyIn(transaction);
      add(events, `${donor} ${stage} ${currency}`, amount, own);
    }
    // Budgets and planned disbursements name no country: Ukraine's share of them is known only from the activity.
    if (share === null) continue;
    const budgets = elements(activity, "budget");
    const period = (budget: string) => `${openTag(budget, "period-start")} ${openTag(budget, "period-end")}`;
    const revised = new Set(
      budgets.filter((b) => attribute(openTag(b, "budget"), "type") === "2").map(period),
    );
    for (const budget of budgets) {
      if (attribute(openTag(budget, "budget"), "type") !== "2" && revised.has(period(budget))) continue;
      const { amount, currency } = moneyIn(budget);
      add(events, `${donorsByHand[reporting]} pledged ${currency}`, amount, share);
    }
    for (const planned of elements(activity, "planned-disbursement")) {
      const donor = donorsByHand[attribute(openTag(planned, "provider-org"), "ref") ?? reporting];
      const { amount, currency } = moneyIn(planned);
      add(tranches, `${donor} ${currency}`, amount, share);
    }
  }
  const summed = (map: Map<string, string[]>) => new Map([...map].map(([key, values]) => [key, sum(values)]));
  return { events: summed(events), tranches: summed(tranches), skipped };
}

async function imported(name: string) {
  const out = await collect(parseIatiActivities(createReadStream(path(name))));
  const byId = new Map(out.records.commitments.map((c) => [c.id, c]));
  const totals = (
    figures: { commitment: string; measure: Measure }[],
    key: (donor: string, currency: string) => string,
  ) => {
    const lists = new Map<string, string[]>();
    for (const figure of figures) {
      const commitment = byId.get(figure.commitment);
      if (!commitment || figure.measure.kind !== "money")
        throw new Error(`no money commitment for ${figure.commitment}`);
      const { amount, currency } = figure.measure;
      const k = key(commitment.donor, currency);
      lists.set(k, [...(lists.get(k) ?? []), amount]);
    }
    return new Map([...lists].map(([k, values]) => [k, sum(values)]));
  };
  return {
    out,
    events: new Map(
      [...new Set(out.records.events.map((e) => e.stage))].flatMap((stage) => [
        ...totals(
          out.records.events.filter((e) => e.stage === stage),
          (donor, currency) => `${donor} ${stage} ${currency}`,
        ),
      ]),
    ),
    tranches: totals(out.records.tranches, (donor, currency) => `${donor} ${currency}`),
  };
}

const sorted = (map: Map<string, string>) => [...map].map(([k, v]) => [k, normalize(v)]).sort();

describe("IATI files as publishers write them, standards 1.01 to 2.03", () => {
  it("has a file for every version of the standard", () => {
    const versions = files.map((name) =>
      attribute(openTag(readFileSync(path(name), "utf8"), "iati-activities"), "version"),
    );
    expect(versions.sort()).toEqual(["1.01", "1.03", "1.05", "2.01", "2.02", "2.03"]);
  });

  it.each(files)("%s: per donor, stage and currency, the tracker's sums are the file's", async (name) => {
    const expected = expectedFrom(readFileSync(path(name), "utf8"));
    const got = await imported(name);
    expect(got.out.problems).toEqual([]);
    expect(got.out.skipped).toEqual(expected.skipped);
    expect(sorted(got.events)).toEqual(sorted(expected.events));
    expect(sorted(got.tranches)).toEqual(sorted(expected.tranches));
    // A commitment is never negative, whatever was reversed.
    for (const c of got.out.records.commitments) {
      expect(c.measure.kind === "money" && !c.measure.amount.startsWith("-")).toBe(true);
    }
  });

  it("counts what the files leave out, per reason, across versions", async () => {
    const skipped: Record<string, number> = {};
    for (const name of files) {
      for (const [reason, n] of Object.entries((await imported(name)).out.skipped))
        skipped[reason] = (skipped[reason] ?? 0) + n;
    }
    // Regional and global: UNDP's two, Sida's regional one, DFID's global one; elsewhere: MD, GE, PL.
    expect(skipped).toEqual({ "no recipient country": 4, "another recipient country": 3 });
  });

  it("records reversals and decommitments as the publisher reports them", async () => {
    const { out } = await imported("ec-near-2.02.xml");
    const decommitment = out.records.events.find(
      (e) => e.measure.kind === "money" && e.measure.amount === "-5000000",
    );
    expect(decommitment).toMatchObject({ stage: "committed", date: "2023-11-15" });
    expect(decommitment?.note).toContain("a reduced or cancelled commitment, as the publisher reports it");
    expect(decommitment?.note).toContain("Decommitment: the last variable tranche was not released");
    // The line's size is what was committed, net of the decommitment.
    expect(out.records.commitments[0]?.measure).toEqual({
      kind: "money",
      amount: "45000000",
      currency: "EUR",
    });
  });

  it("takes the donor from the provider where given, else from the reporting organisation", async () => {
    const { out } = await imported("ec-near-2.02.xml");
    const shelters = out.records.commitments.filter((c) => c.title.startsWith("Delegated cooperation"));
    // Germany's money through the Commission is Germany's; the Commission's own share is the EU's.
    expect(shelters.map((c) => [c.donor, c.measure.kind === "money" && c.measure.amount])).toEqual([
      ["DE", "8000000"],
      ["EU", "2000000"],
    ]);
    expect(shelters[0]?.id).toMatch(/-by-de-eur$/);
    // A provider named without an identifier is taken as the reporting organisation.
    const equipment = out.records.commitments.find((c) => c.title.startsWith("Civil protection"));
    expect(equipment).toMatchObject({ donor: "EU", measure: { amount: "1750000" } });
  });

  it("introduces a foundation as an organisation, under the name it gives itself", async () => {
    const { out } = await imported("foundation-1.05.xml");
    expect(out.records.parties).toEqual([
      { id: "GB_CHC_1999999", kind: "organisation", name: "Example Relief Foundation (test fixture)" },
    ]);
    expect(new Set(out.records.commitments.map((c) => c.donor))).toEqual(new Set(["GB_CHC_1999999"]));
    // Every item whose records need the party carries it.
    const items = out.items.filter((i) => "records" in i);
    expect(items.map((i) => ("records" in i ? i.records.parties?.map((p) => p.id) : []))).toEqual([
      ["GB_CHC_1999999"],
      ["GB_CHC_1999999"],
    ]);
  });

  it("reads 1.0x dates, sectors and codes, and keeps XDR apart", async () => {
    const { out } = await imported("dfid-1.03.xml");
    expect(out.records.commitments.map((c) => [c.donor, c.measure, c.period, c.category])).toEqual([
      [
        "GB",
        { kind: "money", amount: "5000000", currency: "GBP" },
        { start: "2013-05-13", end: "2016-03-31" },
        "funding.grants",
      ],
      [
        "GB",
        { kind: "money", amount: "300000", currency: "XDR" },
        { start: "2013-05-13", end: "2016-03-31" },
        "funding.grants",
      ],
    ]);
    // R, a reimbursement, is a disbursement; LR, a loan repayment, is not the donor's.
    const types = out.records.events
      .filter((e) => e.stage === "delivered")
      .map((e) => /^IATI transaction type (\w+) \((\w+)\)/.exec(e.note ?? "")?.slice(1));
    expect(types).toEqual([
      ["D", "disbursement"],
      ["R", "reimbursement"],
      ["D", "disbursement"],
    ]);
  });

  it("takes a multi-country activity's share, per transaction countries where given, and says what it left out", async () => {
    const { out } = await imported("undp-2.03.xml");
    const mines = out.records.events.filter((e) => e.note?.includes("60% of the figure"));
    expect(mines.map((e) => [e.stage, e.measure.kind === "money" && e.measure.amount])).toEqual([
      ["pledged", "480000"],
      ["committed", "600000"],
      ["delivered", "150000.15"],
      ["delivered", "-30000"],
    ]);
    expect(out.warnings).toEqual([
      expect.objectContaining({
        column: "recipient-country",
        message: expect.stringMatching(/1 budget\(s\) or planned disbursement\(s\) left out/),
      }),
    ]);
    const pledge = out.records.events.find((e) => e.note?.startsWith("IATI transaction type 12"));
    expect(pledge).toMatchObject({ stage: "pledged", measure: { amount: "500000", currency: "USD" } });
  });

  it("reads the same records whatever the chunks", async () => {
    for (const name of files) {
      const bytes = readFileSync(path(name));
      async function* small(): AsyncGenerator<Uint8Array> {
        for (let i = 0; i < bytes.length; i += 97) yield bytes.subarray(i, i + 97);
      }
      expect((await collect(parseIatiActivities(small()))).items).toEqual((await imported(name)).out.items);
    }
  });
});
