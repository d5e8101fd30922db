import { createHash } from "node:crypto";
import { donorGroups, isStateCode, organisations, type Party, type PartyId } from "@commitments/core";

/*
 * Who an IATI organisation identifier stands for, as a party of the tracker.
 *
 * IATI identifies an organisation as "{registration agency}-{number in that agency's list}" (the agencies are the
 * OrganisationRegistrationAgency codelist, now kept by org-id.guide): "GB-CHC-1105851" is charity 1105851 of the
 * Charity Commission for England and Wales, "XM-DAC-5-7" agency 7 of DAC provider 5 (Germany). Files of standard
 * 1.0x also use the retired OrganisationIdentifier codelist: "{country}-{DAC agency code}" for government agencies
 * ("GB-1", "SE-0", "CH-4", "AU-5", "DE-1", "NL-1") and bare DAC channel codes for multilaterals ("41114").
 *
 * The prefix decides, in this order:
 * 1. identifiers of multilaterals in the tables below, to core's organisations (UNDP, WBG, EBRD, …);
 * 2. XM-DAC-{code}[-{agency}], by the OECD DAC's code: states to their ISO code, EU institutions (918) and the
 *    EIB (919) to EU, multilaterals to core's organisations, private donors (16xx) as non-state organisations;
 * 3. XI-IATI-EC_* (the European Commission's directorates-general) to EU; XM-OCHA-* (OCHA and the pooled funds it
 *    manages) to OCHA;
 * 4. government lists of a country ({CC}-GOV, -GOVUK, -GOR, US-USAGOV, ES-DIR3) and the 1.0x {CC}-{digits}, to
 *    the state CC (EU-{digits}: the EU's institutions);
 * 5. an organisation whose @type is 10 (government) registered in a country's register, to that state (Norad is
 *    NO-BRC-971277882);
 * 6. anything else, by default a non-state publisher (a foundation, an NGO, a company: GB-CHC-…, GB-COH-…,
 *    US-EIN-…, NL-KVK-…, XI-IATI-…), as an organisation party of its own (see `organisationPartyId`), named as the
 *    file names it. A government body, or a DAC donor code the tables do not hold, that cannot be placed in a state
 *    is refused rather than made an organisation: the donor option must say whose it is.
 */

/** An organisation as an IATI file names it (reporting-org, provider-org). */
export interface IatiOrganisation {
  /** @ref: the organisation identifier. */
  ref?: string | undefined;
  /** @type: the OrganisationType code (10 government, 40 multilateral, 21 international NGO, 60 foundation, …). */
  type?: string | undefined;
  /** The name the file gives it (its narrative in 2.0x, its text in 1.0x). */
  name?: string | undefined;
}

export type OrganisationParty =
  | { ok: true; party: PartyId; introduced?: Party }
  | { ok: false; message: string };

/** OECD DAC provider codes of states (DAC members and other providers reporting to the DAC), for XM-DAC-{code}. */
export const dacStates: Readonly<Record<string, PartyId>> = {
  "1": "AT",
  "2": "BE",
  "3": "DK",
  "4": "FR",
  "5": "DE",
  "6": "IT",
  "7": "NL",
  "8": "NO",
  "9": "PT",
  "10": "SE",
  "11": "CH",
  "12": "GB",
  "18": "FI",
  "20": "IS",
  "21": "IE",
  "22": "LU",
  "26": "MC",
  "30": "CY",
  "40": "GR",
  "45": "MT",
  "50": "ES",
  "55": "TR",
  "61": "SI",
  "62": "HR",
  "68": "CZ",
  "69": "SK",
  "70": "LI",
  "72": "BG",
  "75": "HU",
  "76": "PL",
  "77": "RO",
  "82": "EE",
  "83": "LV",
  "84": "LT",
  "301": "CA",
  "302": "US",
  "546": "IL",
  "552": "KW",
  "561": "QA",
  "566": "SA",
  "576": "AE",
  "611": "AZ",
  "613": "KZ",
  "701": "JP",
  "732": "TW",
  "742": "KR",
  "764": "TH",
  "801": "AU",
  "820": "NZ",
};

/**
 * Multilaterals by their DAC codes: provider codes (three or four digits) and CRS channel codes (five digits, also
 * the 1.0x identifiers of multilaterals). An institution's several windows and funds count as the institution.
 */
export const dacOrganisations: Readonly<Record<string, PartyId>> = {
  // Provider codes.
  "901": "WBG", // International Bank for Reconstruction and Development
  "902": "WBG", // Multilateral Investment Guarantee Agency
  "903": "WBG", // International Finance Corporation
  "905": "WBG", // International Development Association
  "907": "IMF",
  "956": "IMF", // IMF Trust Fund
  "958": "IMF", // IMF concessional trust funds
  "1058": "IMF", // IMF Resilience and Sustainability Trust
  "918": "EU", // EU institutions
  "919": "EU", // European Investment Bank, the EU's bank
  "926": "COE",
  "928": "WHO",
  "1050": "WHO", // WHO Strategic Preparedness and Response Plan
  "932": "FAO",
  "940": "ILO",
  "944": "IAEA",
  "959": "UNDP",
  "963": "UNICEF",
  "966": "WFP",
  "967": "UNHCR",
  "974": "UNFPA",
  "978": "OSCE",
  "990": "EBRD",
  "1013": "CEB",
  "1020": "OCHA", // Central Emergency Response Fund, managed by OCHA
  "1046": "UN_WOMEN",
  // Channel codes.
  "41107": "IAEA", // Technical Cooperation Fund
  "41114": "UNDP",
  "41119": "UNFPA",
  "41121": "UNHCR",
  "41122": "UNICEF",
  "41127": "OCHA",
  "41140": "WFP",
  "41143": "WHO",
  "41144": "ILO",
  "41146": "UN_WOMEN",
  "41147": "OCHA", // Central Emergency Response Fund
  "41301": "FAO",
  "41302": "ILO",
  "41304": "UNESCO",
  "41305": "UN",
  "41307": "WHO",
  "41312": "IAEA",
  "41313": "OHCHR",
  "41321": "WHO",
  "41502": "UNOPS",
  "41701": "ILO",
  "41702": "WHO",
  "42000": "EU",
  "42001": "EU",
  "42003": "EU",
  "42004": "EU",
  "43000": "IMF",
  "43001": "IMF",
  "43002": "IMF",
  "43003": "IMF",
  "43004": "IMF",
  "43005": "IMF",
  "43006": "IMF",
  "43007": "IMF",
  "44000": "WBG",
  "44001": "WBG",
  "44002": "WBG",
  "44003": "WBG",
  "44004": "WBG",
  "44005": "WBG",
  "44006": "WBG",
  "44007": "WBG",
  "46015": "EBRD",
  "46016": "EBRD",
  "46017": "EBRD",
  "46018": "EBRD",
  "46019": "EBRD",
  "46024": "CEB",
  "47066": "IOM",
};

/** Identifiers of multilaterals outside the DAC's codes: the IATI Secretariat's XI-IATI list, and UNOPS's own. */
export const knownIdentifiers: Readonly<Record<string, PartyId>> = {
  "XI-IATI-EBRD": "EBRD",
  "XI-IATI-WBTF": "WBG", // World Bank trust funds
  "XI-IATI-OCHASDC": "OCHA", // OCHA's specially-designated contributions
  "XI-IATI-UNPF": "UN", // UN inter-agency pooled funds
  "41AAA": "UNOPS",
};

/** OrganisationType codes of bodies that are not a state's: NGOs, partnerships, multilaterals, foundations, firms. */
const nonGovernmentTypes = new Set([
  "21",
  "22",
  "23",
  "24",
  "30",
  "40",
  "60",
  "70",
  "71",
  "72",
  "73",
  "80",
  "90",
]);

/** What the identifier alone says: a party, a government body it cannot place, or nothing (a non-state body). */
type Reading = { party: PartyId } | { unplaced: string } | null;

function read(id: string): Reading {
  const known = knownIdentifiers[id];
  if (known) return { party: known };
  const dac = /^XM-DAC-(\d+)(?:-|$)/.exec(id)?.[1];
  if (dac !== undefined) {
    const party = dacStates[dac] ?? dacOrganisations[dac];
    if (party) return { party };
    // Private donors reporting to the DAC (foundations, lotteries) and channel codes of NGOs and networks.
    if (/^16\d\d$/.test(dac) || dac.length >= 5) return null;
    return { unplaced: `the DAC code ${dac} is not one this importer knows` };
  }
  if (/^\d{5}$/.test(id)) return dacOrganisations[id] ? { party: dacOrganisations[id] } : null;
  if (id.startsWith("XI-IATI-EC_")) return { party: "EU" };
  if (/^XM-OCHA(?:-|$)/.test(id)) return { party: "OCHA" };
  const government = /^([A-Z]{2})-(?:GOV|GOVUK|GOR|USAGOV|DIR3)(?:-|$)/.exec(id)?.[1];
  const old = /^([A-Z]{2})-\d+$/.exec(id)?.[1];
  const country = government ?? old;
  if (country === "EU" && old) return { party: "EU" };
  if (country !== undefined) {
    return isStateCode(country)
      ? { party: country }
      : { unplaced: `${country} in a government identifier is not a country code` };
  }
  return null;
}

/**
 * The party an organisation stands for, or why it cannot be read. A non-state organisation comes with the party
 * to introduce (`introduced`): the pipeline creates it when the ledger has none.
 */
export function organisationParty(org: IatiOrganisation): OrganisationParty {
  const ref = org.ref?.trim() ?? "";
  if (ref === "") return { ok: false, message: "no organisation identifier" };
  const id = ref.toUpperCase();
  const reading = read(id);
  if (reading && "party" in reading) return { ok: true, party: reading.party };
  const type = org.type?.trim();
  if (type === "10") {
    const country = /^([A-Z]{2})-/.exec(id)?.[1];
    if (country && isStateCode(country)) return { ok: true, party: country };
    return { ok: false, message: "a government body this identifier does not place in a state" };
  }
  if (reading && !(type && nonGovernmentTypes.has(type))) return { ok: false, message: reading.unplaced };
  const party = organisationPartyId(ref);
  const name = (org.name?.trim() || ref).slice(0, 200);
  return { ok: true, party, introduced: { id: party, kind: "organisation", name } };
}

const reserved = new Set([...organisations, ...donorGroups].map((p) => p.id));

/**
 * The party id of a non-state organisation, from its identifier: upper case, every run of characters other than
 * A–Z and 0–9 made one "_", none at either end ("GB-CHC-1105851" → GB_CHC_1105851). Used as it is when it starts
 * with a letter, holds a "_" (so it is never a state's code, and never core's own organisations' or groups' ids)
 * and has at most 16 characters; otherwise "ORG_" and the first 12 hexadecimal digits of the SHA-256 of the
 * upper-case identifier ("GB-COH-03580586-GEC" → ORG_…). Identifiers differing only in case ("NL-KvK-…",
 * "NL-KVK-…") are the same organisation.
 */
export function organisationPartyId(ref: string): PartyId {
  const upper = ref.trim().toUpperCase();
  const plain = upper.replace(/[^A-Z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (/^[A-Z][A-Z0-9_]{1,15}$/.test(plain) && plain.includes("_") && !reserved.has(plain)) return plain;
  return `ORG_${createHash("sha256").update(upper).digest("hex").slice(0, 12).toUpperCase()}`;
}
