import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T, ukraineCompactText } from "../sources.ts";
import { layers, table1 } from "./common.ts";

const established = cite(
  T,
  layers,
  "Central to this vision is the Ukraine Compact, which was established in July 2024 to coordinate and accelerate international commitments, and to reinforce mechanisms such as the Ukraine Defence Contact Group.",
);
const plans = cite(
  T,
  layers,
  "The Compact includes plans to strengthen the Ukrainian armed forces, launch joint weapons production and define clear financial defence commitments.",
);
const partnershipAgreements = cite(T, table1, "Partnership agreements (strategic partnerships, compacts)");

export const ukraineCompact2024: AgreementInput = {
  id: "ukraine-compact-2024",
  title: "Ukraine Compact",
  shortTitle: "Ukraine Compact",
  titleUk: "Компакт для України",
  shortTitleUk: "Компакт для України",
  summary:
    "Established in July 2024 to coordinate and accelerate international commitments and to reinforce mechanisms such as the Ukraine Defence Contact Group; it includes plans to strengthen the Ukrainian armed forces, launch joint weapons production and define clear financial defence commitments. The seeds do not name its signatories; the guarantors are taken from the Compact's own text (see its official source).",
  guarantors: [
    "US",
    "BE",
    "CA",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "IS",
    "IT",
    "JP",
    "LV",
    "LT",
    "LU",
    "NL",
    "NO",
    "PL",
    "PT",
    "RO",
    "ES",
    "SE",
    "GB",
    "EU",
  ],
  beneficiaries: ["UA"],
  instrumentType: "partnership_agreement",
  attributes: {
    form: "partnership",
    parties: "multilateral",
    cooperationAreas: ["defence_industry", "financing"],
  },
  inForce: "2024-07",
  provisions: [],
  statusHistory: [
    {
      status: "in_force",
      date: "2024-07",
      note: "Established in July 2024.",
      sources: [established],
    },
  ],
  sources: [established, plans, partnershipAgreements, ukraineCompactText],
};
