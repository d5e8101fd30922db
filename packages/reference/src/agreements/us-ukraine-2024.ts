import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";
import {
  bilateralAccordAttributes,
  bilateralAccordCitations,
  g7Framework,
  layers,
  opening,
} from "./common.ts";

const bridgeToMembership = cite(
  T,
  layers,
  "Under President Biden, officials presented a 10-year agreement as a »bridge to NATO membership«, providing interim support until formal accession.",
);
const shortOfArticle5 = cite(
  T,
  layers,
  "Resembling deals with European partners, the agreement stopped short of NATO's Article 5, offering no automatic military intervention, only consultations and continued support, primarily through arms supply.",
);
const commitments = cite(
  T,
  layers,
  "The agreement commits the US to providing NATO-standard weapons such as Patriots and F-16s, as well as training, intelligence sharing, logistics, joint defence-industrial projects and cooperation on cyber defence, counter-propaganda and demining.",
);
const factSheet = cite(
  T,
  "footnote 9 (the in-text marker on the US paragraph reads 8)",
  "White House - Fact Sheet: U.S.-Ukraine Bilateral Security Agreement, 13 June 2024.",
);
const reshaped = cite(
  T,
  layers,
  "Following President Trump's return to office, the 2024 accord was not annulled, but rather reshaped by new arrangements.",
);
const early2025 = cite(
  T,
  opening,
  "until early 2025, when the Trump administration opened communication channels with Russia",
);
const conditional = cite(
  T,
  layers,
  "Trump abandoned unconditional, long-term commitments, instead making US support conditional and transactional. The 10-year framework became aspirational rather than binding, with aid now dependent on economic and diplomatic concessions on the part of Ukraine.",
);
const onTrumpsTerms = cite(
  T,
  layers,
  "US backing now proceeds on Trump's terms and is linked to the mineral resources deal and peace initiatives that serve the interests of the US administration. Henceforth, US weapons for Ukraine must be purchased by the Europeans.",
);

export const usUkraine2024: AgreementInput = {
  id: "us-ukraine-bilateral-security-agreement-2024",
  title: "U.S.–Ukraine Bilateral Security Agreement",
  shortTitle: "US–Ukraine 2024",
  titleUk: "Двостороння безпекова угода: США — Україна",
  shortTitleUk: "США — Україна 2024",
  summary:
    "A 10-year agreement presented under President Biden as a 'bridge to NATO membership'. It stopped short of NATO's Article 5: no automatic military intervention, only consultations and continued support, primarily through arms supply (Patriots and F-16s), with training, intelligence sharing, logistics, joint defence-industrial projects and cooperation on cyber defence, counter-propaganda and demining. After President Trump's return to office in 2025 it was not annulled but reshaped: aspirational rather than binding, conditional and transactional, linked to the mineral resources deal, with US weapons for Ukraine to be purchased by the Europeans. The seeds date it to 2024 and cite the White House fact sheet of 13 June 2024; they give no signing day.",
  guarantors: ["US"],
  beneficiaries: ["UA"],
  instrumentType: "security_cooperation",
  attributes: {
    ...bilateralAccordAttributes,
    automaticMilitaryResponse: false,
    consultationMechanism: true,
    resourcesPledged: true,
    cooperationAreas: ["arms_supply", "training", "intelligence", "defence_industry", "cyber"],
  },
  signed: "2024",
  durationYears: 10,
  framework: g7Framework,
  provisions: [
    {
      kind: "nato_membership",
      stance: "bridge_to_membership",
      text: "Presented as a »bridge to NATO membership«, providing interim support until formal accession.",
      sources: [bridgeToMembership],
    },
    {
      kind: "consultation",
      trigger:
        "Not stated in the seeds; consultations are offered in place of automatic military intervention.",
      text: "Only consultations and continued support, no automatic military intervention.",
      sources: [shortOfArticle5],
    },
    {
      kind: "mutual_defence",
      present: false,
      text: "The agreement stopped short of NATO's Article 5, offering no automatic military intervention.",
      sources: [shortOfArticle5],
    },
    {
      kind: "assistance",
      text: "NATO-standard weapons such as Patriots and F-16s, as well as training, intelligence sharing, logistics, joint defence-industrial projects and cooperation on cyber defence, counter-propaganda and demining.",
      categories: [
        "air_defence.systems",
        "aircraft",
        "training",
        "intelligence",
        "defence_industrial",
        "cyber",
        "demining",
      ],
      multiYear: true,
      forms: ["military", "training"],
      sources: [commitments],
    },
    {
      kind: "intelligence_cyber",
      intelligence: true,
      cyber: true,
      text: "Intelligence sharing and cooperation on cyber defence.",
      sources: [commitments],
    },
    {
      kind: "duration_termination",
      durationYears: 10,
      text: "A 10-year agreement; after 2025 the 10-year framework became aspirational rather than binding.",
      sources: [bridgeToMembership],
    },
  ],
  statusHistory: [
    {
      status: "signed",
      date: "2024",
      note: "The seeds call it the 2024 accord and cite the White House fact sheet of 13 June 2024; they give no signing day.",
      sources: [factSheet, reshaped],
    },
    {
      status: "reshaped",
      date: "2025",
      note: "Not annulled but reshaped by new arrangements after President Trump's return to office (the seeds place his administration's first moves in early 2025).",
      sources: [reshaped, early2025],
    },
    {
      status: "conditional",
      date: "2025",
      note: "Support made conditional and transactional: the 10-year framework became aspirational rather than binding, aid depends on economic and diplomatic concessions by Ukraine, backing is linked to the mineral resources deal, and US weapons for Ukraine must be purchased by the Europeans.",
      sources: [conditional, onTrumpsTerms],
    },
  ],
  sources: [bridgeToMembership, factSheet, ...bilateralAccordCitations],
};
