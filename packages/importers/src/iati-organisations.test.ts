import { isStateCode, organisations, Party, PartyId } from "@commitments/core";
import { describe, expect, it } from "vitest";
import {
  dacOrganisations,
  dacStates,
  knownIdentifiers,
  organisationParty,
  organisationPartyId,
} from "./iati-organisations.ts";

const partyOf = (ref: string, type?: string) => {
  const read = organisationParty({ ref, type, name: "Named in the file" });
  return read.ok ? read.party : `problem: ${read.message}`;
};

describe("IATI organisation identifiers", () => {
  it.each([
    // Government lists, 2.0x and the retired 1.0x OrganisationIdentifier codelist ({country}-{DAC agency code}).
    ["GB-GOV-1", "GB"],
    ["GB-GOV-3", "GB"],
    ["GB-GOVUK-uk_home_office", "GB"],
    ["GB-1", "GB"],
    ["SE-0", "SE"],
    ["CH-4", "CH"],
    ["AU-5", "AU"],
    ["DE-1", "DE"],
    ["NL-1", "NL"],
    ["FR-3", "FR"],
    ["US-USAGOV", "US"],
    ["US-GOV-1", "US"],
    ["KR-GOV-021", "KR"],
    ["ES-DIR3-E04585801", "ES"],
    ["EU-1", "EU"],
    // The OECD DAC's provider codes, with or without an agency.
    ["XM-DAC-5", "DE"],
    ["XM-DAC-5-7", "DE"],
    ["XM-DAC-7", "NL"],
    ["XM-DAC-21-1", "IE"],
    ["XM-DAC-69-1", "SK"],
    ["XM-DAC-84", "LT"],
    ["XM-DAC-301-2", "CA"],
    ["XM-DAC-701-8", "JP"],
    ["XM-DAC-918", "EU"],
    ["XM-DAC-918-3", "EU"],
    ["XM-DAC-903", "WBG"],
    ["XM-DAC-928", "WHO"],
    // CRS channel codes of multilaterals, prefixed (2.0x) or bare (1.0x).
    ["XM-DAC-41114", "UNDP"],
    ["XM-DAC-41122", "UNICEF"],
    ["XM-DAC-41121", "UNHCR"],
    ["XM-DAC-41140", "WFP"],
    ["XM-DAC-41127", "OCHA"],
    ["XM-DAC-47066", "IOM"],
    ["XM-DAC-46015", "EBRD"],
    ["41114", "UNDP"],
    ["44000", "WBG"],
    ["41AAA", "UNOPS"],
    // The IATI Secretariat's list and OCHA's pooled funds.
    ["XI-IATI-EC_NEAR", "EU"],
    ["XI-IATI-EC_ECHO", "EU"],
    ["XI-IATI-EBRD", "EBRD"],
    ["XI-IATI-WBTF", "WBG"],
    ["XM-OCHA-CBPF-UKR", "OCHA"],
    ["xm-dac-41114", "UNDP"],
  ])("%s is %s", (ref, party) => {
    const read = organisationParty({ ref, name: "Named in the file" });
    expect(read).toEqual({ ok: true, party });
  });

  it("places a government body registered in its country's register in that state", () => {
    // Norad, a Norwegian government agency, in the Brønnøysund register.
    expect(partyOf("NO-BRC-971277882", "10")).toBe("NO");
    expect(partyOf("NL-KVK-27378529", "10")).toBe("NL");
  });

  it.each([
    ["GB-CHC-1105851", "21", "GB_CHC_1105851"],
    ["US-EIN-941655673", "60", "US_EIN_941655673"],
    ["NL-KVK-41198890", "21", "NL_KVK_41198890"],
    ["NL-KvK-41198890", undefined, "NL_KVK_41198890"],
    ["GB-COH-03877777", "15", "GB_COH_03877777"],
    ["XI-IATI-1001", "70", "XI_IATI_1001"],
    ["XM-DAC-1601", "60", "XM_DAC_1601"],
    ["XM-DAC-47045", "40", "XM_DAC_47045"],
    ["AA-AAA-123456789", "40", "AA_AAA_123456789"],
  ])("takes the non-state publisher %s (type %s) as the organisation %s", (ref, type, id) => {
    expect(organisationParty({ ref, type, name: "Named in the file" })).toEqual({
      ok: true,
      party: id,
      introduced: { id, kind: "organisation", name: "Named in the file" },
    });
  });

  it("derives a stable id that fits PartyId from any identifier, hashed when it does not fit", () => {
    const long = organisationPartyId("GB-COH-03580586-GEC");
    expect(long).toMatch(/^ORG_[0-9A-F]{12}$/);
    expect(organisationPartyId("gb-coh-03580586-gec")).toBe(long);
    // No registration agency: never a bare word that could be a state's or an organisation's id.
    expect(organisationPartyId("halo")).toMatch(/^ORG_[0-9A-F]{12}$/);
    expect(organisationPartyId("NATO")).toMatch(/^ORG_/);
    for (const ref of [
      "GB-CHC-1105851",
      "GB-COH-03580586-GEC",
      "halo",
      "1234",
      "US-EIN-13-5563422",
      "ÄÖ-Ü",
    ]) {
      const id = organisationPartyId(ref);
      expect(PartyId.safeParse(id).success).toBe(true);
      expect(Party.safeParse({ id, kind: "organisation", name: ref }).success).toBe(true);
      expect(organisationPartyId(ref)).toBe(id);
    }
    // Named by the identifier when the file gives no name.
    expect(organisationParty({ ref: "GB-CHC-1105851" })).toMatchObject({
      introduced: { name: "GB-CHC-1105851" },
    });
  });

  it.each([
    ["", undefined, /no organisation identifier/],
    ["XM-DAC-236", undefined, /DAC code 236 is not one this importer knows/],
    ["XM-DAC-236", "10", /government body/],
    ["XI-IATI-ESFD", "10", /government body/],
    ["XX-GOV-1", undefined, /not a country code/],
  ])("refuses %s (type %s) rather than guess whose it is", (ref, type, message) => {
    const read = organisationParty({ ref, type });
    expect(read.ok).toBe(false);
    expect(read.ok || read.message).toMatch(message);
  });

  it("maps only to parties core knows: states by their ISO codes, organisations from core's list", () => {
    const known = new Set(organisations.map((o) => o.id));
    for (const party of Object.values(dacStates)) expect(isStateCode(party)).toBe(true);
    for (const party of [...Object.values(dacOrganisations), ...Object.values(knownIdentifiers)]) {
      expect(known.has(party)).toBe(true);
    }
    // Every organisation core lists has its Ukrainian name.
    for (const organisation of organisations) expect(organisation.nameUk).toBeTruthy();
  });
});
