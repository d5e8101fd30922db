import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";
import {
  allianceObligationAttributes,
  allianceObligations,
  mostCredible,
  opening,
  reportedInForce,
} from "./common.ts";

const bindingAlliance = cite(
  T,
  opening,
  "Security guarantees typically come in one of two forms: binding alliance commitments most notably NATO membership",
);

export const natoArticle5: AgreementInput = {
  id: "nato-article-5",
  title: "North Atlantic Treaty, Article 5 (collective defence)",
  shortTitle: "NATO Article 5",
  titleUk: "Північноатлантичний договір, стаття 5 (колективна оборона)",
  shortTitleUk: "Стаття 5 НАТО",
  summary:
    "A reference point, not a commitment to Ukraine: the collective defence owed among NATO members, which Ukraine does not have. The seeds give it as the model of a guarantee backed by both legal obligation and credible military force. They give no date.",
  guarantors: ["NATO"],
  beneficiaries: ["NATO"],
  instrumentType: "alliance_obligation",
  attributes: { form: "treaty", parties: "multilateral", ...allianceObligationAttributes },
  provisions: [
    {
      kind: "mutual_defence",
      present: true,
      text: "Collective defence among NATO members.",
      sources: [bindingAlliance, allianceObligations],
    },
  ],
  statusHistory: [reportedInForce(bindingAlliance)],
  sources: [bindingAlliance, allianceObligations, mostCredible],
};
