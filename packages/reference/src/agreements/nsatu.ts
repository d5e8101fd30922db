import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";
import { layers } from "./common.ts";

const washingtonSummit = cite(
  T,
  layers,
  "at the 2024 NATO Washington Summit, at which NATO assumed direct coordination of all military aid and training through the NATO Security Assistance and Training for Ukraine (NSATU) initiative, thereby institutionalising NATO support.",
);

export const nsatu: AgreementInput = {
  id: "nsatu",
  title: "NATO Security Assistance and Training for Ukraine (NSATU)",
  shortTitle: "NSATU",
  titleUk: "Безпекова допомога та навчання НАТО для України (NSATU)",
  shortTitleUk: "NSATU",
  summary:
    "Set up at the 2024 NATO Washington Summit: NATO assumed direct coordination of all military aid and training for Ukraine, institutionalising NATO support.",
  guarantors: ["NATO"],
  beneficiaries: ["UA"],
  instrumentType: "security_cooperation",
  attributes: {
    form: "programme",
    cooperationAreas: ["training"],
  },
  provisions: [],
  statusHistory: [
    {
      status: "in_force",
      date: "2024",
      note: "Established at the 2024 NATO Washington Summit.",
      sources: [washingtonSummit],
    },
  ],
  sources: [washingtonSummit],
};
