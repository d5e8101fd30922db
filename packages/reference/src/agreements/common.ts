import type { AgreementInput, Source } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";

/** The seeds' sections that the agreements cite most. */
export const layers = "Institutional and bilateral security layers for Ukraine";
export const table1 = "Table 1: Gradation of security guarantees";
export const peacekeeping = "Peacekeeping as a security guarantee";
export const opening = "Opening section";

/** The framework under which the bilateral accords were concluded. */
export const g7Framework = "g7-joint-declaration-2023";

/** A status the Tanner paper (October 2025) reports as current, without a start date. */
export const asOfTanner = "2025-10";

/** In force as the Tanner paper reports it: the seeds give no start date, so none is invented. */
export function reportedInForce(...sources: Source[]): AgreementInput["statusHistory"][number] {
  return {
    status: "in_force",
    date: asOfTanner,
    dateBasis: "reported",
    note: "Reported as current by the Tanner paper (October 2025); the seeds give no start date.",
    sources,
  };
}

// What Tanner says of all the 10-year bilateral accords: the grounds for their shared attributes.
export const bilateralAccordCitations = [
  cite(
    T,
    layers,
    "Adopting a »coalition of the willing« approach, European partners and other committed nations have each concluded a 10-year accord with Kyiv.",
  ),
  cite(
    T,
    layers,
    "These agreements are designed to ensure sustained assistance, focusing on continuous military aid, training programmes, intelligence cooperation",
  ),
  cite(
    T,
    layers,
    "Bilateral security agreements have become the primary means of providing Ukraine with long-term structured agreements outside NATO's Article 5.",
  ),
  cite(
    T,
    layers,
    "Although the agreements are bilateral, they are coordinated under the G7 umbrella to avoid fragmentation and ensure coherence among partners.",
  ),
];

/** What those citations establish of every bilateral accord: bilateral, and outside NATO's Article 5. */
export const bilateralAccordAttributes = {
  form: "political_agreement",
  parties: "bilateral",
  mutualDefenceClause: false,
} as const satisfies AgreementInput["attributes"];

// Table 1 and the conclusions, cited by more than one reference point.
export const allianceObligations = cite(
  T,
  table1,
  "Alliance obligations (for example, NATO Article 5, US–South Korea Treaty)",
);
export const mostCredible = cite(
  T,
  table1,
  "Most credible and enforceable commitments, involving legal obligations and military presence.",
);
/** What Table 1's alliance obligations (NATO Article 5, the US–South Korea treaty) have in common. */
export const allianceObligationAttributes = {
  legallyBinding: true,
  mutualDefenceClause: true,
  allianceMembership: true,
} as const satisfies Partial<AgreementInput["attributes"]>;
export const historicalPrecedents = cite(
  T,
  "Conclusions",
  "Historical precedents, particularly the Budapest Memorandum, and to a certain degree also the 2014/2015 Minsk Agreements highlight the dangers of relying on ambiguous promises without enforceable mechanisms.",
);
