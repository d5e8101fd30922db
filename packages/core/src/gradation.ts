import { z } from "zod";
import { cooperationAreaIds, cooperationAreaTerms } from "./vocabulary/agreements.ts";
import { instrumentTypeIds, instrumentTypeTerms, tierIds, tierTerms } from "./vocabulary/gradation.ts";

/**
 * The gradation of security guarantees, exactly as Table 1 of Tanner, "Friends and weapons: the architecture of
 * security guarantees for Ukraine" (FES, October 2025): three tiers and fifteen instrument types. Their ids and
 * words are in the vocabulary (vocabulary/gradation.ts); the definitions below add Table 1's order and examples.
 */
export const Tier = z.enum(tierIds).meta({ id: "Tier", description: "A rung group of Table 1." });
export type Tier = z.infer<typeof Tier>;

export const InstrumentType = z
  .enum(instrumentTypeIds)
  .meta({ id: "InstrumentType", description: "One of the fifteen instrument types of Table 1." });
export type InstrumentType = z.infer<typeof InstrumentType>;

/** A tier as the API lists it, in English. */
export interface TierDefinition {
  id: Tier;
  label: string;
  heading: string;
  description: string;
  rank: number;
}

/** An instrument type as the API lists it, in English. */
export interface InstrumentTypeDefinition {
  id: InstrumentType;
  tier: Tier;
  label: string;
  description: string;
  /** The examples Table 1 itself gives, if any. */
  tableExamples: string[];
}

export const tiers: readonly TierDefinition[] = tierIds.map((id, i) => ({
  id,
  rank: i + 1,
  ...tierTerms[id].en,
}));

const instrumentTypeTable: Record<InstrumentType, { tier: Tier; tableExamples: string[] }> = {
  expression_of_support: { tier: "soft", tableExamples: [] },
  political_commitment: { tier: "soft", tableExamples: [] },
  assurance: { tier: "soft", tableExamples: ["Budapest Memorandum 1994"] },
  pledge: { tier: "soft", tableExamples: [] },
  declaration_joint_statement: { tier: "soft", tableExamples: [] },
  partnership_agreement: { tier: "intermediate", tableExamples: ["strategic partnerships", "compacts"] },
  framework_agreement: { tier: "intermediate", tableExamples: [] },
  security_cooperation: { tier: "intermediate", tableExamples: ["training", "intelligence", "arms supply"] },
  defence_cooperation_treaty: { tier: "intermediate", tableExamples: [] },
  robust_peacekeeping: { tier: "intermediate", tableExamples: [] },
  binding_bilateral_treaty: { tier: "hard", tableExamples: [] },
  mutual_defence_pact: { tier: "hard", tableExamples: [] },
  extended_deterrence: { tier: "hard", tableExamples: ["nuclear umbrella"] },
  alliance_obligation: { tier: "hard", tableExamples: ["NATO Article 5", "US–South Korea Treaty"] },
  troop_stationing: { tier: "hard", tableExamples: ["trip-wire forces"] },
};

export const instrumentTypes: readonly InstrumentTypeDefinition[] = instrumentTypeIds.map((id) => {
  const { label, description } = instrumentTypeTerms[id].en;
  const { tier, tableExamples } = instrumentTypeTable[id];
  return { id, tier, label, description, tableExamples };
});

const instrumentTypeById = new Map(instrumentTypes.map((t) => [t.id, t]));

export function instrumentType(id: InstrumentType): InstrumentTypeDefinition {
  const found = instrumentTypeById.get(id);
  if (!found) throw new Error(`unknown instrument type ${id}`);
  return found;
}

export function tierOf(id: InstrumentType): Tier {
  return instrumentType(id).tier;
}

/** The form an instrument takes on paper, before what it undertakes. */
export const InstrumentForm = z
  .enum([
    "statement",
    "joint_statement",
    "memorandum",
    "political_agreement",
    "partnership",
    "framework",
    "programme",
    "mission",
    "peace_operation",
    "force_deployment",
    "treaty",
  ])
  .meta({ id: "InstrumentForm", description: "The form an instrument takes." });
export type InstrumentForm = z.infer<typeof InstrumentForm>;

export const CooperationArea = z.enum(cooperationAreaIds).meta({ id: "CooperationArea" });
export type CooperationArea = z.infer<typeof CooperationArea>;

/**
 * What an instrument establishes, as far as the sources tell. An attribute left out is "not established", which
 * the classifier treats as absent and says so.
 */
export const GuaranteeAttributes = z
  .object({
    form: InstrumentForm,
    parties: z.enum(["bilateral", "multilateral"]).optional(),
    legallyBinding: z.boolean().optional(),
    ratified: z.boolean().optional(),
    mutualDefenceClause: z.boolean().optional(),
    automaticMilitaryResponse: z.boolean().optional(),
    allianceMembership: z.boolean().optional(),
    nuclearUmbrella: z.boolean().optional(),
    troopsStationed: z.boolean().optional(),
    enforcementCapacity: z.boolean().optional(),
    securityAssurances: z.boolean().optional(),
    resourcesPledged: z.boolean().optional(),
    consultationMechanism: z.boolean().optional(),
    cooperationAreas: z.array(CooperationArea).max(11).optional(),
  })
  .strict()
  .meta({
    id: "GuaranteeAttributes",
    description: "What an instrument establishes; the input of the Table 1 classifier.",
  });
export type GuaranteeAttributes = z.infer<typeof GuaranteeAttributes>;

export interface Classification {
  tier: Tier;
  instrumentType: InstrumentType;
  /** Why, in order: the deciding reason first, then what else was weighed. */
  reasons: string[];
}

const structuredForms: ReadonlySet<InstrumentForm> = new Set([
  "political_agreement",
  "programme",
  "mission",
  "framework",
  "partnership",
]);
// Table 1 names training, intelligence and arms supply; paying for military aid, defence cooperation at large and
// countering cyber and hybrid threats are the same rung. Industry, money in general, resilience and reform are not.
const securityCooperationAreas: ReadonlySet<CooperationArea> = new Set([
  "training",
  "intelligence",
  "arms_supply",
  "military_financing",
  "defence",
  "cyber",
  "hybrid_threats",
]);

/**
 * Places an instrument on Table 1 from what it establishes. Rules run from the strongest guarantee down; the
 * first that holds decides, and the reasons say why the stronger rungs did not apply.
 */
export function classify(a: GuaranteeAttributes): Classification {
  const reasons: string[] = [];
  const decide = (id: InstrumentType, reason: string): Classification => ({
    tier: tierOf(id),
    instrumentType: id,
    reasons: [reason, ...reasons],
  });
  // Ratification makes a treaty binding in law: it counts as binding unless the sources say it does not bind.
  const binding = a.legallyBinding ?? a.ratified === true;
  const areas = a.cooperationAreas ?? [];

  if (a.mutualDefenceClause && a.allianceMembership && binding) {
    return decide(
      "alliance_obligation",
      "Collective defence owed as a member of a standing alliance, under a legally binding mutual-defence clause.",
    );
  }
  if (a.nuclearUmbrella) {
    return decide("extended_deterrence", "The guarantor's nuclear deterrent is extended to the beneficiary.");
  }
  if (a.troopsStationed) {
    return decide(
      "troop_stationing",
      "Guarantor forces are stationed on the beneficiary's territory, a trip-wire for any attack.",
    );
  }
  if (a.mutualDefenceClause && binding) {
    return decide(
      "mutual_defence_pact",
      a.ratified
        ? "A legally binding, ratified undertaking to come to the beneficiary's defence."
        : "A legally binding undertaking to come to the beneficiary's defence (not ratified).",
    );
  }
  if (a.mutualDefenceClause === false)
    reasons.push("No mutual-defence clause: short of an Article 5 guarantee.");
  else if (a.mutualDefenceClause && !binding)
    reasons.push("A defence clause that is not legally binding does not make a mutual defence pact.");
  if (a.automaticMilitaryResponse === false) reasons.push("No automatic military response.");

  if (a.form === "treaty" && binding && a.ratified && a.securityAssurances) {
    return decide(
      "binding_bilateral_treaty",
      "A ratified, legally binding treaty in which the guarantor takes on obligations for the beneficiary's security.",
    );
  }
  if (a.form === "peace_operation") {
    if (a.enforcementCapacity) {
      return decide("robust_peacekeeping", "A peace operation with the capacity to enforce its mandate.");
    }
    reasons.push("A mission without enforcement capacity falls short of robust peacekeeping.");
  }
  if (a.form === "treaty" && binding) {
    return decide(
      "defence_cooperation_treaty",
      a.ratified
        ? "A legally binding treaty on defence cooperation, without alliance obligations or guarantees."
        : "A legally binding treaty on defence cooperation that is not ratified, without alliance obligations.",
    );
  }
  if (a.form === "partnership") {
    return decide(
      "partnership_agreement",
      "A strategic partnership or compact coordinating long-term support among partners.",
    );
  }
  if (a.form === "framework") {
    return decide(
      "framework_agreement",
      "A structured framework under which specific support is organised over several years.",
    );
  }
  const securityAreas = areas.filter((area) => securityCooperationAreas.has(area));
  if (structuredForms.has(a.form) && securityAreas.length > 0) {
    return decide(
      "security_cooperation",
      `Structured security cooperation in ${securityAreas.map((area) => cooperationAreaTerms[area].en.label.toLowerCase()).join(", ")}.`,
    );
  }

  if (a.form !== "treaty" && !binding) {
    reasons.push(a.legallyBinding === false ? "Not legally binding." : "No legal obligation is established.");
  }
  // A binding instrument reaches the soft rungs only when it is not a treaty; its reason must then not call
  // it non-binding.
  if (a.securityAssurances) {
    return decide(
      "assurance",
      binding
        ? "Undertakings about the beneficiary's security, binding in law but not a treaty, without enforcement."
        : "Undertakings about the beneficiary's security without legal obligation or enforcement.",
    );
  }
  if (a.resourcesPledged) {
    return decide(
      "pledge",
      binding
        ? "An announced promise of specific resources, binding in law but not a treaty."
        : "An announced promise of specific resources, not legally binding.",
    );
  }
  if (a.form === "joint_statement") {
    return decide("declaration_joint_statement", "A jointly issued declaration of intent.");
  }
  if (a.form === "statement") {
    return decide("expression_of_support", "A statement of support that undertakes nothing specific.");
  }
  return decide(
    "political_commitment",
    binding
      ? "An undertaking binding in law but not a treaty, with no enforcement mechanism."
      : "A political undertaking with no legal obligation and no enforcement mechanism.",
  );
}
