import {
  Agreement,
  type AgreementInput,
  Commitment,
  classify,
  type InstrumentType,
  type ProvisionKind,
  provisionKinds,
  type Source,
  statusOn,
  type Tier,
  tierOf,
} from "@commitments/core";
import { describe, expect, it } from "vitest";
import { referenceAgreements } from "./agreements.ts";
import { referenceCommitments } from "./commitments.ts";
import { referenceDataset } from "./index.ts";
import { referenceParties } from "./parties.ts";

const byId = new Map(referenceAgreements.map((a) => [a.id, a]));
function agreement(id: string): AgreementInput {
  const found = byId.get(id);
  if (!found) throw new Error(`no agreement ${id}`);
  return found;
}

/** Table 1 placements, as the seeds give them; the data must match these and the classifier should too. */
const expectedPlacement: Record<string, [InstrumentType, Tier]> = {
  "budapest-memorandum-1994": ["assurance", "soft"],
  "g7-joint-declaration-2023": ["declaration_joint_statement", "soft"],
  "minsk-agreements": ["political_commitment", "soft"],
  "osce-special-monitoring-mission": ["political_commitment", "soft"],
  "uk-ukraine-security-cooperation-2024": ["security_cooperation", "intermediate"],
  "france-ukraine-security-cooperation-2024": ["security_cooperation", "intermediate"],
  "germany-ukraine-security-cooperation-2024": ["security_cooperation", "intermediate"],
  "denmark-ukraine-security-cooperation-2024": ["security_cooperation", "intermediate"],
  "netherlands-ukraine-security-cooperation-2024": ["security_cooperation", "intermediate"],
  "us-ukraine-bilateral-security-agreement-2024": ["security_cooperation", "intermediate"],
  "eu-ukraine-joint-security-commitments-2024": ["security_cooperation", "intermediate"],
  "european-peace-facility": ["security_cooperation", "intermediate"],
  "eumam-ukraine": ["security_cooperation", "intermediate"],
  nsatu: ["security_cooperation", "intermediate"],
  "ukraine-compact-2024": ["partnership_agreement", "intermediate"],
  "nato-ukraine-council": ["partnership_agreement", "intermediate"],
  "ukraine-facility": ["framework_agreement", "intermediate"],
  "istanbul-draft-treaty-2022": ["mutual_defence_pact", "hard"],
  "reassurance-force-proposal": ["troop_stationing", "hard"],
  "us-south-korea-mutual-defense-treaty": ["alliance_obligation", "hard"],
  "nato-article-5": ["alliance_obligation", "hard"],
};

const bilateralAccords = [
  "uk-ukraine-security-cooperation-2024",
  "france-ukraine-security-cooperation-2024",
  "germany-ukraine-security-cooperation-2024",
  "denmark-ukraine-security-cooperation-2024",
  "netherlands-ukraine-security-cooperation-2024",
  "us-ukraine-bilateral-security-agreement-2024",
];

function seedCitations(sources: readonly Source[]): Source[] {
  return sources.filter(
    (s) => s.kind === "seed_document" && s.locator !== undefined && s.quote !== undefined,
  );
}

describe("reference agreements", () => {
  it("all parse with the core schema", () => {
    for (const a of referenceAgreements) expect(() => Agreement.parse(a), a.id).not.toThrow();
  });

  it("are exactly the instruments the seeds name, with unique ids", () => {
    const ids = referenceAgreements.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(expectedPlacement).sort());
  });

  it.each(Object.entries(expectedPlacement))("%s sits where Table 1 puts it", (id, [type, tier]) => {
    const a = agreement(id);
    expect(a.instrumentType).toBe(type);
    expect(tierOf(a.instrumentType)).toBe(tier);
  });

  it.each(Object.keys(expectedPlacement))("%s: the classifier places it there too, with reasons", (id) => {
    const a = agreement(id);
    const result = classify(a.attributes);
    expect(result.instrumentType).toBe(a.instrumentType);
    expect(result.tier).toBe(tierOf(a.instrumentType));
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it("cite a seed, with locator and quote, on every record, provision and status change", () => {
    for (const a of referenceAgreements) {
      expect(seedCitations(a.sources).length, a.id).toBeGreaterThan(0);
      for (const p of a.provisions)
        expect(seedCitations(p.sources).length, `${a.id} ${p.kind}`).toBeGreaterThan(0);
      for (const s of a.statusHistory) {
        expect(seedCitations(s.sources).length, `${a.id} ${s.status}`).toBeGreaterThan(0);
      }
    }
  });

  it("point to frameworks that exist", () => {
    for (const a of referenceAgreements) {
      if (a.framework !== undefined) expect(byId.has(a.framework), `${a.id} → ${a.framework}`).toBe(true);
    }
  });

  it("name only parties in the reference party list", () => {
    const parties = new Set(referenceParties.map((p) => p.id));
    for (const a of referenceAgreements) {
      for (const id of [...a.guarantors, ...a.beneficiaries])
        expect(parties.has(id), `${a.id}: ${id}`).toBe(true);
    }
  });

  it("put the bilateral accords under the G7 Joint Declaration, for ten years", () => {
    for (const id of bilateralAccords) {
      expect(agreement(id).framework, id).toBe("g7-joint-declaration-2023");
      expect(agreement(id).durationYears, id).toBe(10);
      expect(agreement(id).attributes.mutualDefenceClause, id).toBe(false);
    }
  });

  it("carry the dates the seeds give, at the precision they give", () => {
    const signed = Object.fromEntries(referenceAgreements.map((a) => [a.id, a.signed]));
    expect(signed).toMatchObject({
      "g7-joint-declaration-2023": "2023-07",
      "uk-ukraine-security-cooperation-2024": "2024-01-12",
      "france-ukraine-security-cooperation-2024": "2024-02",
      "germany-ukraine-security-cooperation-2024": "2024-02",
      "denmark-ukraine-security-cooperation-2024": "2024-02",
      "netherlands-ukraine-security-cooperation-2024": "2024-03",
      "us-ukraine-bilateral-security-agreement-2024": "2024",
      "eu-ukraine-joint-security-commitments-2024": "2024-06",
      "budapest-memorandum-1994": "1994",
      "minsk-agreements": "2014",
    });
    expect(agreement("minsk-agreements").statusHistory.map((s) => [s.status, s.date])).toEqual([
      ["signed", "2014"],
      ["signed", "2015"],
    ]);
    // The only end date a seed states: the Ukraine Facility "runs from 2024 to 2027".
    const expiring = referenceAgreements.filter((a) => a.expires !== undefined).map((a) => [a.id, a.expires]);
    expect(expiring).toEqual([["ukraine-facility", "2027"]]);
  });

  it("keep the proposals proposed", () => {
    for (const id of ["istanbul-draft-treaty-2022", "reassurance-force-proposal"]) {
      expect(statusOn(Agreement.parse(agreement(id)).statusHistory), id).toBe("proposed");
      expect(agreement(id).signed, id).toBeUndefined();
    }
  });
});

describe("the UK–Ukraine agreement", () => {
  const uk = agreement("uk-ukraine-security-cooperation-2024");
  const provision = <K extends ProvisionKind>(kind: K) => {
    const found = uk.provisions.filter((p) => p.kind === kind);
    expect(found, kind).toHaveLength(1);
    return found[0] as Extract<AgreementInput["provisions"][number], { kind: K }>;
  };

  it("has every provision kind the annex supports, and no other", () => {
    // Nine of the ten kinds: the annex names no sanctions response.
    const annexKinds = provisionKinds.filter((k) => k !== "sanctions_response");
    expect(new Set(uk.provisions.map((p) => p.kind))).toEqual(new Set(annexKinds));
  });

  it("records the annex's provisions as typed fields", () => {
    expect(provision("consultation")).toMatchObject({
      deadlineHours: 24,
      trigger: "a future Russian armed attack",
    });
    expect(provision("mutual_defence").present).toBe(false);
    expect(provision("assistance")).toMatchObject({
      categories: ["air_defence", "artillery", "long_range_fires", "armoured_vehicles"],
      forms: ["military", "economic"],
      multiYear: true,
    });
    expect(provision("assistance").amount).toBeUndefined();
    expect(provision("defence_industrial")).toMatchObject({ coProduction: true, localisation: true });
    expect(provision("capability_coalition")).toMatchObject({
      coalition: "Maritime Security Capability Coalition",
      role: "co_lead",
    });
    expect(provision("intelligence_cyber")).toMatchObject({ intelligence: true, cyber: true });
    expect(provision("reconstruction_reform")).toMatchObject({ reconstruction: true, reform: true });
    expect(provision("duration_termination").durationYears).toBe(10);
    expect(provision("nato_membership").stance).toBe("review_on_accession");
  });

  it("cites the annex for each provision", () => {
    for (const p of uk.provisions) {
      expect(
        p.sources.some((s) => s.locator?.startsWith("Annex")),
        p.kind,
      ).toBe(true);
    }
  });
});

describe("the US–Ukraine agreement", () => {
  const us = Agreement.parse(agreement("us-ukraine-bilateral-security-agreement-2024"));

  it("was signed in 2024, then reshaped and made conditional in 2025", () => {
    expect(us.statusHistory.map((s) => [s.status, s.date])).toEqual([
      ["signed", "2024"],
      ["reshaped", "2025"],
      ["conditional", "2025"],
    ]);
    expect(statusOn(us.statusHistory)).toBe("conditional");
    expect(statusOn(us.statusHistory, "2024-12")).toBe("signed");
  });

  it("is a bridge to NATO membership without an Article 5 clause", () => {
    const kinds = Object.fromEntries(us.provisions.map((p) => [p.kind, p]));
    expect(kinds.nato_membership).toMatchObject({ stance: "bridge_to_membership" });
    expect(kinds.mutual_defence).toMatchObject({ present: false });
    expect(us.attributes.automaticMilitaryResponse).toBe(false);
  });
});

describe("reference commitments", () => {
  it("all parse with the core schema, with unique ids and agreements that exist", () => {
    const ids = referenceCommitments.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of referenceCommitments) {
      expect(() => Commitment.parse(c), c.id).not.toThrow();
      expect(c.agreement !== undefined && byId.has(c.agreement), c.id).toBe(true);
      expect(seedCitations(c.sources).length, c.id).toBeGreaterThan(0);
    }
  });

  it("are exactly the figures the seeds state: EUR 50 bn for 2024–2027 and EUR 5 bn a year", () => {
    const parsed = referenceCommitments.map((c) => Commitment.parse(c));
    expect(
      parsed.map(({ id, donor, recipient, measure, measureBasis, period, schedule }) => ({
        id,
        donor,
        recipient,
        measure,
        measureBasis,
        period,
        schedule,
      })),
    ).toEqual([
      {
        id: "eu-ukraine-facility-2024-2027",
        donor: "EU",
        recipient: "UA",
        measure: { kind: "money", amount: "50000000000", currency: "EUR" },
        measureBasis: "total",
        period: { start: "2024", end: "2027" },
        schedule: [],
      },
      {
        id: "eu-european-peace-facility-annual",
        donor: "EU",
        recipient: "UA",
        measure: { kind: "money", amount: "5000000000", currency: "EUR" },
        measureBasis: "per_year",
        period: undefined,
        schedule: [],
      },
    ]);
  });
});

describe("referenceDataset()", () => {
  it("parses everything and has no events", () => {
    const dataset = referenceDataset();
    expect(dataset.agreements).toHaveLength(referenceAgreements.length);
    expect(dataset.commitments).toHaveLength(referenceCommitments.length);
    expect(dataset.parties).toHaveLength(referenceParties.length);
    expect(dataset.events).toEqual([]);
    expect(dataset.agreements.every((a) => a.synthetic === false)).toBe(true);
    expect(dataset.commitments.every((c) => c.synthetic === false)).toBe(true);
  });

  it("has parties with unique ids: every ISO state and the seeds' organisations", () => {
    const ids = referenceParties.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ["UA", "GB", "US", "KR", "EU", "NATO", "G7", "OSCE"]) expect(ids).toContain(id);
  });
});
