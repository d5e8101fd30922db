import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CooperationArea,
  classify,
  GuaranteeAttributes,
  InstrumentForm,
  InstrumentType,
  instrumentType,
  instrumentTypes,
  Tier,
  tierOf,
  tiers,
} from "./gradation.ts";
import { instrumentTypeIds, tierIds } from "./vocabulary/gradation.ts";

interface Case {
  name: string;
  attributes: GuaranteeAttributes;
  tier: Tier;
  instrumentType: InstrumentType;
  /** What the first reason must say: the rule that decided, not merely something that was weighed. */
  because: RegExp;
}

// One or more real-world instruments per rung of Table 1, described by what they establish.
const cases: Case[] = [
  {
    name: "European Council statement of solidarity with Ukraine, 24 Feb 2022 → expression_of_support",
    attributes: { form: "statement", parties: "multilateral", legallyBinding: false },
    tier: "soft",
    instrumentType: "expression_of_support",
    because: /statement of support that undertakes nothing specific/,
  },
  {
    name: "OSCE-style monitoring mission without enforcement (SMM 2014) → political_commitment",
    attributes: {
      form: "peace_operation",
      parties: "multilateral",
      legallyBinding: false,
      enforcementCapacity: false,
    },
    tier: "soft",
    instrumentType: "political_commitment",
    because: /political undertaking with no legal obligation and no enforcement/,
  },
  {
    name: "Minsk II Package of Measures 2015 → political_commitment",
    attributes: { form: "political_agreement", parties: "multilateral", legallyBinding: false },
    tier: "soft",
    instrumentType: "political_commitment",
    because: /political undertaking/,
  },
  {
    name: "Budapest Memorandum 1994 → assurance",
    attributes: {
      form: "memorandum",
      parties: "multilateral",
      legallyBinding: false,
      securityAssurances: true,
      consultationMechanism: true,
      mutualDefenceClause: false,
    },
    tier: "soft",
    instrumentType: "assurance",
    because: /beneficiary's security without legal obligation/,
  },
  {
    name: "EU pledge of one million artillery rounds, March 2023 → pledge",
    attributes: { form: "statement", parties: "multilateral", legallyBinding: false, resourcesPledged: true },
    tier: "soft",
    instrumentType: "pledge",
    because: /announced promise of specific resources/,
  },
  {
    name: "G7 Joint Declaration of Support for Ukraine, Vilnius 2023 → declaration_joint_statement",
    attributes: { form: "joint_statement", parties: "multilateral", legallyBinding: false },
    tier: "soft",
    instrumentType: "declaration_joint_statement",
    because: /jointly issued declaration/,
  },
  {
    name: "Ukraine Compact, July 2024 → partnership_agreement",
    attributes: {
      form: "partnership",
      parties: "multilateral",
      legallyBinding: false,
      resourcesPledged: true,
    },
    tier: "intermediate",
    instrumentType: "partnership_agreement",
    because: /strategic partnership or compact/,
  },
  {
    name: "EU Ukraine Facility 2024–2027 (EUR 50 bn) → framework_agreement",
    attributes: {
      form: "framework",
      parties: "bilateral",
      legallyBinding: true,
      resourcesPledged: true,
      cooperationAreas: ["financing"],
    },
    tier: "intermediate",
    instrumentType: "framework_agreement",
    because: /structured framework/,
  },
  {
    name: "UK–Ukraine Agreement on Security Co-operation 2024 → security_cooperation",
    attributes: {
      form: "political_agreement",
      parties: "bilateral",
      legallyBinding: false,
      mutualDefenceClause: false,
      automaticMilitaryResponse: false,
      consultationMechanism: true,
      cooperationAreas: ["training", "intelligence", "arms_supply", "defence_industry", "cyber"],
    },
    tier: "intermediate",
    instrumentType: "security_cooperation",
    because: /security cooperation in training, intelligence, arms supply/,
  },
  {
    name: "US–Ukraine Bilateral Security Agreement 2024 (consultations, arms supply) → security_cooperation",
    attributes: {
      form: "political_agreement",
      parties: "bilateral",
      mutualDefenceClause: false,
      automaticMilitaryResponse: false,
      consultationMechanism: true,
      cooperationAreas: ["arms_supply", "training"],
    },
    tier: "intermediate",
    instrumentType: "security_cooperation",
    because: /security cooperation in arms supply, training/,
  },
  {
    name: "NATO Security Assistance and Training for Ukraine (NSATU) → security_cooperation",
    attributes: { form: "programme", parties: "multilateral", cooperationAreas: ["training", "arms_supply"] },
    tier: "intermediate",
    instrumentType: "security_cooperation",
    because: /security cooperation/,
  },
  {
    name: "Lancaster House Treaty 2010 (UK–France) → defence_cooperation_treaty",
    attributes: {
      form: "treaty",
      parties: "bilateral",
      legallyBinding: true,
      ratified: true,
      mutualDefenceClause: false,
      cooperationAreas: ["defence_industry", "training"],
    },
    tier: "intermediate",
    instrumentType: "defence_cooperation_treaty",
    because: /legally binding treaty on defence cooperation, without alliance obligations/,
  },
  {
    name: "IFOR in Bosnia 1995, Chapter VII mandate → robust_peacekeeping",
    attributes: { form: "peace_operation", parties: "multilateral", enforcementCapacity: true },
    tier: "intermediate",
    instrumentType: "robust_peacekeeping",
    because: /capacity to enforce its mandate/,
  },
  {
    name: "Ukraine–Russia Treaty on Friendship 1997 (territorial integrity) → binding_bilateral_treaty",
    attributes: {
      form: "treaty",
      parties: "bilateral",
      legallyBinding: true,
      ratified: true,
      securityAssurances: true,
      mutualDefenceClause: false,
    },
    tier: "hard",
    instrumentType: "binding_bilateral_treaty",
    because: /ratified, legally binding treaty in which the guarantor takes on obligations/,
  },
  {
    name: "Treaty of Dunkirk 1947 (UK–France mutual assistance) → mutual_defence_pact",
    attributes: {
      form: "treaty",
      parties: "bilateral",
      legallyBinding: true,
      ratified: true,
      mutualDefenceClause: true,
      allianceMembership: false,
    },
    tier: "hard",
    instrumentType: "mutual_defence_pact",
    because: /legally binding, ratified undertaking to come to the beneficiary's defence/,
  },
  {
    name: "Istanbul Communiqué draft treaty on security guarantees 2022, unratified → mutual_defence_pact",
    attributes: {
      form: "treaty",
      parties: "multilateral",
      legallyBinding: true,
      ratified: false,
      mutualDefenceClause: true,
      automaticMilitaryResponse: true,
    },
    tier: "hard",
    instrumentType: "mutual_defence_pact",
    because: /\(not ratified\)/,
  },
  {
    name: "US nuclear umbrella for South Korea, Washington Declaration 2023 → extended_deterrence",
    attributes: {
      form: "joint_statement",
      parties: "bilateral",
      legallyBinding: false,
      nuclearUmbrella: true,
    },
    tier: "hard",
    instrumentType: "extended_deterrence",
    because: /nuclear deterrent is extended/,
  },
  {
    name: "NATO Article 5 → alliance_obligation",
    attributes: {
      form: "treaty",
      parties: "multilateral",
      legallyBinding: true,
      ratified: true,
      mutualDefenceClause: true,
      allianceMembership: true,
      nuclearUmbrella: true,
      troopsStationed: true,
    },
    tier: "hard",
    instrumentType: "alliance_obligation",
    because: /member of a standing alliance/,
  },
  {
    name: "US–South Korea Mutual Defense Treaty 1953 → alliance_obligation",
    attributes: {
      form: "treaty",
      parties: "bilateral",
      legallyBinding: true,
      ratified: true,
      mutualDefenceClause: true,
      allianceMembership: true,
      automaticMilitaryResponse: false,
    },
    tier: "hard",
    instrumentType: "alliance_obligation",
    because: /legally binding mutual-defence clause/,
  },
  {
    name: "trip-wire brigade (US 2nd Infantry Division in Korea) → troop_stationing",
    attributes: { form: "force_deployment", parties: "bilateral", troopsStationed: true },
    tier: "hard",
    instrumentType: "troop_stationing",
    because: /stationed on the beneficiary's territory, a trip-wire/,
  },
  {
    name: "European reassurance force in Ukraine after a ceasefire (proposed) → troop_stationing",
    attributes: {
      form: "force_deployment",
      parties: "multilateral",
      legallyBinding: false,
      troopsStationed: true,
      mutualDefenceClause: false,
    },
    tier: "hard",
    instrumentType: "troop_stationing",
    because: /trip-wire/,
  },
];

describe("Table 1 structure", () => {
  it("has the three tiers in Table 1's order, with its labels and ranks", () => {
    expect(tiers.map((t) => [t.id, t.label, t.heading, t.rank])).toEqual([
      ["soft", "Soft", "Political / non-binding", 1],
      ["intermediate", "Intermediate", "Structured agreements", 2],
      ["hard", "Hard", "Legal, military, full guarantees, ratified", 3],
    ]);
    expect(tiers.map((t) => t.id)).toEqual([...tierIds]);
    expect(Tier.options).toEqual([...tierIds]);
  });

  it("has the fifteen instrument types in Table 1's order, five per tier, with its labels", () => {
    // Table 1's wording; "Defense" is spelled "Defence" like the rest of the paper.
    expect(instrumentTypes.map((t) => [t.tier, t.label])).toEqual([
      ["soft", "Expressions of support"],
      ["soft", "Political commitments"],
      ["soft", "Assurances"],
      ["soft", "Pledges"],
      ["soft", "Declarations / joint statements"],
      ["intermediate", "Partnership agreements"],
      ["intermediate", "Framework agreements"],
      ["intermediate", "Security cooperation"],
      ["intermediate", "Defence cooperation treaties"],
      ["intermediate", "Robust peacekeeping with enforcement capacity"],
      ["hard", "Legally binding bilateral treaties"],
      ["hard", "Mutual defence pacts"],
      ["hard", "Extended deterrence commitments"],
      ["hard", "Alliance obligations"],
      ["hard", "Stationing of troops / permanent bases"],
    ]);
    expect(instrumentTypes.map((t) => t.id)).toEqual([...instrumentTypeIds]);
    expect(InstrumentType.options).toEqual([...instrumentTypeIds]);
    for (const tier of tierIds) expect(instrumentTypes.filter((t) => t.tier === tier)).toHaveLength(5);
  });

  it("keeps the examples Table 1 gives", () => {
    expect(instrumentType("assurance").tableExamples).toEqual(["Budapest Memorandum 1994"]);
    expect(instrumentType("alliance_obligation").tableExamples).toEqual([
      "NATO Article 5",
      "US–South Korea Treaty",
    ]);
    expect(instrumentType("extended_deterrence").tableExamples).toEqual(["nuclear umbrella"]);
  });

  it("tierOf places each type on its tier", () => {
    expect(tierOf("expression_of_support")).toBe("soft");
    expect(tierOf("declaration_joint_statement")).toBe("soft");
    expect(tierOf("partnership_agreement")).toBe("intermediate");
    expect(tierOf("robust_peacekeeping")).toBe("intermediate");
    expect(tierOf("binding_bilateral_treaty")).toBe("hard");
    expect(tierOf("troop_stationing")).toBe("hard");
    // Five in a row per tier, in Table 1's order.
    expect(instrumentTypeIds.map(tierOf)).toEqual(tierIds.flatMap((tier) => Array(5).fill(tier)));
  });

  it("refuses an unknown instrument type", () => {
    expect(() => tierOf("guarantee" as InstrumentType)).toThrow(/unknown instrument type guarantee/);
    expect(InstrumentType.safeParse("guarantee").success).toBe(false);
  });
});

describe("classify", () => {
  it.each(cases)("$name", ({ attributes, tier, instrumentType: expected, because }) => {
    expect(GuaranteeAttributes.parse(attributes)).toEqual(attributes);
    const result = classify(attributes);
    expect(result.instrumentType).toBe(expected);
    expect(result.tier).toBe(tier);
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(result.reasons[0]).toMatch(because);
  });

  it("the cases cover every one of the fifteen instrument types", () => {
    const hit = new Set(cases.map((c) => classify(c.attributes).instrumentType));
    expect([...hit].sort()).toEqual([...instrumentTypeIds].sort());
  });

  it("says why the stronger rungs did not apply", () => {
    const usAgreement = cases.find((c) => c.name.startsWith("US–Ukraine Bilateral"));
    const reasons = classify(usAgreement?.attributes ?? { form: "statement" }).reasons;
    expect(reasons).toContain("No mutual-defence clause: short of an Article 5 guarantee.");
    expect(reasons).toContain("No automatic military response.");

    expect(
      classify({ form: "memorandum", legallyBinding: false, securityAssurances: true }).reasons,
    ).toContain("Not legally binding.");
    expect(classify({ form: "memorandum", securityAssurances: true }).reasons).toContain(
      "No legal obligation is established.",
    );
    expect(classify({ form: "statement", mutualDefenceClause: true }).reasons).toContain(
      "A defence clause that is not legally binding does not make a mutual defence pact.",
    );
    expect(classify({ form: "peace_operation" }).reasons).toContain(
      "A mission without enforcement capacity falls short of robust peacekeeping.",
    );
  });

  it("treats a left-out attribute as not established", () => {
    // A treaty whose bindingness and ratification the sources do not establish is no hard guarantee.
    expect(classify({ form: "treaty", securityAssurances: true }).tier).toBe("soft");
    expect(classify({ form: "treaty", legallyBinding: true, securityAssurances: true }).instrumentType).toBe(
      "defence_cooperation_treaty",
    );
  });

  it("counts a ratified treaty as legally binding unless the sources say it is not", () => {
    expect(classify({ form: "treaty", ratified: true, securityAssurances: true }).instrumentType).toBe(
      "binding_bilateral_treaty",
    );
    expect(classify({ form: "treaty", ratified: true }).instrumentType).toBe("defence_cooperation_treaty");
    expect(classify({ form: "treaty", ratified: true, legallyBinding: false }).tier).toBe("soft");
  });

  it("does not call a binding instrument that is not a treaty non-binding", () => {
    const programme = classify({ form: "programme", legallyBinding: true, cooperationAreas: ["financing"] });
    expect(programme.instrumentType).toBe("political_commitment");
    expect(programme.reasons[0]).toMatch(/binding in law but not a treaty/);
    expect(programme.reasons).not.toContain("Not legally binding.");
  });

  it("rejects attributes outside the schema", () => {
    expect(GuaranteeAttributes.safeParse({ form: "treaty", article5: true }).success).toBe(false);
    expect(GuaranteeAttributes.safeParse({ form: "alliance" }).success).toBe(false);
    expect(GuaranteeAttributes.safeParse({ legallyBinding: true }).success).toBe(false);
  });
});

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const attributesArb: fc.Arbitrary<GuaranteeAttributes> = fc
  .record(
    {
      form: fc.constantFrom(...InstrumentForm.options),
      parties: fc.constantFrom("bilateral" as const, "multilateral" as const),
      legallyBinding: maybe(fc.boolean()),
      ratified: maybe(fc.boolean()),
      mutualDefenceClause: maybe(fc.boolean()),
      automaticMilitaryResponse: maybe(fc.boolean()),
      allianceMembership: maybe(fc.boolean()),
      nuclearUmbrella: maybe(fc.boolean()),
      troopsStationed: maybe(fc.boolean()),
      enforcementCapacity: maybe(fc.boolean()),
      securityAssurances: maybe(fc.boolean()),
      resourcesPledged: maybe(fc.boolean()),
      consultationMechanism: maybe(fc.boolean()),
      cooperationAreas: fc.array(fc.constantFrom(...CooperationArea.options), { maxLength: 6 }),
    },
    { requiredKeys: ["form"] },
  )
  // Only attribute sets the schema accepts; parse also drops keys fast-check set to undefined.
  .map((a) => GuaranteeAttributes.parse(a));

const rank = (tier: Tier): number => tiers.findIndex((t) => t.id === tier) + 1;

/** Attributes that make an instrument stronger; establishing any of them must never move it down Table 1. */
const strengthening = [
  "legallyBinding",
  "ratified",
  "mutualDefenceClause",
  "allianceMembership",
  "nuclearUmbrella",
  "troopsStationed",
  "enforcementCapacity",
  "securityAssurances",
] as const;

describe("classify, for any valid attribute set", () => {
  it("returns a type whose tier is tierOf(type), with reasons, deterministically", () => {
    fc.assert(
      fc.property(attributesArb, (a) => {
        const before = structuredClone(a);
        const result = classify(a);
        expect(result.tier).toBe(tierOf(result.instrumentType));
        expect(result.reasons.length).toBeGreaterThan(0);
        for (const reason of result.reasons) expect(reason.trim()).not.toBe("");
        expect(classify(a)).toEqual(result);
        expect(a).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it("stationing troops never lowers the tier (it makes the instrument hard)", () => {
    fc.assert(
      fc.property(attributesArb, (a) => {
        const withTroops = classify({ ...a, troopsStationed: true });
        expect(rank(withTroops.tier)).toBeGreaterThanOrEqual(rank(classify(a).tier));
        expect(withTroops.tier).toBe("hard");
      }),
      { numRuns: 300 },
    );
  });

  it.each(strengthening)("establishing %s never lowers the tier", (key) => {
    fc.assert(
      fc.property(attributesArb, (a) => {
        expect(rank(classify({ ...a, [key]: true }).tier)).toBeGreaterThanOrEqual(rank(classify(a).tier));
      }),
      { numRuns: 300 },
    );
  });

  it("a non-binding instrument without troops or a nuclear umbrella is never hard", () => {
    fc.assert(
      fc.property(attributesArb, (a) => {
        const nonBinding = { ...a, legallyBinding: false, troopsStationed: false, nuclearUmbrella: false };
        expect(classify(nonBinding).tier).not.toBe("hard");
      }),
      { numRuns: 300 },
    );
  });

  it("only a binding instrument, troops or a nuclear umbrella make it hard", () => {
    fc.assert(
      fc.property(attributesArb, (a) => {
        const result = classify(a);
        if (result.tier !== "hard") return;
        expect(
          a.legallyBinding === true || a.ratified === true || a.troopsStationed || a.nuclearUmbrella,
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("a ratified treaty is never soft unless it is explicitly not legally binding", () => {
    fc.assert(
      fc.property(attributesArb, (a) => {
        if (a.legallyBinding === false) return;
        expect(classify({ ...a, form: "treaty", ratified: true }).tier).not.toBe("soft");
      }),
      { numRuns: 300 },
    );
  });

  it("the reasons never call a legally binding instrument non-binding", () => {
    fc.assert(
      fc.property(attributesArb, (a) => {
        const { reasons } = classify({ ...a, legallyBinding: true });
        for (const reason of reasons) {
          expect(reason).not.toMatch(/not legally binding|no legal obligation|without legal obligation/i);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("a peace operation with enforcement capacity is at least robust peacekeeping", () => {
    fc.assert(
      fc.property(attributesArb, (a) => {
        const result = classify({ ...a, form: "peace_operation", enforcementCapacity: true });
        expect(rank(result.tier)).toBeGreaterThanOrEqual(rank("intermediate"));
      }),
      { numRuns: 300 },
    );
  });
});
