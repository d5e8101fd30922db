import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";
import { historicalPrecedents, peacekeeping } from "./common.ts";

const weakEnforcement = cite(
  T,
  peacekeeping,
  "The Minsk Agreements (2014/2015) illustrate the risks of weak enforcement: their implementation was systematically undermined by both sides, which ultimately contributed to their failure.",
);

export const minskAgreements: AgreementInput = {
  id: "minsk-agreements",
  title: "Minsk Agreements",
  shortTitle: "Minsk Agreements",
  titleUk: "Мінські угоди",
  shortTitleUk: "Мінські угоди",
  summary:
    "Signed in 2014 and 2015. Their implementation was systematically undermined by both sides, which ultimately contributed to their failure; the seeds cite them as the risk of weak enforcement. The seeds name neither signatories nor guarantors, so none is recorded. The failure is undated in the seeds and no status records it.",
  guarantors: [],
  beneficiaries: ["UA"],
  instrumentType: "political_commitment",
  attributes: {
    form: "political_agreement",
    enforcementCapacity: false,
  },
  signed: "2014",
  provisions: [],
  statusHistory: [
    { status: "signed", date: "2014", note: "First signing.", sources: [weakEnforcement] },
    { status: "signed", date: "2015", note: "Second signing.", sources: [weakEnforcement] },
  ],
  sources: [weakEnforcement, historicalPrecedents],
};
