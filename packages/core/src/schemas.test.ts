import { describe, expect, it } from "vitest";
import { expectValid, issuePaths, source, sources } from "../test/schema-checks.ts";
import { Agreement, AgreementStatusChange, Provision, provisionKinds, Slug } from "./agreements.ts";
import { CategoryId } from "./categories.ts";
import { IsoDate, PartialDate } from "./dates.ts";
import { CurrencyCode, DecimalString, Measure, Money, NonNegativeDecimal, Quantity } from "./money.ts";
import { donorGroups, isoStates, organisations, Party, PartyId } from "./parties.ts";
import { Source, Sources } from "./sources.ts";

describe("PartialDate and IsoDate", () => {
  it.each(["2024", "2024-02", "2024-02-29", "2000-02-29", "2023-12-31", "1994-12-05"])(
    "PartialDate accepts %s",
    (v) => expectValid(PartialDate, v),
  );

  it.each([
    ["2024-02-30", "no such day"],
    ["2023-02-29", "no such day"],
    ["1900-02-29", "no such day"],
    ["2024-04-31", "no such day"],
    ["2023-13", "expected YYYY"],
    ["2023-00", "expected YYYY"],
    ["2023-01-00", "expected YYYY"],
    ["2024-1", "expected YYYY"],
    ["24", "expected YYYY"],
    ["2014/2015", "expected YYYY"],
    ["mid-February 2024", "expected YYYY"],
    ["2024-01-12T00:00:00Z", "expected YYYY"],
  ])("PartialDate rejects %s (%s)", (value, message) => {
    expect(issuePaths(PartialDate, value)).toEqual([[]]);
    expect(PartialDate.safeParse(value).error?.issues[0]?.message).toMatch(message);
  });

  it("PartialDate rejects a number", () => {
    expect(issuePaths(PartialDate, 2024)).toEqual([[]]);
  });

  it.each(["2024-01-12", "2024-02-29"])("IsoDate accepts %s", (v) => expectValid(IsoDate, v));

  it.each(["2024", "2024-01", "2024-02-30", "2023-13-01", "2024-1-12"])("IsoDate rejects %s", (v) => {
    expect(issuePaths(IsoDate, v)).toEqual([[]]);
  });
});

describe("Source and Sources", () => {
  it("accepts a full citation and a bare one", () => {
    expectValid(Source, source);
    expectValid(Source, { title: "Kiel Ukraine Support Tracker", kind: "dataset" });
    expectValid(Source, { ...source, url: "http://example.org/report.pdf" });
  });

  it.each([
    ["an ftp url", { ...source, url: "ftp://example.org/file" }, ["url"]],
    ["a javascript: url", { ...source, url: "javascript:alert(1)" }, ["url"]],
    ["a bare word as url", { ...source, url: "gov.uk" }, ["url"]],
    ["an empty title", { ...source, title: "   " }, ["title"]],
    ["an unknown kind", { ...source, kind: "rumour" }, ["kind"]],
    ["an impossible publication date", { ...source, published: "2024-02-30" }, ["published"]],
    ["an unknown key", { ...source, page: 3 }, []],
  ] as const)("rejects %s", (_, value, path) => {
    expect(issuePaths(Source, value)).toEqual([path]);
  });

  it("requires at least one source", () => {
    expectValid(Sources, sources);
    const result = Sources.safeParse([]);
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [[], "every record needs at least one source"],
    ]);
    expect(issuePaths(Sources, [source, { title: "x" }])).toEqual([[1, "kind"]]);
    expect(issuePaths(Sources, Array(51).fill(source))).toEqual([[]]);
  });
});

describe("Party", () => {
  it("accepts states by ISO alpha-2, organisations and donor groups by short id", () => {
    expectValid(Party, { id: "GB", kind: "state", name: "United Kingdom", alpha3: "GBR" });
    expectValid(Party, { id: "NATO", kind: "organisation", name: "NATO", members: ["US", "GB", "DE"] });
    for (const party of [...isoStates(), ...organisations, ...donorGroups]) expectValid(Party, party);
    expect(isoStates().length).toBeGreaterThan(240);
  });

  it.each([
    ["a state id that is not ISO 3166-1", { id: "XX", kind: "state", name: "Nowhere" }, ["id"]],
    ["a state by alpha-3", { id: "GBR", kind: "state", name: "United Kingdom" }, ["id"]],
    [
      "an organisation under a country code",
      { id: "UA", kind: "organisation", name: "Ukraine Inc." },
      ["id"],
    ],
    ["a donor group under a country code", { id: "DK", kind: "group", name: "Denmark and others" }, ["id"]],
    ["a lower-case id", { id: "gb", kind: "state", name: "United Kingdom" }, ["id"]],
    ["an id with a hyphen", { id: "G-7", kind: "organisation", name: "Group of Seven" }, ["id"]],
    ["an unknown kind", { id: "EU", kind: "union", name: "European Union" }, ["kind"]],
    ["an empty name", { id: "EU", kind: "organisation", name: "" }, ["name"]],
    ["a bad member", { id: "EU", kind: "organisation", name: "EU", members: ["de"] }, ["members", 0]],
  ] as const)("rejects %s", (_, value, path) => {
    expect(issuePaths(Party, value)).toEqual([path]);
  });

  it("PartyId takes codes and organisation ids but not names", () => {
    for (const id of ["UA", "US", "EU", "NATO", "G7", "UDCG"]) expectValid(PartyId, id);
    for (const id of ["U", "Ukraine", "nato", "7G", ""]) expect(issuePaths(PartyId, id)).toEqual([[]]);
  });
});

describe("DecimalString, CurrencyCode and Money", () => {
  it.each(["0", "1500000000", "0.06274", "-12.5", "12345678901234567890.1234567890"])(
    "Decimal accepts %s",
    (v) => expectValid(DecimalString, v),
  );

  it.each([
    "1e9",
    "1,000",
    "1 000",
    "01",
    "1.",
    ".5",
    "+1",
    " 1",
    "1.12345678901",
    "123456789012345678901",
    "",
    "NaN",
  ])("Decimal rejects %j", (v) => expect(issuePaths(DecimalString, v)).toEqual([[]]));

  it("Decimal rejects a JavaScript number, however round", () => {
    expect(issuePaths(DecimalString, 1e9)).toEqual([[]]);
    expect(issuePaths(DecimalString, 1000)).toEqual([[]]);
  });

  it("NonNegativeDecimal rejects negatives only", () => {
    expectValid(NonNegativeDecimal, "0.5");
    expect(issuePaths(NonNegativeDecimal, "-0.5")).toEqual([[]]);
  });

  it.each(["EUR", "USD", "GBP", "UAH", "XDR"])("CurrencyCode accepts %s", (v) =>
    expectValid(CurrencyCode, v),
  );
  it.each(["EUX", "eur", "EURO", "€", "E1R"])("CurrencyCode rejects %s", (v) =>
    expect(issuePaths(CurrencyCode, v)).toEqual([[]]),
  );

  it("Money is an exact, non-negative amount in one ISO 4217 currency", () => {
    expectValid(Money, { amount: "50000000000", currency: "EUR" });
    expectValid(Money, { amount: "2500000000", currency: "XDR" });
    expectValid(Money, { amount: "0", currency: "USD" });
  });

  it.each([
    ["a float amount", { amount: 1e9, currency: "EUR" }, ["amount"]],
    ["an exponent", { amount: "1e9", currency: "EUR" }, ["amount"]],
    ["a thousands separator", { amount: "1,000", currency: "EUR" }, ["amount"]],
    ["a negative amount", { amount: "-100", currency: "EUR" }, ["amount"]],
    ["an unknown currency", { amount: "100", currency: "EUX" }, ["currency"]],
    ["a lower-case currency", { amount: "100", currency: "eur" }, ["currency"]],
    ["a missing currency", { amount: "100" }, ["currency"]],
    ["an extra key", { amount: "100", currency: "EUR", approx: true }, []],
  ] as const)("Money rejects %s", (_, value, path) => {
    expect(issuePaths(Money, value)).toEqual([path]);
  });
});

describe("one fault, one message", () => {
  // An import report counts problems: a cell of the wrong form is one problem, not one per check it then fails.
  const schemas = { CurrencyCode, NonNegativeDecimal, PartialDate, IsoDate };
  it.each([
    ["CurrencyCode", "EURO", "expected an ISO 4217 code such as EUR"],
    ["NonNegativeDecimal", "-1,5", "expected a decimal number such as 1250000.50"],
    ["PartialDate", "mid-2024", "expected YYYY, YYYY-MM or YYYY-MM-DD"],
    ["PartialDate", "1850-02-30", "expected a date from 1900 to 2199"],
    ["IsoDate", "30/02/2024", "expected YYYY-MM-DD"],
    ["IsoDate", "2300-02-30", "expected a date from 1900 to 2199"],
    ["IsoDate", "2023-02-29", "no such day"],
  ] as const)("%s says what is wrong with %s once", (schema, value, message) => {
    const result = schemas[schema].safeParse(value);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

describe("Quantity and Measure", () => {
  const shells = { count: "1000000", unit: "rounds", item: "155mm shells" } as const;

  it("accepts counts of designated items", () => {
    expectValid(Quantity, shells);
    expectValid(Quantity, { count: "3", unit: "batteries", item: "MIM-104 Patriot" });
    expectValid(Measure, { kind: "quantity", ...shells });
    expectValid(Measure, { kind: "money", amount: "5000000000", currency: "EUR" });
  });

  it.each([
    ["an unknown unit", { ...shells, unit: "shells" }, ["unit"]],
    ["a blank item", { ...shells, item: "  " }, ["item"]],
    ["a negative count", { ...shells, count: "-5" }, ["count"]],
    ["a float count", { ...shells, count: 1e6 }, ["count"]],
  ] as const)("Quantity rejects %s", (_, value, path) => {
    expect(issuePaths(Quantity, value)).toEqual([path]);
  });

  it.each([
    ["an unknown kind", { kind: "value", amount: "1", currency: "EUR" }, ["kind"]],
    ["money without a currency", { kind: "money", amount: "1" }, ["currency"]],
    ["a quantity without an item", { kind: "quantity", count: "3", unit: "systems" }, ["item"]],
    ["money with a unit", { kind: "money", amount: "1", currency: "EUR", unit: "items" }, []],
  ] as const)("Measure rejects %s", (_, value, path) => {
    expect(issuePaths(Measure, value)).toEqual([path]);
  });
});

/** One valid provision of each kind, from the UK–Ukraine agreement where it has one. */
const provisions: Provision[] = [
  {
    kind: "consultation",
    deadlineHours: 24,
    trigger: "a future Russian armed attack",
    text: "The Participants will consult within 24 hours to determine measures to counter the aggression.",
    sources,
  },
  {
    kind: "mutual_defence",
    present: false,
    text: "No mutual defence clause equivalent to Article 5.",
    sources,
  },
  {
    kind: "assistance",
    categories: ["air_defence", "artillery", "long_range_fires", "armoured_vehicles"],
    multiYear: true,
    forms: ["military", "economic"],
    amount: { amount: "2500000000", currency: "GBP" },
    amountBasis: "per_year",
    text: "Swift and sustained security assistance and modern military equipment.",
    sources,
  },
  {
    kind: "nato_membership",
    stance: "review_on_accession",
    text: "Future status decided on accession.",
    sources,
  },
  { kind: "duration_termination", durationYears: 10, text: "Valid for ten years.", sources },
  { kind: "defence_industrial", coProduction: true, localisation: true, text: "Joint production.", sources },
  {
    kind: "intelligence_cyber",
    intelligence: true,
    cyber: true,
    text: "Intelligence and cyber resilience.",
    sources,
  },
  {
    kind: "reconstruction_reform",
    reconstruction: true,
    reform: true,
    text: "Reforms and reconstruction.",
    sources,
  },
  {
    kind: "capability_coalition",
    coalition: "Maritime Security Capability Coalition",
    role: "co_lead",
    text: "Jointly leading the Maritime Security Capability Coalition.",
    sources,
  },
  {
    kind: "sanctions_response",
    triggers: ["a future Russian armed attack"],
    text: "Impose economic costs on Russia.",
    sources,
  },
];

describe("Provision", () => {
  it("has ten kinds, and the examples cover each", () => {
    expect(provisionKinds).toHaveLength(10);
    expect(provisions.map((p) => p.kind).sort()).toEqual([...provisionKinds].sort());
  });

  it.each(provisions)("accepts a $kind provision", (provision) => expectValid(Provision, provision));

  const consultation = provisions[0] as Provision;
  it.each([
    ["an unknown kind", { ...consultation, kind: "ceasefire" }, ["kind"]],
    ["a negative consultation deadline", { ...consultation, deadlineHours: -24 }, ["deadlineHours"]],
    ["a fractional deadline", { ...consultation, deadlineHours: 24.5 }, ["deadlineHours"]],
    ["a consultation without trigger", { ...consultation, trigger: undefined }, ["trigger"]],
    ["no sources key", { ...consultation, sources: undefined }, ["sources"]],
    ["an empty sources list", { ...consultation, sources: [] }, ["sources"]],
    ["a key of another kind", { ...consultation, present: true }, []],
    [
      "sanctions without triggers",
      { kind: "sanctions_response", triggers: [], text: "x", sources },
      ["triggers"],
    ],
    [
      "assistance in an unknown currency",
      { ...provisions[2], amount: { amount: "1", currency: "EUX" } },
      ["amount", "currency"],
    ],
    ["assistance in an unknown category", { ...provisions[2], categories: ["jets"] }, ["categories", 0]],
  ] as const)("rejects %s", (_, value, path) => {
    expect(issuePaths(Provision, value)).toEqual([path]);
  });
});

const agreement = {
  id: "uk-ukraine-security-cooperation-2024",
  title: "Agreement on Security Co-operation between the United Kingdom and Ukraine",
  shortTitle: "UK–Ukraine security agreement",
  guarantors: ["GB"],
  beneficiaries: ["UA"],
  instrumentType: "security_cooperation",
  attributes: {
    form: "political_agreement",
    parties: "bilateral",
    mutualDefenceClause: false,
    cooperationAreas: ["training", "intelligence", "arms_supply"],
  },
  signed: "2024-01-12",
  durationYears: 10,
  framework: "g7-joint-declaration-2023",
  provisions,
  statusHistory: [
    { status: "signed", date: "2024-01-12", sources },
    { status: "in_force", date: "2024-01-12", sources },
  ],
  sources,
};

describe("Agreement", () => {
  it("accepts a sourced agreement and fills in synthetic = false", () => {
    const parsed = Agreement.parse(agreement);
    expect(parsed.synthetic).toBe(false);
    expect(parsed.provisions).toHaveLength(10);
  });

  it("takes Ukrainian titles as optional", () => {
    const titled = {
      ...agreement,
      titleUk: "Угода про співробітництво (тест)",
      shortTitleUk: "Угода (тест)",
    };
    expect(Agreement.parse(titled)).toMatchObject({ shortTitleUk: "Угода (тест)" });
    expect(Agreement.parse(agreement)).not.toHaveProperty("titleUk");
  });

  it("accepts status steps whose partial dates may be in order", () => {
    // In force "January 2024" may well be after 12 January: coarser dates are not out of order by themselves.
    const history = [
      { status: "proposed", date: "2023", sources },
      { status: "signed", date: "2024-01-12", sources },
      { status: "in_force", date: "2024-01", sources },
      { status: "reshaped", date: "2025", sources },
    ];
    expectValid(Agreement, { ...agreement, statusHistory: history });
  });

  it.each([
    [
      "a status history out of order",
      {
        ...agreement,
        statusHistory: [
          { status: "in_force", date: "2024-02", sources },
          { status: "signed", date: "2024-01-12", sources },
        ],
      },
      ["statusHistory", 1, "date"],
    ],
    [
      "a later step by year before an earlier one",
      {
        ...agreement,
        statusHistory: [
          { status: "signed", date: "2024-01-12", sources },
          { status: "in_force", date: "2024-03", sources },
          { status: "proposed", date: "2023", sources },
        ],
      },
      ["statusHistory", 2, "date"],
    ],
    ["a framework pointing to itself", { ...agreement, framework: agreement.id }, ["framework"]],
    [
      "an unknown instrument type",
      { ...agreement, instrumentType: "security_guarantee" },
      ["instrumentType"],
    ],
    [
      "an unknown attribute",
      { ...agreement, attributes: { form: "treaty", article5: true } },
      ["attributes"],
    ],
    ["an unknown form", { ...agreement, attributes: { form: "accord" } }, ["attributes", "form"]],
    ["a guarantor that is no party id", { ...agreement, guarantors: ["uk"] }, ["guarantors", 0]],
    [
      "an unknown status date basis",
      { ...agreement, statusHistory: [{ status: "signed", date: "2024", dateBasis: "rumoured", sources }] },
      ["statusHistory", 0, "dateBasis"],
    ],
    ["an empty status history", { ...agreement, statusHistory: [] }, ["statusHistory"]],
    [
      "an unknown status",
      { ...agreement, statusHistory: [{ status: "ratified", date: "2024", sources }] },
      ["statusHistory", 0, "status"],
    ],
    ["no sources", { ...agreement, sources: [] }, ["sources"]],
    ["an id that is not a slug", { ...agreement, id: "UK Ukraine 2024" }, ["id"]],
    ["a blank Ukrainian title", { ...agreement, titleUk: "  " }, ["titleUk"]],
    [
      "a Ukrainian short title longer than a short title may be",
      { ...agreement, shortTitleUk: "я".repeat(121) },
      ["shortTitleUk"],
    ],
    ["an impossible signing date", { ...agreement, signed: "2024-02-30" }, ["signed"]],
    [
      "a provision without sources",
      { ...agreement, provisions: [{ ...provisions[1], sources: [] }] },
      ["provisions", 0, "sources"],
    ],
  ] as const)("rejects %s", (_, value, path) => {
    expect(issuePaths(Agreement, value)).toEqual([path]);
  });

  it("AgreementStatusChange needs a known status, a date and a source", () => {
    expectValid(AgreementStatusChange, {
      status: "reshaped",
      date: "2025",
      note: "Made conditional.",
      sources,
    });
    expect(issuePaths(AgreementStatusChange, { status: "signed", date: "2024", sources: [] })).toEqual([
      ["sources"],
    ]);
    expect(issuePaths(AgreementStatusChange, { status: "signed", sources })).toEqual([["date"]]);
  });

  it("Slug takes lower-case words joined by hyphens", () => {
    expectValid(Slug, "eu-ukraine-facility-2024");
    for (const bad of ["EU-facility", "eu--facility", "-eu", "eu-", "eu_facility", "a".repeat(121)]) {
      expect(issuePaths(Slug, bad)).toEqual([[]]);
    }
  });

  it("CategoryId takes the taxonomy only", () => {
    expectValid(CategoryId, "air_defence.interceptors");
    expect(issuePaths(CategoryId, "air_defence.jets")).toEqual([[]]);
  });
});
