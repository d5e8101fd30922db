import type { AgreementInput } from "@commitments/core";
import { budapestMemorandumText, cite, alignmentEssaySeed as E, tannerSeed as T } from "../sources.ts";
import { historicalPrecedents, table1 } from "./common.ts";

const assurances = cite(T, table1, "Assurances (for example, Budapest Memorandum 1994)");
const lessons = cite(
  E,
  "Scenario 4, A Limited Settlement and Partial Reintegration into European Structures",
  "The lessons of the 1994 Budapest assurances remain potent here: political assurances that lack robust enforcement mechanisms leave room for revisionism.",
);

export const budapestMemorandum1994: AgreementInput = {
  id: "budapest-memorandum-1994",
  title: "Budapest Memorandum on Security Assurances",
  shortTitle: "Budapest Memorandum",
  titleUk: "Будапештський меморандум про гарантії безпеки",
  shortTitleUk: "Будапештський меморандум",
  summary:
    "Table 1's example of an assurance. The seeds present it as political assurances that lacked robust enforcement mechanisms, a precedent that left room for revisionism. The seeds do not name its signatories; the guarantors are taken from the memorandum's own text (see its official source).",
  guarantors: ["RU", "GB", "US"],
  beneficiaries: ["UA"],
  instrumentType: "assurance",
  attributes: {
    form: "memorandum",
    securityAssurances: true,
    enforcementCapacity: false,
  },
  signed: "1994",
  provisions: [],
  statusHistory: [{ status: "signed", date: "1994", sources: [assurances] }],
  sources: [assurances, lessons, historicalPrecedents, budapestMemorandumText],
};
