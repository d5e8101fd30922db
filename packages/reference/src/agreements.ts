import type { AgreementInput } from "@commitments/core";
import {
  budapestMemorandumText,
  cite,
  alignmentEssaySeed as E,
  tannerSeed as T,
  ukraineCompactText,
} from "./sources.ts";

/*
 * The reference agreements: every agreement, institution and instrument the two seeds name as part of Ukraine's
 * security architecture, or as the reference points Table 1 measures it against.
 *
 * Rules kept throughout:
 * - Attributes record only what the seeds establish; an attribute the seeds leave open is left out, and the
 *   classifier reads it as "not established".
 * - Dates carry the precision the seeds give ("mid-February 2024" is "2024-02"). Where the seeds give no date for a
 *   step the schema requires, the step is dated to the seed that reports it and the note says so.
 * - No figure without a source: amounts appear only where a seed states them.
 * - A typed provision is recorded only when the seeds establish every field it requires; a required yes/no the
 *   seeds leave open would otherwise be recorded as a false "no".
 */

const layers = "Institutional and bilateral security layers for Ukraine";
const table1 = "Table 1: Gradation of security guarantees";
const peacekeeping = "Peacekeeping as a security guarantee";
const annex1 = "Annex, 1. Future Security and Deterrence";
const annex2 = "Annex, 2. Defence and Military Cooperation";
const annex3 = "Annex, 3. Non-Military and Institutional Cooperation";
const annex4 = "Annex, 4. Timeframe and NATO";

/** A status the Tanner paper (October 2025) reports as current, without a start date. */
const asOfTanner = "2025-10";
const asOfTannerNote =
  "Reported as current by the Tanner paper (October 2025); the seeds give no start date.";

const g7Framework = "g7-joint-declaration-2023";

// What Tanner says of all the 10-year bilateral accords: the grounds for their shared attributes.
const bilateralCitations = () => [
  cite(
    T,
    layers,
    "Adopting a »coalition of the willing« approach, European partners and other committed nations have each concluded a 10-year accord with Kyiv.",
  ),
  cite(
    T,
    layers,
    "These agreements are designed to ensure sustained assistance, focusing on continuous military aid, training programmes, intelligence cooperation",
  ),
  cite(
    T,
    layers,
    "Bilateral security agreements have become the primary means of providing Ukraine with long-term structured agreements outside NATO's Article 5.",
  ),
  cite(
    T,
    layers,
    "Although the agreements are bilateral, they are coordinated under the G7 umbrella to avoid fragmentation and ensure coherence among partners.",
  ),
];

const earlyCluster = () =>
  cite(
    E,
    "paragraph 2",
    "Between January and March 2024 a cluster of Western and European states signed ten‑year security cooperation agreements with Kyiv.",
  );

const earlyPriorities = () =>
  cite(
    E,
    "Assessing feasibility and risks",
    "Air defence, long‑range fires and sustainable munitions production matter more than legal formulas. The bilateral agreements signed in early 2024 explicitly prioritized these capabilities, which is no accident.",
  );

const earlyTemplate = () =>
  cite(
    E,
    "Scenario 2, A European-led Security Compact Supplemented by Bilateral Guarantees",
    "The bilateral accords seen in early 2024 establish the template for this model: legally framed assistance that endures until NATO membership or for a decade, whichever comes first.",
  );

/** The provisions the essay states for every early-2024 accord; used for Denmark, the Netherlands, France, Germany. */
function earlyAccordProvisions(): AgreementInput["provisions"] {
  return [
    {
      kind: "assistance",
      text: "The bilateral agreements signed in early 2024 explicitly prioritized air defence, long-range fires and sustainable munitions production.",
      categories: ["air_defence", "long_range_fires", "ammunition"],
      multiYear: true,
      forms: ["military"],
      sources: [earlyPriorities(), earlyCluster()],
    },
    {
      kind: "duration_termination",
      durationYears: 10,
      text: "Ten years; the essay describes the early-2024 accords as assistance that endures until NATO membership or for a decade, whichever comes first.",
      sources: [earlyCluster(), earlyTemplate()],
    },
  ];
}

function frenchOrGerman(country: "FR" | "DE", name: "France" | "Germany"): AgreementInput {
  const midFebruary = cite(
    E,
    "paragraph 2",
    "France and Germany followed in mid‑February with their own long‑term pacts, pledging multi‑billion euro packages, air‑defence and training commitments and mechanisms for emergency consultations in case of renewed aggression.",
  );
  return {
    id: `${name.toLowerCase()}-ukraine-security-cooperation-2024`,
    title: `${name}–Ukraine bilateral agreement on security cooperation (ten-year)`,
    shortTitle: `${name}–Ukraine 2024`,
    summary: `One of the ten-year security cooperation agreements signed between January and March 2024. ${name} signed in mid-February 2024 with a long-term pact pledging multi-billion euro packages (the seeds give no figure, so none is recorded), air-defence and training commitments and mechanisms for emergency consultations in case of renewed aggression.`,
    guarantors: [country],
    beneficiaries: ["UA"],
    instrumentType: "security_cooperation",
    attributes: {
      form: "political_agreement",
      parties: "bilateral",
      mutualDefenceClause: false,
      consultationMechanism: true,
      resourcesPledged: true,
      cooperationAreas: ["training", "intelligence", "defence_industry"],
    },
    signed: "2024-02",
    durationYears: 10,
    framework: g7Framework,
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
      ...earlyAccordProvisions(),
    ],
    statusHistory: [
      { status: "signed", date: "2024-02", note: "Mid-February 2024.", sources: [midFebruary] },
    ],
    sources: [midFebruary, earlyCluster(), ...bilateralCitations()],
  };
}

function danishOrDutch(
  country: "DK" | "NL",
  name: "Denmark" | "the Netherlands",
  signed: "2024-02" | "2024-03",
  when: "Late February 2024" | "Early March 2024",
): AgreementInput {
  const similar = cite(
    E,
    "paragraph 2",
    "Denmark and the Netherlands signed similar agreements in late February and early March, broadening the geographic and capability base of Kyiv’s security partners.",
  );
  const bare = name.replace(/^the /, "");
  return {
    id: `${bare.toLowerCase()}-ukraine-security-cooperation-2024`,
    title: `${bare}–Ukraine bilateral agreement on security cooperation (ten-year)`,
    shortTitle: `${bare}–Ukraine 2024`,
    summary: `One of the ten-year security cooperation agreements signed between January and March 2024; ${name} signed in ${when.toLowerCase()}. The seeds describe it only as similar to the French and German agreements.`,
    guarantors: [country],
    beneficiaries: ["UA"],
    instrumentType: "security_cooperation",
    attributes: {
      form: "political_agreement",
      parties: "bilateral",
      mutualDefenceClause: false,
      cooperationAreas: ["training", "intelligence", "defence_industry"],
    },
    signed,
    durationYears: 10,
    framework: g7Framework,
    provisions: earlyAccordProvisions(),
    statusHistory: [{ status: "signed", date: signed, note: `${when}.`, sources: [similar] }],
    sources: [similar, earlyCluster(), ...bilateralCitations()],
  };
}

export const referenceAgreements: AgreementInput[] = [
  {
    id: g7Framework,
    title: "G7 Joint Declaration of Support for Ukraine",
    shortTitle: "G7 Joint Declaration",
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
        sources: [
          cite(
            T,
            layers,
            "This commitment includes providing ongoing military assistance, such as air defence and combat air capabilities, strengthening Ukraine's domestic defence industrial base and deepening extensive training and intelligence cooperation.",
          ),
          cite(
            E,
            "paragraph 1",
            "Since the G7’s Vilnius joint declaration in July 2023, which framed long‑term international support for Ukraine as an element of Euro‑Atlantic security",
          ),
        ],
      },
    ],
    statusHistory: [
      {
        status: "signed",
        date: "2023-07",
        note: "Launched alongside the Vilnius Summit; the seeds say launched, not signed.",
        sources: [
          cite(
            E,
            "paragraph 1",
            "Since the G7’s Vilnius joint declaration in July 2023, which framed long‑term international support for Ukraine as an element of Euro‑Atlantic security",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        layers,
        "The G7 Joint Declaration of Support for Ukraine was launched alongside the Vilnius Summit and has since been joined by numerous other nations. It established a framework for comprehensive bilateral security pledges.",
      ),
      cite(
        E,
        "paragraph 1",
        "Since the G7’s Vilnius joint declaration in July 2023, which framed long‑term international support for Ukraine as an element of Euro‑Atlantic security",
      ),
    ],
  },
  {
    id: "uk-ukraine-security-cooperation-2024",
    title:
      "Agreement on Security Co-operation between the United Kingdom of Great Britain & Northern Ireland and Ukraine",
    shortTitle: "UK–Ukraine 2024",
    summary:
      "Signed on 12 January 2024, the first bilateral security accord concluded following the G7 Joint Declaration. Valid for ten years, it provides long-term security support outside NATO's Article 5: consultation within 24 hours of a future Russian armed attack, sustained military and economic assistance, defence-industrial partnership, the co-leadership of the Maritime Security Capability Coalition, intelligence and cyber co-operation, and support for reform and reconstruction. It has no mutual defence clause. The essay calls it the model for 'a binding intergovernmental framework'; whether that means legally binding the seeds do not settle, so legal bindingness is left open.",
    guarantors: ["GB"],
    beneficiaries: ["UA"],
    instrumentType: "security_cooperation",
    attributes: {
      form: "political_agreement",
      parties: "bilateral",
      mutualDefenceClause: false,
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
        text: "In the event of a future Russian armed attack, the Participants will consult within 24 hours to determine the necessary measures to counter and deter the aggression.",
        sources: [
          cite(
            T,
            annex1,
            "In the event of a future Russian armed attack, the Participants will consult within 24 hours to determine the necessary measures to counter and deter the aggression.",
          ),
          cite(
            E,
            "paragraph 2",
            "The United Kingdom’s January accord set a model for a binding intergovernmental framework of rapid consultation and sustained military, intelligence and cyber support.",
          ),
        ],
      },
      {
        kind: "assistance",
        text: "Swift and sustained security assistance, modern military equipment and economic assistance, in accordance with each side's legal requirements; the UK prioritises air defence, artillery, long-range firepower and armoured vehicles.",
        categories: ["air_defence", "artillery", "long_range_fires", "armoured_vehicles"],
        multiYear: true,
        forms: ["military", "economic"],
        sources: [
          cite(
            T,
            annex1,
            "Both sides commit to providing swift and sustained security assistance, modern military equipment and economic assistance, acting in accordance with their respective legal requirements.",
          ),
          cite(
            T,
            annex2,
            "The UK commits to the continued provision of security assistance and modern military equipment, prioritising areas such as air defence, artillery, long-range firepower, and armoured vehicles.",
          ),
          cite(T, annex4, "The agreement is valid for a period of ten years"),
        ],
      },
      {
        kind: "mutual_defence",
        present: false,
        text: "The agreement does not contain a mutual defence clause equivalent to NATO's Article 5.",
        sources: [
          cite(
            T,
            annex1,
            "However, the agreement does not contain a mutual defence clause equivalent to NATO's Article 5.",
          ),
        ],
      },
      {
        kind: "defence_industrial",
        coProduction: true,
        localisation: true,
        text: "Develop Ukraine's defence industrial base and identify opportunities for closer defence industrial partnerships, including localisation and joint production of defence products.",
        sources: [
          cite(
            T,
            annex2,
            "A central focus is to develop Ukraine's defence industrial base and identify opportunities for closer defence industrial partnerships, including for the localisation and joint production of defence products.",
          ),
        ],
      },
      {
        kind: "capability_coalition",
        coalition: "Maritime Security Capability Coalition",
        role: "co_lead",
        text: "The UK jointly leads the Maritime Security Capability Coalition to enhance naval capabilities and security across the Black and Azov Seas.",
        sources: [
          cite(
            T,
            annex2,
            "The UK plays a significant role in capability coalitions, including jointly leading the Maritime Security Capability Coalition to enhance naval capabilities and security across the Black and Azov Seas.",
          ),
        ],
      },
      {
        kind: "intelligence_cyber",
        intelligence: true,
        cyber: true,
        text: "Intelligence and security co-operation to detect, deter and disrupt Russian conventional aggression and hybrid warfare, including strengthening Ukraine's cyber resilience through advice and industry support.",
        sources: [
          cite(
            T,
            annex3,
            "The Participants will work together on intelligence and security co-operation to detect, deter and disrupt Russian conventional aggression",
          ),
          cite(
            T,
            annex3,
            "This includes strengthening Ukraine's cyber resilience through advice and industry support.",
          ),
        ],
      },
      {
        kind: "reconstruction_reform",
        reconstruction: true,
        reform: true,
        text: "Support for Ukraine's democratic and anti-corruption reforms, and assistance for post-war reconstruction and economic stability.",
        sources: [
          cite(
            T,
            annex3,
            "The agreement reaffirms support for Ukraine's democratic and anti-corruption reforms and commits to providing assistance for post-war reconstruction and strengthening economic stability.",
          ),
        ],
      },
      {
        kind: "duration_termination",
        durationYears: 10,
        text: "The agreement is valid for a period of ten years.",
        sources: [cite(T, annex4, "The agreement is valid for a period of ten years")],
      },
      {
        kind: "nato_membership",
        stance: "review_on_accession",
        text: "The agreement is to remain in force as Ukraine pursues membership of the Euro-Atlantic community; if Ukraine joins NATO before it expires, the participants will decide on its future status.",
        sources: [
          cite(
            T,
            annex4,
            "In the event that Ukraine becomes a member of NATO before the expiry of the agreement, the participants will decide on its future status.",
          ),
        ],
      },
    ],
    statusHistory: [
      {
        status: "signed",
        date: "2024-01-12",
        sources: [
          cite(
            T,
            "Annex",
            "Agreement on Security Co-operation between the United Kingdom of Great Britain & Northern Ireland and Ukraine, signed on 12 January 2024, is the first bilateral security accord concluded following the G7 Joint Declaration of Support for Ukraine.",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        "Annex",
        "Agreement on Security Co-operation between the United Kingdom of Great Britain & Northern Ireland and Ukraine, signed on 12 January 2024, is the first bilateral security accord concluded following the G7 Joint Declaration of Support for Ukraine.",
      ),
      cite(
        E,
        "paragraph 2",
        "The United Kingdom’s January accord set a model for a binding intergovernmental framework of rapid consultation and sustained military, intelligence and cyber support.",
      ),
      ...bilateralCitations(),
    ],
  },
  frenchOrGerman("FR", "France"),
  frenchOrGerman("DE", "Germany"),
  danishOrDutch("DK", "Denmark", "2024-02", "Late February 2024"),
  danishOrDutch("NL", "the Netherlands", "2024-03", "Early March 2024"),
  {
    id: "us-ukraine-bilateral-security-agreement-2024",
    title: "U.S.–Ukraine Bilateral Security Agreement",
    shortTitle: "US–Ukraine 2024",
    summary:
      "A 10-year agreement presented under President Biden as a 'bridge to NATO membership'. It stopped short of NATO's Article 5: no automatic military intervention, only consultations and continued support, primarily through arms supply (Patriots and F-16s), with training, intelligence sharing, logistics, joint defence-industrial projects and cooperation on cyber defence, counter-propaganda and demining. After President Trump's return to office in 2025 it was not annulled but reshaped: aspirational rather than binding, conditional and transactional, linked to the mineral resources deal, with US weapons for Ukraine to be purchased by the Europeans. The seeds date it to 2024 and cite the White House fact sheet of 13 June 2024; they give no signing day.",
    guarantors: ["US"],
    beneficiaries: ["UA"],
    instrumentType: "security_cooperation",
    attributes: {
      form: "political_agreement",
      parties: "bilateral",
      mutualDefenceClause: false,
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
        sources: [
          cite(
            T,
            layers,
            "Under President Biden, officials presented a 10-year agreement as a »bridge to NATO membership«, providing interim support until formal accession.",
          ),
        ],
      },
      {
        kind: "consultation",
        trigger:
          "Not stated in the seeds; consultations are offered in place of automatic military intervention.",
        text: "Only consultations and continued support, no automatic military intervention.",
        sources: [
          cite(
            T,
            layers,
            "Resembling deals with European partners, the agreement stopped short of NATO's Article 5, offering no automatic military intervention, only consultations and continued support, primarily through arms supply.",
          ),
        ],
      },
      {
        kind: "mutual_defence",
        present: false,
        text: "The agreement stopped short of NATO's Article 5, offering no automatic military intervention.",
        sources: [
          cite(
            T,
            layers,
            "Resembling deals with European partners, the agreement stopped short of NATO's Article 5, offering no automatic military intervention, only consultations and continued support, primarily through arms supply.",
          ),
        ],
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
        sources: [
          cite(
            T,
            layers,
            "The agreement commits the US to providing NATO-standard weapons such as Patriots and F-16s, as well as training, intelligence sharing, logistics, joint defence-industrial projects and cooperation on cyber defence, counter-propaganda and demining.",
          ),
        ],
      },
      {
        kind: "intelligence_cyber",
        intelligence: true,
        cyber: true,
        text: "Intelligence sharing and cooperation on cyber defence.",
        sources: [
          cite(
            T,
            layers,
            "The agreement commits the US to providing NATO-standard weapons such as Patriots and F-16s, as well as training, intelligence sharing, logistics, joint defence-industrial projects and cooperation on cyber defence, counter-propaganda and demining.",
          ),
        ],
      },
      {
        kind: "duration_termination",
        durationYears: 10,
        text: "A 10-year agreement; after 2025 the 10-year framework became aspirational rather than binding.",
        sources: [
          cite(
            T,
            layers,
            "Under President Biden, officials presented a 10-year agreement as a »bridge to NATO membership«, providing interim support until formal accession.",
          ),
        ],
      },
    ],
    statusHistory: [
      {
        status: "signed",
        date: "2024",
        note: "The seeds call it the 2024 accord and cite the White House fact sheet of 13 June 2024; they give no signing day.",
        sources: [
          cite(
            T,
            "footnote 9 (the in-text marker on the US paragraph reads 8)",
            "White House - Fact Sheet: U.S.-Ukraine Bilateral Security Agreement, 13 June 2024.",
          ),
          cite(
            T,
            layers,
            "Following President Trump's return to office, the 2024 accord was not annulled, but rather reshaped by new arrangements.",
          ),
        ],
      },
      {
        status: "reshaped",
        date: "2025",
        note: "Not annulled but reshaped by new arrangements after President Trump's return to office (the seeds place his administration's first moves in early 2025).",
        sources: [
          cite(
            T,
            layers,
            "Following President Trump's return to office, the 2024 accord was not annulled, but rather reshaped by new arrangements.",
          ),
          cite(
            T,
            "Opening section",
            "until early 2025, when the Trump administration opened communication channels with Russia",
          ),
        ],
      },
      {
        status: "conditional",
        date: "2025",
        note: "Support made conditional and transactional: the 10-year framework became aspirational rather than binding, aid depends on economic and diplomatic concessions by Ukraine, backing is linked to the mineral resources deal, and US weapons for Ukraine must be purchased by the Europeans.",
        sources: [
          cite(
            T,
            layers,
            "Trump abandoned unconditional, long-term commitments, instead making US support conditional and transactional. The 10-year framework became aspirational rather than binding, with aid now dependent on economic and diplomatic concessions on the part of Ukraine.",
          ),
          cite(
            T,
            layers,
            "US backing now proceeds on Trump's terms and is linked to the mineral resources deal and peace initiatives that serve the interests of the US administration. Henceforth, US weapons for Ukraine must be purchased by the Europeans.",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        layers,
        "Under President Biden, officials presented a 10-year agreement as a »bridge to NATO membership«, providing interim support until formal accession.",
      ),
      cite(
        T,
        "footnote 9 (the in-text marker on the US paragraph reads 8)",
        "White House - Fact Sheet: U.S.-Ukraine Bilateral Security Agreement, 13 June 2024.",
      ),
      ...bilateralCitations(),
    ],
  },
  {
    id: "eu-ukraine-joint-security-commitments-2024",
    title: "Joint Security Commitments between the European Union and Ukraine",
    shortTitle: "EU Joint Security Commitments",
    summary:
      "Signed in June 2024. It established the EU's first ever consultation pledge: to consult with Ukraine immediately in the event of renewed aggression. It outlines long-term cooperation in defence, resilience, reform and countering hybrid threats, which no typed provision can hold without guessing fields the seeds leave open.",
    guarantors: ["EU"],
    beneficiaries: ["UA"],
    instrumentType: "security_cooperation",
    attributes: {
      form: "political_agreement",
      parties: "bilateral",
      consultationMechanism: true,
      cooperationAreas: ["defence", "resilience", "reform", "hybrid_threats"],
    },
    signed: "2024-06",
    provisions: [
      {
        kind: "consultation",
        trigger: "renewed aggression",
        text: "The EU's first ever consultation pledge: to consult with Ukraine immediately in the event of renewed aggression (no deadline in hours is given).",
        sources: [
          cite(
            T,
            layers,
            "This landmark agreement established the EU's first ever consultation pledge, committing the bloc to consulting with Ukraine immediately in the event of renewed aggression.",
          ),
        ],
      },
    ],
    statusHistory: [
      {
        status: "signed",
        date: "2024-06",
        sources: [
          cite(
            T,
            layers,
            "The European Union's comprehensive support for Ukraine was significantly strengthened with the signing of the Joint Security Commitments in June 2024.",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        layers,
        "The European Union's comprehensive support for Ukraine was significantly strengthened with the signing of the Joint Security Commitments in June 2024.",
      ),
      cite(
        T,
        layers,
        "The commitments also outline long-term cooperation in key areas such as defence, resilience, reform and countering hybrid threats.",
      ),
    ],
  },
  {
    id: "ukraine-facility",
    title: "Ukraine Facility",
    shortTitle: "Ukraine Facility",
    summary:
      "The cornerstone of EU financial aid to Ukraine: EUR 50 billion, running from 2024 to 2027. The seeds give no split by year.",
    guarantors: ["EU"],
    beneficiaries: ["UA"],
    instrumentType: "framework_agreement",
    attributes: {
      form: "framework",
      resourcesPledged: true,
      cooperationAreas: ["financing"],
    },
    inForce: "2024",
    expires: "2027",
    provisions: [
      {
        kind: "assistance",
        text: "€50 billion of EU financial aid, running from 2024 to 2027.",
        categories: ["funding"],
        multiYear: true,
        forms: ["financial"],
        amount: { amount: "50000000000", currency: "EUR" },
        amountBasis: "total",
        sources: [
          cite(
            T,
            layers,
            "The cornerstone of EU financial aid is the €50 billion Ukraine Facility, which runs from 2024 to 2027.",
          ),
        ],
      },
    ],
    statusHistory: [
      {
        status: "in_force",
        date: "2024",
        note: "Runs from 2024 to 2027.",
        sources: [
          cite(
            T,
            layers,
            "The cornerstone of EU financial aid is the €50 billion Ukraine Facility, which runs from 2024 to 2027.",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        layers,
        "The cornerstone of EU financial aid is the €50 billion Ukraine Facility, which runs from 2024 to 2027.",
      ),
    ],
  },
  {
    id: "european-peace-facility",
    title: "European Peace Facility (support to Ukraine)",
    shortTitle: "European Peace Facility",
    summary:
      "The channel of EU military support: EUR 5 billion a year. The seeds give no period and no start date.",
    guarantors: ["EU"],
    beneficiaries: ["UA"],
    instrumentType: "security_cooperation",
    attributes: {
      form: "programme",
      resourcesPledged: true,
      cooperationAreas: ["military_financing"],
    },
    provisions: [
      {
        kind: "assistance",
        text: "€5 billion a year of EU military support.",
        categories: ["funding.military_financing"],
        multiYear: true,
        forms: ["military"],
        amount: { amount: "5000000000", currency: "EUR" },
        amountBasis: "per_year",
        sources: [
          cite(
            T,
            layers,
            "In terms of military support, the EU is providing €5 billion annually via the European Peace Facility (EPF)",
          ),
        ],
      },
    ],
    statusHistory: [
      {
        status: "in_force",
        date: asOfTanner,
        dateBasis: "reported",
        note: asOfTannerNote,
        sources: [
          cite(
            T,
            layers,
            "In terms of military support, the EU is providing €5 billion annually via the European Peace Facility (EPF)",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        layers,
        "In terms of military support, the EU is providing €5 billion annually via the European Peace Facility (EPF)",
      ),
    ],
  },
  {
    id: "eumam-ukraine",
    title: "EU Military Assistance Mission in support of Ukraine (EUMAM)",
    shortTitle: "EUMAM",
    summary:
      "The EU's mission training Ukrainian soldiers. The seeds give no start date, size or duration; with no duration stated, no typed assistance provision is recorded (it would need a yes/no on multi-year).",
    guarantors: ["EU"],
    beneficiaries: ["UA"],
    instrumentType: "security_cooperation",
    attributes: {
      form: "mission",
      cooperationAreas: ["training"],
    },
    provisions: [],
    statusHistory: [
      {
        status: "in_force",
        date: asOfTanner,
        dateBasis: "reported",
        note: asOfTannerNote,
        sources: [
          cite(T, layers, "training Ukrainian soldiers through the EU Military Assistance Mission (EUMAM)"),
        ],
      },
    ],
    sources: [
      cite(T, layers, "training Ukrainian soldiers through the EU Military Assistance Mission (EUMAM)"),
    ],
  },
  {
    id: "nato-ukraine-council",
    title: "NATO-Ukraine Council",
    shortTitle: "NATO-Ukraine Council",
    summary:
      "Established at the 2023 NATO Vilnius Summit as a »fast track« to membership; it enhances Kyiv's political standing, short of Article 5 guarantees.",
    guarantors: ["NATO"],
    beneficiaries: ["UA"],
    instrumentType: "partnership_agreement",
    attributes: {
      form: "partnership",
    },
    provisions: [
      {
        kind: "nato_membership",
        stance: "path_supported",
        text: "A »fast track« to membership in the form of the NATO-Ukraine Council.",
        sources: [
          cite(
            T,
            layers,
            "A major upgrade was achieved at the 2023 NATO Vilnius Summit, at which a »fast track« to membership was established in the form of the NATO-Ukraine Council, which enhances Kyiv's political standing.",
          ),
        ],
      },
    ],
    statusHistory: [
      {
        status: "in_force",
        date: "2023",
        note: "Established at the 2023 NATO Vilnius Summit.",
        sources: [
          cite(
            T,
            layers,
            "A major upgrade was achieved at the 2023 NATO Vilnius Summit, at which a »fast track« to membership was established in the form of the NATO-Ukraine Council, which enhances Kyiv's political standing.",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        layers,
        "A major upgrade was achieved at the 2023 NATO Vilnius Summit, at which a »fast track« to membership was established in the form of the NATO-Ukraine Council, which enhances Kyiv's political standing.",
      ),
      cite(
        T,
        layers,
        "The West has significantly advanced Ukraine's security integration by means of NATO summits and a structured security framework, focusing on solidarity, political rapprochement and long-term security support, short of Article 5 guarantees.",
      ),
    ],
  },
  {
    id: "nsatu",
    title: "NATO Security Assistance and Training for Ukraine (NSATU)",
    shortTitle: "NSATU",
    summary:
      "Set up at the 2024 NATO Washington Summit: NATO assumed direct coordination of all military aid and training for Ukraine, institutionalising NATO support.",
    guarantors: ["NATO"],
    beneficiaries: ["UA"],
    instrumentType: "security_cooperation",
    attributes: {
      form: "programme",
      cooperationAreas: ["training"],
    },
    provisions: [],
    statusHistory: [
      {
        status: "in_force",
        date: "2024",
        note: "Established at the 2024 NATO Washington Summit.",
        sources: [
          cite(
            T,
            layers,
            "at the 2024 NATO Washington Summit, at which NATO assumed direct coordination of all military aid and training through the NATO Security Assistance and Training for Ukraine (NSATU) initiative, thereby institutionalising NATO support.",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        layers,
        "at the 2024 NATO Washington Summit, at which NATO assumed direct coordination of all military aid and training through the NATO Security Assistance and Training for Ukraine (NSATU) initiative, thereby institutionalising NATO support.",
      ),
    ],
  },
  {
    id: "ukraine-compact-2024",
    title: "Ukraine Compact",
    shortTitle: "Ukraine Compact",
    summary:
      "Established in July 2024 to coordinate and accelerate international commitments and to reinforce mechanisms such as the Ukraine Defence Contact Group; it includes plans to strengthen the Ukrainian armed forces, launch joint weapons production and define clear financial defence commitments. The seeds do not name its signatories; the guarantors are taken from the Compact's own text (see its official source).",
    guarantors: [
      "US",
      "BE",
      "CA",
      "DK",
      "EE",
      "FI",
      "FR",
      "DE",
      "IS",
      "IT",
      "JP",
      "LV",
      "LT",
      "LU",
      "NL",
      "NO",
      "PL",
      "PT",
      "RO",
      "ES",
      "SE",
      "GB",
      "EU",
    ],
    beneficiaries: ["UA"],
    instrumentType: "partnership_agreement",
    attributes: {
      form: "partnership",
      parties: "multilateral",
      cooperationAreas: ["defence_industry", "financing"],
    },
    inForce: "2024-07",
    provisions: [],
    statusHistory: [
      {
        status: "in_force",
        date: "2024-07",
        note: "Established in July 2024.",
        sources: [
          cite(
            T,
            layers,
            "Central to this vision is the Ukraine Compact, which was established in July 2024 to coordinate and accelerate international commitments, and to reinforce mechanisms such as the Ukraine Defence Contact Group.",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        layers,
        "Central to this vision is the Ukraine Compact, which was established in July 2024 to coordinate and accelerate international commitments, and to reinforce mechanisms such as the Ukraine Defence Contact Group.",
      ),
      cite(
        T,
        layers,
        "The Compact includes plans to strengthen the Ukrainian armed forces, launch joint weapons production and define clear financial defence commitments.",
      ),
      cite(T, table1, "Partnership agreements (strategic partnerships, compacts)"),
      ukraineCompactText,
    ],
  },
  {
    id: "budapest-memorandum-1994",
    title: "Budapest Memorandum on Security Assurances",
    shortTitle: "Budapest Memorandum",
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
    statusHistory: [
      {
        status: "signed",
        date: "1994",
        sources: [cite(T, table1, "Assurances (for example, Budapest Memorandum 1994)")],
      },
    ],
    sources: [
      cite(T, table1, "Assurances (for example, Budapest Memorandum 1994)"),
      cite(
        E,
        "Scenario 4, A Limited Settlement and Partial Reintegration into European Structures",
        "The lessons of the 1994 Budapest assurances remain potent here: political assurances that lack robust enforcement mechanisms leave room for revisionism.",
      ),
      cite(
        T,
        "Conclusions",
        "Historical precedents, particularly the Budapest Memorandum, and to a certain degree also the 2014/2015 Minsk Agreements highlight the dangers of relying on ambiguous promises without enforceable mechanisms.",
      ),
      budapestMemorandumText,
    ],
  },
  {
    id: "istanbul-draft-treaty-2022",
    title: "Treaty on Security Guarantees for Ukraine (draft, Istanbul talks)",
    shortTitle: "Istanbul draft treaty",
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
        sources: [
          cite(
            T,
            "Opening section",
            "Ukraine's counterproposal was fundamentally different: Kyiv sought a legally binding multilateral defence pact involving a broader coalition of states that would commit to taking action in the event of renewed aggression.",
          ),
        ],
      },
    ],
    statusHistory: [
      {
        status: "proposed",
        date: "2022",
        note: "Proposed at the Istanbul talks (March–April 2022); never signed.",
        sources: [
          cite(T, "Opening section", "Apart from the brief Istanbul talks in March-April 2022"),
          cite(
            T,
            "Opening section",
            "The Ukraine-proposed Istanbul Communiqué also aimed to enshrine these commitments in a Treaty on Security Guarantees for Ukraine, which would have required ratification by participating states.",
          ),
          cite(
            T,
            "footnote 4",
            "Institute for the Study of War (2025): Fact Sheet: Istanbul Protocol Draft Agreement, 24 February.",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        "Opening section",
        "Ukraine's counterproposal was fundamentally different: Kyiv sought a legally binding multilateral defence pact involving a broader coalition of states that would commit to taking action in the event of renewed aggression.",
      ),
      cite(
        T,
        "Opening section",
        "The Ukraine-proposed Istanbul Communiqué also aimed to enshrine these commitments in a Treaty on Security Guarantees for Ukraine, which would have required ratification by participating states.",
      ),
    ],
  },
  {
    id: "minsk-agreements",
    title: "Minsk Agreements",
    shortTitle: "Minsk Agreements",
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
      {
        status: "signed",
        date: "2014",
        note: "First signing.",
        sources: [
          cite(
            T,
            peacekeeping,
            "The Minsk Agreements (2014/2015) illustrate the risks of weak enforcement: their implementation was systematically undermined by both sides, which ultimately contributed to their failure.",
          ),
        ],
      },
      {
        status: "signed",
        date: "2015",
        note: "Second signing.",
        sources: [
          cite(
            T,
            peacekeeping,
            "The Minsk Agreements (2014/2015) illustrate the risks of weak enforcement: their implementation was systematically undermined by both sides, which ultimately contributed to their failure.",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        peacekeeping,
        "The Minsk Agreements (2014/2015) illustrate the risks of weak enforcement: their implementation was systematically undermined by both sides, which ultimately contributed to their failure.",
      ),
      cite(
        T,
        "Conclusions",
        "Historical precedents, particularly the Budapest Memorandum, and to a certain degree also the 2014/2015 Minsk Agreements highlight the dangers of relying on ambiguous promises without enforceable mechanisms.",
      ),
    ],
  },
  {
    id: "osce-special-monitoring-mission",
    title: "OSCE Special Monitoring Mission to Ukraine (SMM)",
    shortTitle: "OSCE SMM",
    summary:
      "Accepted by the parties, it served as a third-party compliance monitoring and reporting agent, raising the costs of ceasefire violations; it pioneered remote monitoring with drones, cameras, acoustic sensors and satellite imagery. Monitoring without enforcement falls short of robust peacekeeping. The seeds give neither its start nor its end.",
    guarantors: ["OSCE"],
    beneficiaries: ["UA"],
    instrumentType: "political_commitment",
    attributes: {
      form: "peace_operation",
      enforcementCapacity: false,
    },
    provisions: [],
    statusHistory: [
      {
        status: "in_force",
        date: "2017",
        dateBasis: "reported",
        note: "Reported at work in 2017, when OSCE monitors were along the line of contact; the seeds give neither its start nor its end, and speak of it in the past tense.",
        sources: [
          cite(
            T,
            peacekeeping,
            "The 2017 debates on peacekeeping in the Donbas region epitomise this deadlock. Russia proposed a narrowly scoped mission involving lightly armed UN troops whose role would be limited to protecting OSCE monitors along the line of contact.",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        peacekeeping,
        "However, if deemed acceptable by the parties – as was the case with the OSCE Special Monitoring Mission to Ukraine (SMM) – international forces can serve as third-party compliance monitoring and reporting agents, thereby raising the costs of ceasefire violations.",
      ),
      cite(
        T,
        peacekeeping,
        "The OSCE SMM pioneered the deployment of drones, cameras, acoustic sensors and satellite imagery.",
      ),
    ],
  },
  {
    id: "reassurance-force-proposal",
    title: "Proposed multinational reassurance force for Ukraine",
    shortTitle: "Reassurance force (proposed)",
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
        sources: [
          cite(
            T,
            peacekeeping,
            "European proposals have suggested a multinational force of 40,000–50,000 troops, though sustaining it would need over 100,000 personnel. France and the United Kingdom have proposed deployments with air, sea and land components, but the political will is limited, with scepticism for example in Poland and Italy.",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        peacekeeping,
        "European proposals have suggested a multinational force of 40,000–50,000 troops, though sustaining it would need over 100,000 personnel. France and the United Kingdom have proposed deployments with air, sea and land components, but the political will is limited, with scepticism for example in Poland and Italy.",
      ),
      cite(
        T,
        peacekeeping,
        "According to Freedman, a deterrent force would consist of a sizeable foreign contingent integrated with Ukrainian forces and would be credible because it shifted the local balance of power.",
      ),
    ],
  },
  {
    id: "us-south-korea-mutual-defense-treaty",
    title: "US–South Korea Mutual Defense Treaty",
    shortTitle: "US–South Korea Treaty",
    summary:
      "A reference point, not a commitment to Ukraine: Table 1's example, with NATO Article 5, of an alliance obligation. The seeds note it followed the Korean Armistice Agreement and give no date.",
    guarantors: ["US", "KR"],
    beneficiaries: ["KR", "US"],
    instrumentType: "alliance_obligation",
    attributes: {
      form: "treaty",
      parties: "bilateral",
      legallyBinding: true,
      mutualDefenceClause: true,
      allianceMembership: true,
    },
    provisions: [
      {
        kind: "mutual_defence",
        present: true,
        text: "A mutual defence treaty; Table 1 lists it among alliance obligations.",
        sources: [
          cite(T, table1, "Alliance obligations (for example, NATO Article 5, US–South Korea Treaty)"),
        ],
      },
    ],
    statusHistory: [
      {
        status: "in_force",
        date: asOfTanner,
        dateBasis: "reported",
        note: asOfTannerNote,
        sources: [
          cite(
            T,
            "Opening section",
            "Past cases illustrate this, such as the US–South Korea Mutual Defense Treaty following the Korean Armistice Agreement",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        "Opening section",
        "Past cases illustrate this, such as the US–South Korea Mutual Defense Treaty following the Korean Armistice Agreement",
      ),
      cite(T, table1, "Alliance obligations (for example, NATO Article 5, US–South Korea Treaty)"),
      cite(
        T,
        table1,
        "Most credible and enforceable commitments, involving legal obligations and military presence.",
      ),
    ],
  },
  {
    id: "nato-article-5",
    title: "North Atlantic Treaty, Article 5 (collective defence)",
    shortTitle: "NATO Article 5",
    summary:
      "A reference point, not a commitment to Ukraine: the collective defence owed among NATO members, which Ukraine does not have. The seeds give it as the model of a guarantee backed by both legal obligation and credible military force. They give no date.",
    guarantors: ["NATO"],
    beneficiaries: ["NATO"],
    instrumentType: "alliance_obligation",
    attributes: {
      form: "treaty",
      parties: "multilateral",
      legallyBinding: true,
      mutualDefenceClause: true,
      allianceMembership: true,
    },
    provisions: [
      {
        kind: "mutual_defence",
        present: true,
        text: "Collective defence among NATO members.",
        sources: [
          cite(
            T,
            "Opening section",
            "Security guarantees typically come in one of two forms: binding alliance commitments most notably NATO membership",
          ),
          cite(T, table1, "Alliance obligations (for example, NATO Article 5, US–South Korea Treaty)"),
        ],
      },
    ],
    statusHistory: [
      {
        status: "in_force",
        date: asOfTanner,
        dateBasis: "reported",
        note: asOfTannerNote,
        sources: [
          cite(
            T,
            "Opening section",
            "Security guarantees typically come in one of two forms: binding alliance commitments most notably NATO membership",
          ),
        ],
      },
    ],
    sources: [
      cite(
        T,
        "Opening section",
        "Security guarantees typically come in one of two forms: binding alliance commitments most notably NATO membership",
      ),
      cite(T, table1, "Alliance obligations (for example, NATO Article 5, US–South Korea Treaty)"),
      cite(
        T,
        table1,
        "Most credible and enforceable commitments, involving legal obligations and military presence.",
      ),
    ],
  },
];
