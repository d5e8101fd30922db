import {
  type Agreement,
  type Commitment,
  type InstrumentType,
  isoStates,
  type Measure,
  type StageEvent,
} from "@commitments/core";
import type { Dataset } from "../src/reference.ts";

/**
 * Small fixtures for the series tests. Every figure here is made up for the tests; the exchange rates in
 * particular are TEST values, not ECB reference rates.
 */

export const testSource = [{ title: "Test fixture, not a real figure", kind: "research" as const }];

export function testAgreement(id: string, instrumentType: InstrumentType): Agreement {
  return {
    id,
    title: `Test agreement ${id}`,
    shortTitle: `Test ${id}`,
    guarantors: ["GB"],
    beneficiaries: ["UA"],
    instrumentType,
    attributes: { form: "joint_statement", legallyBinding: false },
    provisions: [],
    statusHistory: [{ status: "signed", date: "2023-07", dateBasis: "effective", sources: testSource }],
    sources: testSource,
    synthetic: true,
  };
}

export function testCommitment(
  id: string,
  donor: string,
  category: Commitment["category"],
  measure: Measure,
  agreement?: string,
): Commitment {
  return {
    id,
    donor,
    recipient: "UA",
    ...(agreement ? { agreement } : {}),
    title: `Test line ${id}`,
    category,
    measure,
    measureBasis: "total",
    schedule: [],
    conditions: [],
    sources: testSource,
    synthetic: true,
  };
}

export const money = (amount: string, currency: string): Measure => ({ kind: "money", amount, currency });
export const quantity = (count: string, unit: "rounds" | "vehicles", item: string): Measure => ({
  kind: "quantity",
  count,
  unit,
  item,
});

export function testEvent(
  id: string,
  commitment: string,
  stage: StageEvent["stage"],
  date: string,
  measure: Measure,
): StageEvent {
  return {
    id,
    commitment,
    stage,
    date,
    measure,
    confidence: "reported_by_donor",
    sources: testSource,
    synthetic: true,
  };
}

export const testDonors = ["DE", "US", "GB", "JP", "PL"];

/** Parties, two agreements of different tiers, and commitments in four currencies and two units. */
export function seriesDataset(): Dataset {
  return {
    parties: isoStates().filter((p) => testDonors.includes(p.id) || p.id === "UA"),
    agreements: [
      testAgreement("test-soft", "declaration_joint_statement"),
      testAgreement("test-mid", "security_cooperation"),
    ],
    commitments: [
      testCommitment("c-eur", "DE", "funding.budget_support", money("1000", "EUR"), "test-mid"),
      testCommitment("c-usd", "US", "air_defence.interceptors", money("1000", "USD"), "test-soft"),
      testCommitment("c-gbp", "GB", "ammunition", money("1000", "GBP")),
      testCommitment("c-jpy", "JP", "humanitarian", money("1000", "JPY")),
      testCommitment(
        "c-rounds",
        "US",
        "ammunition.artillery_155mm",
        quantity("1000", "rounds", "155mm shells"),
        "test-mid",
      ),
      testCommitment("c-vehicles", "GB", "armoured_vehicles", quantity("10", "vehicles", "M113")),
    ],
    events: [],
  };
}
