import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";
import { layers } from "./common.ts";

const signing = cite(
  T,
  layers,
  "The European Union's comprehensive support for Ukraine was significantly strengthened with the signing of the Joint Security Commitments in June 2024.",
);
const consultationPledge = cite(
  T,
  layers,
  "This landmark agreement established the EU's first ever consultation pledge, committing the bloc to consulting with Ukraine immediately in the event of renewed aggression.",
);
const cooperationAreas = cite(
  T,
  layers,
  "The commitments also outline long-term cooperation in key areas such as defence, resilience, reform and countering hybrid threats.",
);

export const euJointSecurityCommitments2024: AgreementInput = {
  id: "eu-ukraine-joint-security-commitments-2024",
  title: "Joint Security Commitments between the European Union and Ukraine",
  shortTitle: "EU Joint Security Commitments",
  titleUk: "Спільні безпекові зобов’язання між Європейським Союзом та Україною",
  shortTitleUk: "Спільні безпекові зобов’язання ЄС",
  summary:
    "Signed in June 2024. It established the EU's first ever consultation pledge: to consult with Ukraine immediately in the event of renewed aggression. It outlines long-term cooperation in defence, resilience, reform and countering hybrid threats, which no typed provision can hold without guessing fields the seeds leave open.",
  guarantors: ["EU"],
  beneficiaries: ["UA"],
  instrumentType: "security_cooperation",
  attributes: {
    form: "political_agreement",
    parties: "bilateral",
    consultationMechanism: true,
    cooperationAreas: ["defence", "resilience", "reform", "hybrid_threats"],
  },
  signed: "2024-06",
  provisions: [
    {
      kind: "consultation",
      trigger: "renewed aggression",
      text: "The EU's first ever consultation pledge: to consult with Ukraine immediately in the event of renewed aggression (no deadline in hours is given).",
      sources: [consultationPledge],
    },
  ],
  statusHistory: [{ status: "signed", date: "2024-06", sources: [signing] }],
  sources: [signing, cooperationAreas],
};
