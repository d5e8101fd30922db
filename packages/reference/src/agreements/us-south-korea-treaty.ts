import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";
import {
  allianceObligationAttributes,
  allianceObligations,
  mostCredible,
  opening,
  reportedInForce,
} from "./common.ts";

const afterArmistice = cite(
  T,
  opening,
  "Past cases illustrate this, such as the US–South Korea Mutual Defense Treaty following the Korean Armistice Agreement",
);

export const usSouthKoreaTreaty: AgreementInput = {
  id: "us-south-korea-mutual-defense-treaty",
  title: "US–South Korea Mutual Defense Treaty",
  shortTitle: "US–South Korea Treaty",
  titleUk: "Договір про взаємну оборону: США — Південна Корея",
  shortTitleUk: "Договір США — Південна Корея",
  summary:
    "A reference point, not a commitment to Ukraine: Table 1's example, with NATO Article 5, of an alliance obligation. The seeds note it followed the Korean Armistice Agreement and give no date.",
  guarantors: ["US", "KR"],
  beneficiaries: ["KR", "US"],
  instrumentType: "alliance_obligation",
  attributes: { form: "treaty", parties: "bilateral", ...allianceObligationAttributes },
  provisions: [
    {
      kind: "mutual_defence",
      present: true,
      text: "A mutual defence treaty; Table 1 lists it among alliance obligations.",
      sources: [allianceObligations],
    },
  ],
  statusHistory: [reportedInForce(afterArmistice)],
  sources: [afterArmistice, allianceObligations, mostCredible],
};
