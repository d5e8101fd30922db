import { createReadStream, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseIatiActivities } from "./iati.ts";
import { collect, haveSamples, samplePath } from "./testing.ts";

async function* chunked(text: string | Buffer, size = 1 << 16): AsyncGenerator<Uint8Array> {
  const data = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

function money(amount: string, currency: string) {
  return { kind: "money", amount, currency };
}

describe.skipIf(!haveSamples)("IATI standard example", () => {
  const file = "iati-activity-standard-example-annotated.xml";

  it("takes budgets, planned disbursements and commitment/disbursement transactions at the recipient's share", async () => {
    // Plain regular expressions over the raw file: the sums the importer must reproduce.
    const xml = readFileSync(samplePath(file), "utf8");
    const values = (element: string) =>
      [
        ...xml.matchAll(
          new RegExp(`<${element}[\\s>][\\s\\S]*?<value currency="EUR"[^>]*>([\\d.]+)</value>`, "g"),
        ),
      ].map((m) => Number(m[1]));
    const share = Number(/<recipient-country code="AF" percentage="(\d+)"/.exec(xml)?.[1]) / 100;
    const budgets = values("budget").reduce((a, b) => a + b, 0) * share;
    const planned = values("planned-disbursement").reduce((a, b) => a + b, 0) * share;
    const transactionTypes = [...xml.matchAll(/<transaction-type code="(\w+)"/g)].map((m) => m[1]);
    expect(transactionTypes).toEqual(["1"]);

    // The example names no real organisation, so its donor comes from the option.
    const out = await collect(
      parseIatiActivities(createReadStream(samplePath(file)), {
        donor: "NL",
        recipient: "AF",
        url: "https://iatistandard.org/",
      }),
    );
    expect(out.problems).toEqual([]);
    const pledged = out.records.events.filter((e) => e.stage === "pledged");
    expect(pledged.reduce((n, e) => n + Number(e.measure.kind === "money" ? e.measure.amount : 0), 0)).toBe(
      budgets,
    );
    expect(
      out.records.tranches.reduce((n, t) => n + Number(t.measure.kind === "money" ? t.measure.amount : 0), 0),
    ).toBe(planned);
    // Transaction type 1 (incoming funds) is not the donor's promise or delivery.
    expect(out.records.events.filter((e) => e.stage !== "pledged")).toEqual([]);
    expect(out.records.commitments).toEqual([
      expect.objectContaining({
        donor: "NL",
        recipient: "AF",
        title: "Activity title",
        category: "funding.grants",
        measure: money(String(budgets), "EUR"),
        period: { start: "2012-04-28", end: "2015-12-31" },
      }),
    ]);
    expect(out.records.commitments[0]?.sources[0]).toMatchObject({
      publisher: "Organisation name",
      published: "2014-09-10",
      locator: "iati-activity AA-AAA-123456789-ABC123, <iati-activity> on line 6",
    });
  });

  it("without the donor option, records the example's multilateral publisher as an organisation of its own", async () => {
    const out = await collect(parseIatiActivities(createReadStream(samplePath(file)), { recipient: "AF" }));
    expect(out.problems).toEqual([]);
    // reporting-org ref="AA-AAA-123456789" type="40": a multilateral no table holds, named as the file names it.
    expect(out.records.parties).toEqual([
      { id: "AA_AAA_123456789", kind: "organisation", name: "Organisation name" },
    ]);
    expect(new Set(out.records.commitments.map((c) => c.donor))).toEqual(new Set(["AA_AAA_123456789"]));
  });

  it("skips the example for another recipient, counted under its reason", async () => {
    const out = await collect(parseIatiActivities(createReadStream(samplePath(file)), { donor: "NL" }));
    expect(out.items).toEqual([{ row: 6, skipped: "another recipient country" }]);
    expect(out.skipped).toEqual({ "another recipient country": 1 });
  });
});

let activities = 0;
const activity = (body: string, attributes = 'default-currency="EUR"') => `
 <iati-activity ${attributes} last-updated-datetime="2024-02-01T00:00:00Z">
  <iati-identifier>GB-GOV-1-${300_000 + ++activities}</iati-identifier>
  <reporting-org ref="GB-GOV-1" type="10"><narrative>UK - Foreign, Commonwealth and Development Office</narrative></reporting-org>
  <title><narrative xml:lang="fr">Titre</narrative><narrative xml:lang="en">Budget support</narrative></title>
  ${body}
 </iati-activity>`;
const file = (activities: string, version = "2.03") =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="${version}" generated-datetime="2024-03-01T00:00:00Z">${activities}\n</iati-activities>\n`;

describe("IATI activities", () => {
  it("maps transactions, budgets and planned disbursements, per currency, with the default currency", async () => {
    const xml = file(
      activity(`
  <recipient-country code="UA"/>
  <sector vocabulary="1" code="51010"/>
  <budget type="1" status="1"><period-start iso-date="2023-01-01"/><period-end iso-date="2023-12-31"/><value value-date="2023-01-01">500000</value></budget>
  <budget type="2" status="2"><period-start iso-date="2023-01-01"/><period-end iso-date="2023-12-31"/><value value-date="2023-01-01">600000</value></budget>
  <planned-disbursement type="1"><period-start iso-date="2023-04-01"/><period-end iso-date="2023-06-30"/><value value-date="2023-04-01">300000</value></planned-disbursement>
  <transaction><transaction-type code="2"/><transaction-date iso-date="2023-01-15"/><value value-date="2023-01-15">1000000</value></transaction>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2023-05-02"/><value value-date="2023-05-02">250000.50</value>
    <provider-org ref="GB-GOV-1"><narrative>FCDO</narrative></provider-org><receiver-org><narrative>Ministry of Finance of Ukraine</narrative></receiver-org></transaction>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2023-07-01"/><value currency="USD" value-date="2023-07-01">400000</value></transaction>
  <transaction><transaction-type code="4"/><transaction-date iso-date="2023-07-01"/><value>99</value></transaction>
  <transaction><transaction-type code="11"/><transaction-date iso-date="2023-07-01"/><value>99</value></transaction>`),
    );
    const out = await collect(parseIatiActivities(chunked(xml, 7)));
    expect(out.problems).toEqual([]);
    const [eur, usd] = out.records.commitments;
    expect(eur).toMatchObject({
      donor: "GB",
      recipient: "UA",
      title: "Budget support",
      category: "funding.budget_support",
      measure: money("1000000", "EUR"),
    });
    expect(usd).toMatchObject({ measure: money("400000", "USD") });
    const events = out.records.events.map((e) => [
      e.commitment === eur?.id ? "EUR" : "USD",
      e.stage,
      e.date,
      e.measure,
    ]);
    expect(events).toEqual([
      // The revised budget replaces the original one for the same period.
      ["EUR", "pledged", "2023-01-01", money("600000", "EUR")],
      ["EUR", "committed", "2023-01-15", money("1000000", "EUR")],
      ["EUR", "delivered", "2023-05-02", money("250000.5", "EUR")],
      ["USD", "delivered", "2023-07-01", money("400000", "USD")],
    ]);
    expect(out.records.events[2]?.note).toContain("from FCDO to Ministry of Finance of Ukraine");
    expect(out.records.tranches).toEqual([
      expect.objectContaining({
        commitment: eur?.id,
        position: 0,
        due: "2023-06-30",
        measure: money("300000", "EUR"),
      }),
    ]);
    for (const event of out.records.events) {
      expect(event.confidence).toBe("reported_by_donor");
      expect(event.sources[0]).toMatchObject({
        title: "IATI activity file, UK - Foreign, Commonwealth and Development Office",
        published: "2024-02-01",
      });
    }
    const again = await collect(parseIatiActivities(chunked(xml)));
    expect(again.items).toEqual(out.items);
  });

  it("reads IATI 1.0x letter codes and text without narratives, and takes XDR", async () => {
    const xml = file(
      `<iati-activity default-currency="GBP">
  <iati-identifier>XM-DAC-41114-1</iati-identifier>
  <reporting-org ref="XM-DAC-41114">An agency</reporting-org>
  <title>Old style title</title>
  <recipient-country code="UA" percentage="100"/>
  <transaction><transaction-type code="C"/><transaction-date iso-date="2011-02-01"/><value currency="XDR">5000</value></transaction>
  <transaction><transaction-type code="D"/><transaction-date iso-date="2011-03-01"/><value currency="XDR">2000</value></transaction>
  <transaction><transaction-type code="IF"/><transaction-date iso-date="2011-03-01"/><value>1</value></transaction>
 </iati-activity>`,
      "1.05",
    );
    const out = await collect(parseIatiActivities(chunked(xml), { donor: "UN" }));
    expect(out.problems).toEqual([]);
    expect(out.records.commitments).toEqual([
      expect.objectContaining({ title: "Old style title", donor: "UN", measure: money("5000", "XDR") }),
    ]);
    expect(out.records.events.map((e) => [e.stage, e.measure])).toEqual([
      ["committed", money("5000", "XDR")],
      ["delivered", money("2000", "XDR")],
    ]);
  });

  it("reports every bad activity and skips those outside the import, counted per reason", async () => {
    const disbursed = (value: string, attributes = "") =>
      `<transaction><transaction-type code="3"/><transaction-date iso-date="2023-01-15"/><value${attributes}>${value}</value></transaction>`;
    const xml = file(
      [
        // No currency on the value and none by default.
        activity(`<recipient-country code="UA"/>${disbursed("10")}`, ""),
        activity(`<recipient-country code="UA"/>${disbursed("10", ' currency="XYZ"')}`),
        // More reversed than disbursed.
        activity(`<recipient-country code="UA"/>${disbursed("-10")}`),
        // A negative budget: a plan is never a correction.
        activity(
          `<recipient-country code="UA"/><budget><period-start iso-date="2023-01-01"/><period-end iso-date="2023-12-31"/><value>-5</value></budget>`,
        ),
        // Several countries, and no percentage for Ukraine's share.
        activity(`<recipient-country code="UA"/><recipient-country code="MD"/>${disbursed("10")}`),
        activity(disbursed("10")),
        activity(`<recipient-region code="89"/>${disbursed("10")}`),
        activity(`<recipient-country code="MD"/>${disbursed("10")}`),
        activity(
          `<recipient-country code="UA" percentage="40"/><recipient-country code="MD" percentage="60"/>${disbursed("25")}${disbursed("-10")}`,
        ),
      ].join(""),
    );
    const out = await collect(parseIatiActivities(chunked(xml)));
    expect(
      out.items.map((i) => ("problems" in i ? "problems" : "skipped" in i ? i.skipped : "records")),
    ).toEqual([
      "problems",
      "problems",
      "problems",
      "problems",
      "problems",
      "no recipient country",
      "no recipient country",
      "another recipient country",
      "records",
    ]);
    expect(out.skipped).toEqual({ "no recipient country": 2, "another recipient country": 1 });
    expect(out.problems.map((p) => [p.column, p.value ?? null])).toEqual([
      ["transaction/value/@currency", null],
      ["transaction/value/@currency", null],
      ["transaction/value", "-10 EUR"],
      ["budget/value", "-5"],
      ["recipient-country/@percentage", null],
    ]);
    expect(out.problems[0]?.message).toMatch(/no currency, and the activity has no default-currency/);
    expect(out.problems[1]?.message).toMatch(/ISO 4217/);
    // 40% of 25 and of -10 for UA: a disbursement and its partial reversal, as the publisher reports them.
    expect(out.records.events.map((e) => e.measure)).toEqual([money("10", "EUR"), money("-4", "EUR")]);
    expect(out.records.events[1]?.note).toContain(
      "A negative value: a reversal, as the publisher reports it.",
    );
    expect(out.records.events[1]?.note).toContain(
      "40% of the figure (-10 EUR), the recipient-country share for UA",
    );
    expect(out.records.commitments.map((c) => c.measure)).toEqual([money("6", "EUR")]);
  });

  it("takes a secondary reporter's figures as its funding organisation's, and asks when that is unclear", async () => {
    const reported = (funders: string) => `
 <iati-activity default-currency="USD">
  <iati-identifier>GB-COH-06368740-${funders.length}</iati-identifier>
  <reporting-org ref="GB-COH-06368740" type="70" secondary-reporter="1"><narrative>A data publisher</narrative></reporting-org>
  ${funders}
  <recipient-country code="UA"/>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2024-01-15"/><value>10</value></transaction>
 </iati-activity>`;
    const cerf =
      '<participating-org ref="XM-DAC-41127" role="1" type="40"><narrative>OCHA</narrative></participating-org>';
    const implementer = '<participating-org ref="GB-CHC-1105851" role="4" type="21"/>';
    const two = `${cerf}<participating-org ref="XM-DAC-5" role="1" type="10"/>`;
    const out = await collect(
      parseIatiActivities(chunked(file(`${reported(cerf + implementer)}${reported(two)}`))),
    );
    expect(out.records.commitments.map((c) => c.donor)).toEqual(["OCHA"]);
    expect(out.records.parties).toBeUndefined();
    expect(out.problems).toEqual([
      expect.objectContaining({
        column: "reporting-org/@secondary-reporter",
        message: expect.stringMatching(/secondary reporter, and 2 funding organisations/),
      }),
    ]);
  });
});

describe("hostile XML", () => {
  const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<iati-activities version="2.03"><iati-activity><title>&lol3;</title></iati-activity></iati-activities>`;
  const external = `<?xml version="1.0"?>
<!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<iati-activities version="2.03"><iati-activity><title>&xxe;</title></iati-activity></iati-activities>`;

  it.each([
    ["an XML bomb", laughs, 2, /DOCTYPE declaration: refused/],
    ["an external entity", external, 2, /DOCTYPE declaration: refused/],
    ["a bomb split into 3-byte chunks", laughs, 2, /DOCTYPE declaration: refused/],
    ["an undeclared entity", file(activity("<description>&xxe;</description>")), 7, /undefined entity/],
    ["a truncated file", file(activity("")).slice(0, 200), 0, /not well-formed|never|unclosed|no IATI/i],
    ["another root element", "<html><body/></html>", 1, /not an IATI activity file/],
    [
      "an ENTITY without DOCTYPE",
      '<iati-activities><!ENTITY x "y"></iati-activities>',
      1,
      /ENTITY declaration: refused/,
    ],
  ])("refuses %s with a problem, without expanding anything", async (name, xml, row, message) => {
    const size = name.includes("3-byte") ? 3 : 1 << 16;
    const out = await collect(parseIatiActivities(chunked(xml, size), { donor: "GB" }));
    expect(out.records).toEqual({ commitments: [], tranches: [], events: [] });
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]?.message).toMatch(message);
    if (row > 0) expect(out.problems[0]?.row).toBe(row);
    expect(JSON.stringify(out)).not.toContain("lollol");
  });

  it("stops at a single token larger than memory should hold, before it ends", async () => {
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('<iati-activities><iati-activity><title a="');
      // An attribute that never ends: without the cap the parser would keep it all.
      for (let i = 0; i < 10_000; i++) yield Buffer.alloc(65_536, "x");
    }
    const out = await collect(parseIatiActivities(endless()));
    expect(out.problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/single XML token longer/) }),
    ]);
  });

  it("reports an activity that appears twice", async () => {
    const body = `<recipient-country code="UA"/><transaction><transaction-type code="3"/><transaction-date iso-date="2023-01-15"/><value>10</value></transaction>`;
    const one = activity(body);
    const out = await collect(parseIatiActivities(chunked(file(`${one}${one}`))));
    expect(out.records.events).toHaveLength(1);
    expect(out.problems).toEqual([
      expect.objectContaining({
        column: "iati-identifier",
        message: expect.stringMatching(/more than once/),
      }),
    ]);
  });

  it("caps a huge text and deep nesting", async () => {
    const huge = file(activity(`<description><narrative>${"x".repeat(200_000)}</narrative></description>`));
    const big = await collect(parseIatiActivities(chunked(huge), { maxCellLength: 10_000 }));
    expect(big.problems).toEqual([
      expect.objectContaining({ column: "narrative", message: expect.stringMatching(/longer than 10000/) }),
    ]);
    const deep = file(activity(`${"<a>".repeat(5000)}${"</a>".repeat(5000)}`));
    const nested = await collect(parseIatiActivities(chunked(deep)));
    expect(nested.problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/nested more than 100 deep/) }),
    ]);
  });

  it("keeps what was read before a broken activity, and says where reading stopped", async () => {
    const good = activity(
      `<recipient-country code="UA"/><transaction><transaction-type code="3"/><transaction-date iso-date="2023-01-15"/><value>10</value></transaction>`,
    );
    const xml = file(`${good}${activity("<title>broken</titl>")}`);
    const out = await collect(parseIatiActivities(chunked(xml)));
    expect(out.records.events).toHaveLength(1);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]?.message).toMatch(/not well-formed/);
  });

  it("reports bytes that are not in the declared encoding, by activity", async () => {
    const body = `<recipient-country code="UA"/><transaction><transaction-type code="3"/><transaction-date iso-date="2023-01-15"/><value>10</value><description><narrative>Aide à l'Ukraine</narrative></description></transaction>`;
    const xml = file(`${activity(body)}${activity(body.replace("Aide", "Help"))}`);
    // Latin-1 bytes under a UTF-8 declaration.
    const out = await collect(parseIatiActivities(chunked(Buffer.from(xml, "latin1"))));
    expect(out.problems).toHaveLength(2);
    expect(out.problems[0]).toMatchObject({
      column: "narrative",
      message: expect.stringMatching(/not valid utf-8/),
    });
  });

  it("reads a file in the encoding its declaration names", async () => {
    const xml = file(
      activity(
        `<recipient-country code="UA"/><transaction><transaction-type code="3"/><transaction-date iso-date="2023-01-15"/><value>10</value><description><narrative>Aide à l'Ukraine</narrative></description></transaction>`,
      ),
    ).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const out = await collect(parseIatiActivities(chunked(Buffer.from(xml, "latin1"))));
    expect(out.records.events[0]?.note).toContain("Aide à l'Ukraine");
  });
});
