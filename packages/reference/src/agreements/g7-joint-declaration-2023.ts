import type { AgreementInput } from "@commitments/core";
import { cite, alignmentEssaySeed as E, tannerSeed as T } from "../sources.ts";
import { g7Framework, layers } from "./common.ts";

const launched = cite(
  T,
  layers,
  "The G7 Joint Declaration of Support for Ukraine was launched alongside the Vilnius Summit and has since been joined by numerous other nations. It established a framework for comprehensive bilateral security pledges.",
);
const assistance = cite(
  T,
  layers,
  "This commitment includes providing ongoing military assistance, such as air defence and combat air capabilities, strengthening Ukraine's domestic defence industrial base and deepening extensive training and intelligence cooperation.",
);
const longTermSupport = cite(
  E,
  "paragraph 1",
  "Since the G7’s Vilnius joint declaration in July 2023, which framed long‑term international support for Ukraine as an element of Euro‑Atlantic security",
);

export const g7JointDeclaration2023: AgreementInput = {
  id: g7Framework,
  title: "G7 Joint Declaration of Support for Ukraine",
  shortTitle: "G7 Joint Declaration",
  titleUk: "Спільна декларація G7 про підтримку України",
  shortTitleUk: "Спільна декларація G7",
  summary:
    "Launched by the G7 alongside the 2023 NATO Vilnius Summit (July 2023) and since joined by numerous other nations, whom the seeds do not name. It established the framework under which the bilateral security agreements were concluded; its core objective is a sustainable Ukrainian defence force interoperable with NATO.",
  guarantors: ["G7"],
  beneficiaries: ["UA"],
  instrumentType: "declaration_joint_statement",
  attributes: {
    form: "joint_statement",
    parties: "multilateral",
    cooperationAreas: ["arms_supply", "training", "intelligence", "defence_industry"],
  },
  signed: "2023-07",
  provisions: [
    {
      kind: "assistance",
      text: "Ongoing military assistance, such as air defence and combat air capabilities, strengthening Ukraine's domestic defence industrial base and deepening extensive training and intelligence cooperation; framed as long-term support.",
      categories: ["air_defence", "aircraft", "defence_industrial", "training", "intelligence"],
      multiYear: true,
      forms: ["military", "training"],
      sources: [assistance, longTermSupport],
    },
  ],
  statusHistory: [
    {
      status: "signed",
      date: "2023-07",
      note: "Launched alongside the Vilnius Summit; the seeds say launched, not signed.",
      sources: [longTermSupport],
    },
  ],
  sources: [launched, longTermSupport],
};
