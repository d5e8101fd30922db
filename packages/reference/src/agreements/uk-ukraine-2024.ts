import type { AgreementInput } from "@commitments/core";
import { cite, alignmentEssaySeed as E, tannerSeed as T } from "../sources.ts";
import { bilateralAccordAttributes, bilateralAccordCitations, g7Framework } from "./common.ts";

// Tanner's annex on the UK agreement, item by item.
const annex1 = "Annex, 1. Future Security and Deterrence";
const annex2 = "Annex, 2. Defence and Military Cooperation";
const annex3 = "Annex, 3. Non-Military and Institutional Cooperation";
const annex4 = "Annex, 4. Timeframe and NATO";

const firstAccord = cite(
  T,
  "Annex",
  "Agreement on Security Co-operation between the United Kingdom of Great Britain & Northern Ireland and Ukraine, signed on 12 January 2024, is the first bilateral security accord concluded following the G7 Joint Declaration of Support for Ukraine.",
);
// The consultation provision gives the agreement's own words, as Tanner quotes them.
const consultationText =
  "In the event of a future Russian armed attack, the Participants will consult within 24 hours to determine the necessary measures to counter and deter the aggression.";
const consultWithin24Hours = cite(T, annex1, consultationText);
const sustainedAssistance = cite(
  T,
  annex1,
  "Both sides commit to providing swift and sustained security assistance, modern military equipment and economic assistance, acting in accordance with their respective legal requirements.",
);
const noMutualDefence = cite(
  T,
  annex1,
  "However, the agreement does not contain a mutual defence clause equivalent to NATO's Article 5.",
);
const ukPriorities = cite(
  T,
  annex2,
  "The UK commits to the continued provision of security assistance and modern military equipment, prioritising areas such as air defence, artillery, long-range firepower, and armoured vehicles.",
);
const defenceIndustry = cite(
  T,
  annex2,
  "A central focus is to develop Ukraine's defence industrial base and identify opportunities for closer defence industrial partnerships, including for the localisation and joint production of defence products.",
);
const maritimeCoalition = cite(
  T,
  annex2,
  "The UK plays a significant role in capability coalitions, including jointly leading the Maritime Security Capability Coalition to enhance naval capabilities and security across the Black and Azov Seas.",
);
const intelligence = cite(
  T,
  annex3,
  "The Participants will work together on intelligence and security co-operation to detect, deter and disrupt Russian conventional aggression",
);
const cyberResilience = cite(
  T,
  annex3,
  "This includes strengthening Ukraine's cyber resilience through advice and industry support.",
);
const reforms = cite(
  T,
  annex3,
  "The agreement reaffirms support for Ukraine's democratic and anti-corruption reforms and commits to providing assistance for post-war reconstruction and strengthening economic stability.",
);
const tenYears = cite(T, annex4, "The agreement is valid for a period of ten years");
const onNatoAccession = cite(
  T,
  annex4,
  "In the event that Ukraine becomes a member of NATO before the expiry of the agreement, the participants will decide on its future status.",
);
const model = cite(
  E,
  "paragraph 2",
  "The United Kingdom’s January accord set a model for a binding intergovernmental framework of rapid consultation and sustained military, intelligence and cyber support.",
);

export const ukUkraine2024: AgreementInput = {
  id: "uk-ukraine-security-cooperation-2024",
  title:
    "Agreement on Security Co-operation between the United Kingdom of Great Britain & Northern Ireland and Ukraine",
  shortTitle: "UK–Ukraine 2024",
  titleUk:
    "Угода про співробітництво у сфері безпеки між Україною та Сполученим Королівством Великої Британії і Північної Ірландії",
  shortTitleUk: "Велика Британія — Україна 2024",
  summary:
    "Signed on 12 January 2024, the first bilateral security accord concluded following the G7 Joint Declaration. Valid for ten years, it provides long-term security support outside NATO's Article 5: consultation within 24 hours of a future Russian armed attack, sustained military and economic assistance, defence-industrial partnership, the co-leadership of the Maritime Security Capability Coalition, intelligence and cyber co-operation, and support for reform and reconstruction. It has no mutual defence clause. The essay calls it the model for 'a binding intergovernmental framework'; whether that means legally binding the seeds do not settle, so legal bindingness is left open.",
  guarantors: ["GB"],
  beneficiaries: ["UA"],
  instrumentType: "security_cooperation",
  attributes: {
    ...bilateralAccordAttributes,
    consultationMechanism: true,
    resourcesPledged: true,
    cooperationAreas: ["arms_supply", "training", "intelligence", "cyber", "defence_industry"],
  },
  signed: "2024-01-12",
  durationYears: 10,
  framework: g7Framework,
  provisions: [
    {
      kind: "consultation",
      deadlineHours: 24,
      trigger: "a future Russian armed attack",
      text: consultationText,
      sources: [consultWithin24Hours, model],
    },
    {
      kind: "assistance",
      text: "Swift and sustained security assistance, modern military equipment and economic assistance, in accordance with each side's legal requirements; the UK prioritises air defence, artillery, long-range firepower and armoured vehicles.",
      categories: ["air_defence", "artillery", "long_range_fires", "armoured_vehicles"],
      multiYear: true,
      forms: ["military", "economic"],
      sources: [sustainedAssistance, ukPriorities, tenYears],
    },
    {
      kind: "mutual_defence",
      present: false,
      text: "The agreement does not contain a mutual defence clause equivalent to NATO's Article 5.",
      sources: [noMutualDefence],
    },
    {
      kind: "defence_industrial",
      coProduction: true,
      localisation: true,
      text: "Develop Ukraine's defence industrial base and identify opportunities for closer defence industrial partnerships, including localisation and joint production of defence products.",
      sources: [defenceIndustry],
    },
    {
      kind: "capability_coalition",
      coalition: "Maritime Security Capability Coalition",
      role: "co_lead",
      text: "The UK jointly leads the Maritime Security Capability Coalition to enhance naval capabilities and security across the Black and Azov Seas.",
      sources: [maritimeCoalition],
    },
    {
      kind: "intelligence_cyber",
      intelligence: true,
      cyber: true,
      text: "Intelligence and security co-operation to detect, deter and disrupt Russian conventional aggression and hybrid warfare, including strengthening Ukraine's cyber resilience through advice and industry support.",
      sources: [intelligence, cyberResilience],
    },
    {
      kind: "reconstruction_reform",
      reconstruction: true,
      reform: true,
      text: "Support for Ukraine's democratic and anti-corruption reforms, and assistance for post-war reconstruction and economic stability.",
      sources: [reforms],
    },
    {
      kind: "duration_termination",
      durationYears: 10,
      text: "The agreement is valid for a period of ten years.",
      sources: [tenYears],
    },
    {
      kind: "nato_membership",
      stance: "review_on_accession",
      text: "The agreement is to remain in force as Ukraine pursues membership of the Euro-Atlantic community; if Ukraine joins NATO before it expires, the participants will decide on its future status.",
      sources: [onNatoAccession],
    },
  ],
  statusHistory: [{ status: "signed", date: "2024-01-12", sources: [firstAccord] }],
  sources: [firstAccord, model, ...bilateralAccordCitations],
};
