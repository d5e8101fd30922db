import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";
import { layers } from "./common.ts";

const fastTrack = cite(
  T,
  layers,
  "A major upgrade was achieved at the 2023 NATO Vilnius Summit, at which a »fast track« to membership was established in the form of the NATO-Ukraine Council, which enhances Kyiv's political standing.",
);
const shortOfArticle5 = cite(
  T,
  layers,
  "The West has significantly advanced Ukraine's security integration by means of NATO summits and a structured security framework, focusing on solidarity, political rapprochement and long-term security support, short of Article 5 guarantees.",
);

export const natoUkraineCouncil: AgreementInput = {
  id: "nato-ukraine-council",
  title: "NATO-Ukraine Council",
  shortTitle: "NATO-Ukraine Council",
  titleUk: "Рада Україна — НАТО",
  shortTitleUk: "Рада Україна — НАТО",
  summary:
    "Established at the 2023 NATO Vilnius Summit as a »fast track« to membership; it enhances Kyiv's political standing, short of Article 5 guarantees.",
  guarantors: ["NATO"],
  beneficiaries: ["UA"],
  instrumentType: "partnership_agreement",
  attributes: {
    form: "partnership",
  },
  provisions: [
    {
      kind: "nato_membership",
      stance: "path_supported",
      text: "A »fast track« to membership in the form of the NATO-Ukraine Council.",
      sources: [fastTrack],
    },
  ],
  statusHistory: [
    {
      status: "in_force",
      date: "2023",
      note: "Established at the 2023 NATO Vilnius Summit.",
      sources: [fastTrack],
    },
  ],
  sources: [fastTrack, shortOfArticle5],
};
