import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";
import { layers, reportedInForce } from "./common.ts";

const fiveBillionAYear = cite(
  T,
  layers,
  "In terms of military support, the EU is providing €5 billion annually via the European Peace Facility (EPF)",
);

export const europeanPeaceFacility: AgreementInput = {
  id: "european-peace-facility",
  title: "European Peace Facility (support to Ukraine)",
  shortTitle: "European Peace Facility",
  titleUk: "Європейський фонд миру (підтримка України)",
  shortTitleUk: "Європейський фонд миру",
  summary:
    "The channel of EU military support: EUR 5 billion a year. The seeds give no period and no start date.",
  guarantors: ["EU"],
  beneficiaries: ["UA"],
  instrumentType: "security_cooperation",
  attributes: {
    form: "programme",
    resourcesPledged: true,
    cooperationAreas: ["military_financing"],
  },
  provisions: [
    {
      kind: "assistance",
      text: "€5 billion a year of EU military support.",
      categories: ["funding.military_financing"],
      multiYear: true,
      forms: ["military"],
      amount: { amount: "5000000000", currency: "EUR" },
      amountBasis: "per_year",
      sources: [fiveBillionAYear],
    },
  ],
  statusHistory: [reportedInForce(fiveBillionAYear)],
  sources: [fiveBillionAYear],
};
