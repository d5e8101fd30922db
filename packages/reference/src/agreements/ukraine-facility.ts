import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";
import { layers } from "./common.ts";

const cornerstone = cite(
  T,
  layers,
  "The cornerstone of EU financial aid is the €50 billion Ukraine Facility, which runs from 2024 to 2027.",
);

export const ukraineFacility: AgreementInput = {
  id: "ukraine-facility",
  title: "Ukraine Facility",
  shortTitle: "Ukraine Facility",
  titleUk: "Інструмент для України",
  shortTitleUk: "Інструмент для України",
  summary:
    "The cornerstone of EU financial aid to Ukraine: EUR 50 billion, running from 2024 to 2027. The seeds give no split by year.",
  guarantors: ["EU"],
  beneficiaries: ["UA"],
  instrumentType: "framework_agreement",
  attributes: {
    form: "framework",
    resourcesPledged: true,
    cooperationAreas: ["financing"],
  },
  inForce: "2024",
  expires: "2027",
  provisions: [
    {
      kind: "assistance",
      text: "€50 billion of EU financial aid, running from 2024 to 2027.",
      categories: ["funding"],
      multiYear: true,
      forms: ["financial"],
      amount: { amount: "50000000000", currency: "EUR" },
      amountBasis: "total",
      sources: [cornerstone],
    },
  ],
  statusHistory: [
    { status: "in_force", date: "2024", note: "Runs from 2024 to 2027.", sources: [cornerstone] },
  ],
  sources: [cornerstone],
};
