import { type AgreementInput, isoStates, type Source } from "@commitments/core";
import { cite, alignmentEssaySeed as E } from "../sources.ts";
import { bilateralAccordAttributes, bilateralAccordCitations, g7Framework } from "./common.ts";

/*
 * The ten-year accords France, Germany, Denmark and the Netherlands signed in early 2024. The seeds describe them
 * only together, so the four records are drawn from one template and the essay's words on the whole cluster.
 */

const cluster = cite(
  E,
  "paragraph 2",
  "Between January and March 2024 a cluster of Western and European states signed ten‑year security cooperation agreements with Kyiv.",
);
const priorities = cite(
  E,
  "Assessing feasibility and risks",
  "Air defence, long‑range fires and sustainable munitions production matter more than legal formulas. The bilateral agreements signed in early 2024 explicitly prioritized these capabilities, which is no accident.",
);
const template = cite(
  E,
  "Scenario 2, A European-led Security Compact Supplemented by Bilateral Guarantees",
  "The bilateral accords seen in early 2024 establish the template for this model: legally framed assistance that endures until NATO membership or for a decade, whichever comes first.",
);
const midFebruary = cite(
  E,
  "paragraph 2",
  "France and Germany followed in mid‑February with their own long‑term pacts, pledging multi‑billion euro packages, air‑defence and training commitments and mechanisms for emergency consultations in case of renewed aggression.",
);
const similar = cite(
  E,
  "paragraph 2",
  "Denmark and the Netherlands signed similar agreements in late February and early March, broadening the geographic and capability base of Kyiv’s security partners.",
);

/** The provisions the essay states for every early-2024 accord. */
const earlyAccordProvisions: AgreementInput["provisions"] = [
  {
    kind: "assistance",
    text: "The bilateral agreements signed in early 2024 explicitly prioritized air defence, long-range fires and sustainable munitions production.",
    categories: ["air_defence", "long_range_fires", "ammunition"],
    multiYear: true,
    forms: ["military"],
    sources: [priorities, cluster],
  },
  {
    kind: "duration_termination",
    durationYears: 10,
    text: "Ten years; the essay describes the early-2024 accords as assistance that endures until NATO membership or for a decade, whichever comes first.",
    sources: [cluster, template],
  },
];

interface Particulars {
  country: "FR" | "DE" | "DK" | "NL";
  name: "France" | "Germany" | "Denmark" | "Netherlands";
  summary: string;
  signed: "2024-02" | "2024-03";
  /** The signing as the essay dates it. */
  when: string;
  reportedBy: Source;
  /** Attributes beyond those every bilateral accord has. */
  attributes: Partial<AgreementInput["attributes"]>;
  /** Provisions beyond those the essay states for the whole cluster. */
  provisions: AgreementInput["provisions"];
}

/** The state's name as its party gives it in Ukrainian. */
function nameUk(country: Particulars["country"]): string {
  const name = isoStates().find((s) => s.id === country)?.nameUk;
  if (!name) throw new Error(`no Ukrainian name for ${country}`);
  return name;
}

function early2024Accord(p: Particulars): AgreementInput {
  // "Name — Україна" leaves the country's name in the nominative, so no case needs to be formed from it.
  const pairUk = `${nameUk(p.country)} — Україна`;
  return {
    id: `${p.name.toLowerCase()}-ukraine-security-cooperation-2024`,
    title: `${p.name}–Ukraine bilateral agreement on security cooperation (ten-year)`,
    shortTitle: `${p.name}–Ukraine 2024`,
    titleUk: `Двостороння угода про співробітництво у сфері безпеки: ${pairUk} (десятирічна)`,
    shortTitleUk: `${pairUk} 2024`,
    summary: p.summary,
    guarantors: [p.country],
    beneficiaries: ["UA"],
    instrumentType: "security_cooperation",
    attributes: {
      ...bilateralAccordAttributes,
      ...p.attributes,
      cooperationAreas: ["training", "intelligence", "defence_industry"],
    },
    signed: p.signed,
    durationYears: 10,
    framework: g7Framework,
    provisions: [...p.provisions, ...earlyAccordProvisions],
    statusHistory: [{ status: "signed", date: p.signed, note: p.when, sources: [p.reportedBy] }],
    sources: [p.reportedBy, cluster, ...bilateralAccordCitations],
  };
}

/** France's or Germany's pact of mid-February 2024. */
export function midFebruaryPact(country: "FR" | "DE", name: "France" | "Germany"): AgreementInput {
  return early2024Accord({
    country,
    name,
    summary: `One of the ten-year security cooperation agreements signed between January and March 2024. ${name} signed in mid-February 2024 with a long-term pact pledging multi-billion euro packages (the seeds give no figure, so none is recorded), air-defence and training commitments and mechanisms for emergency consultations in case of renewed aggression.`,
    signed: "2024-02",
    when: "Mid-February 2024.",
    reportedBy: midFebruary,
    attributes: { consultationMechanism: true, resourcesPledged: true },
    provisions: [
      {
        kind: "assistance",
        text: "Multi-billion euro packages, air-defence and training commitments (no amount given).",
        categories: ["air_defence", "training"],
        multiYear: true,
        forms: ["military", "training"],
        sources: [midFebruary],
      },
      {
        kind: "consultation",
        trigger: "renewed aggression",
        text: "Mechanisms for emergency consultations in case of renewed aggression.",
        sources: [midFebruary],
      },
    ],
  });
}

/** Denmark's or the Netherlands' accord, which the seeds call only similar to the French and German ones. */
export function similarAccord(
  country: "DK" | "NL",
  name: "Denmark" | "the Netherlands",
  signed: "2024-02" | "2024-03",
  when: "Late February 2024" | "Early March 2024",
): AgreementInput {
  return early2024Accord({
    country,
    name: name === "the Netherlands" ? "Netherlands" : name,
    summary: `One of the ten-year security cooperation agreements signed between January and March 2024; ${name} signed in ${when.toLowerCase()}. The seeds describe it only as similar to the French and German agreements.`,
    signed,
    when: `${when}.`,
    reportedBy: similar,
    attributes: {},
    provisions: [],
  });
}
