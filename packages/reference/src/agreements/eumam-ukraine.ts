import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";
import { layers, reportedInForce } from "./common.ts";

const training = cite(
  T,
  layers,
  "training Ukrainian soldiers through the EU Military Assistance Mission (EUMAM)",
);

export const eumamUkraine: AgreementInput = {
  id: "eumam-ukraine",
  title: "EU Military Assistance Mission in support of Ukraine (EUMAM)",
  shortTitle: "EUMAM",
  titleUk: "Місія ЄС з військової допомоги на підтримку України (EUMAM)",
  shortTitleUk: "EUMAM",
  summary:
    "The EU's mission training Ukrainian soldiers. The seeds give no start date, size or duration; with no duration stated, no typed assistance provision is recorded (it would need a yes/no on multi-year).",
  guarantors: ["EU"],
  beneficiaries: ["UA"],
  instrumentType: "security_cooperation",
  attributes: {
    form: "mission",
    cooperationAreas: ["training"],
  },
  provisions: [],
  statusHistory: [reportedInForce(training)],
  sources: [training],
};
