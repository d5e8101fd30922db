import type { CommitmentInput } from "@commitments/core";
import { cite, tannerSeed as T } from "./sources.ts";

const layers = "Institutional and bilateral security layers for Ukraine";

/**
 * The reference commitments: only the funding lines for which a seed states a figure. The seeds report no
 * deliveries against them, so there are no stage events, and they give no split by year, so there are no tranches.
 */
export const referenceCommitments: CommitmentInput[] = [
  {
    id: "eu-ukraine-facility-2024-2027",
    donor: "EU",
    recipient: "UA",
    agreement: "ukraine-facility",
    title: "Ukraine Facility: EUR 50 billion, 2024–2027",
    // The seed calls it "EU financial aid" and says no more about its use. Budget support and reconstruction are
    // both narrower than that, so the line sits in the parent category rather than guess which.
    category: "funding",
    measure: { kind: "money", amount: "50000000000", currency: "EUR" },
    measureBasis: "total",
    period: { start: "2024", end: "2027" },
    sources: [
      cite(
        T,
        layers,
        "The cornerstone of EU financial aid is the €50 billion Ukraine Facility, which runs from 2024 to 2027.",
      ),
    ],
  },
  {
    id: "eu-european-peace-facility-annual",
    donor: "EU",
    recipient: "UA",
    agreement: "european-peace-facility",
    title: "European Peace Facility: EUR 5 billion a year of military support",
    category: "funding.military_financing",
    measure: { kind: "money", amount: "5000000000", currency: "EUR" },
    // "Annually", with no period: a rate, not a total.
    measureBasis: "per_year",
    sources: [
      cite(
        T,
        layers,
        "In terms of military support, the EU is providing €5 billion annually via the European Peace Facility (EPF)",
      ),
    ],
  },
];
