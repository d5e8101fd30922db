import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";
import { asOfTanner, peacekeeping } from "./common.ts";

const proposals = cite(
  T,
  peacekeeping,
  "European proposals have suggested a multinational force of 40,000–50,000 troops, though sustaining it would need over 100,000 personnel. France and the United Kingdom have proposed deployments with air, sea and land components, but the political will is limited, with scepticism for example in Poland and Italy.",
);
const deterrentForce = cite(
  T,
  peacekeeping,
  "According to Freedman, a deterrent force would consist of a sizeable foreign contingent integrated with Ukrainian forces and would be credible because it shifted the local balance of power.",
);

export const reassuranceForceProposal: AgreementInput = {
  id: "reassurance-force-proposal",
  title: "Proposed multinational reassurance force for Ukraine",
  shortTitle: "Reassurance force (proposed)",
  titleUk: "Запропоновані багатонаціональні сили заспокоєння для України",
  shortTitleUk: "Сили заспокоєння (запропоновані)",
  summary:
    "European proposals have suggested a multinational force of 40,000–50,000 troops, though sustaining it would need over 100,000 personnel; France and the United Kingdom have proposed deployments with air, sea and land components. A deterrent force would be a sizeable foreign contingent integrated with Ukrainian forces. Political will is limited, Europe cannot mount it without US enablers, and Moscow rejects any post-conflict presence of NATO states' forces in Ukraine. The seeds date none of the proposals. No provision kind holds a troop deployment, so the figures stay in this summary.",
  guarantors: ["FR", "GB"],
  beneficiaries: ["UA"],
  instrumentType: "troop_stationing",
  attributes: {
    form: "force_deployment",
    parties: "multilateral",
    troopsStationed: true,
  },
  provisions: [],
  statusHistory: [
    {
      status: "proposed",
      date: asOfTanner,
      dateBasis: "reported",
      note: "The seeds date none of the proposals; dated to the Tanner paper (October 2025), which reports them.",
      sources: [proposals],
    },
  ],
  sources: [proposals, deterrentForce],
};
