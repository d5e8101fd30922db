import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";
import { opening } from "./common.ts";

const counterproposal = cite(
  T,
  opening,
  "Ukraine's counterproposal was fundamentally different: Kyiv sought a legally binding multilateral defence pact involving a broader coalition of states that would commit to taking action in the event of renewed aggression.",
);
const istanbulTalks = cite(T, opening, "Apart from the brief Istanbul talks in March-April 2022");
const treatyDraft = cite(
  T,
  opening,
  "The Ukraine-proposed Istanbul Communiqué also aimed to enshrine these commitments in a Treaty on Security Guarantees for Ukraine, which would have required ratification by participating states.",
);
const iswFactSheet = cite(
  T,
  "footnote 4",
  "Institute for the Study of War (2025): Fact Sheet: Istanbul Protocol Draft Agreement, 24 February.",
);

export const istanbulDraftTreaty2022: AgreementInput = {
  id: "istanbul-draft-treaty-2022",
  title: "Treaty on Security Guarantees for Ukraine (draft, Istanbul talks)",
  shortTitle: "Istanbul draft treaty",
  titleUk: "Договір про гарантії безпеки для України (проєкт, стамбульські переговори)",
  shortTitleUk: "Стамбульський проєкт договору",
  summary:
    "Ukraine's counter-proposal at the Istanbul talks of March–April 2022: a legally binding multilateral defence pact in which a broader coalition of states would commit to taking action in the event of renewed aggression, to be ratified by the participating states. Russia had proposed instead that the permanent members of the UN Security Council be guardians, which would have given it a veto. Proposed, never concluded. The seeds name no guarantor states for Kyiv's draft, so none is recorded.",
  guarantors: [],
  beneficiaries: ["UA"],
  instrumentType: "mutual_defence_pact",
  attributes: {
    form: "treaty",
    parties: "multilateral",
    legallyBinding: true,
    ratified: false,
    mutualDefenceClause: true,
    securityAssurances: true,
  },
  provisions: [
    {
      kind: "mutual_defence",
      present: true,
      text: "A broader coalition of states would commit to taking action in the event of renewed aggression.",
      sources: [counterproposal],
    },
  ],
  statusHistory: [
    {
      status: "proposed",
      date: "2022",
      note: "Proposed at the Istanbul talks (March–April 2022); never signed.",
      sources: [istanbulTalks, treatyDraft, iswFactSheet],
    },
  ],
  sources: [counterproposal, treatyDraft],
};
