import {
  type Agreement,
  type Commitment,
  type Dispute,
  type InstrumentType,
  isoStates,
  type Measure,
  type StageEvent,
} from "@commitments/core";
import type { Dataset } from "../src/reference.ts";
import type { SeriesQuery } from "../src/series/index.ts";

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

/* The small series both series test files read: its changes, rates, events, query and disputes. */
export const seriesEditor = { actor: "test:editor", origin: "api" as const };

// TEST values, not ECB reference rates.
export const seriesTestRates = [
  { date: "2024-03-15", currency: "USD", perEur: "1.1" },
  { date: "2024-03-29", currency: "USD", perEur: "1.08" },
  { date: "2024-03-15", currency: "GBP", perEur: "0.85" },
  { date: "2024-06-28", currency: "USD", perEur: "1.07" },
  { date: "2024-06-28", currency: "GBP", perEur: "0.845" },
];

export const seriesTestEvents = [
  testEvent("e-usd-1", "c-usd", "committed", "2024-03-15", money("110", "USD")),
  // Month precision: the rate date is the middle of March, 2024-03-16, a Saturday: the 15th's rate.
  testEvent("e-gbp-1", "c-gbp", "committed", "2024-03", money("85", "GBP")),
  testEvent("e-usd-2", "c-usd", "committed", "2024-03-29", money("100", "USD")),
  testEvent("e-jpy-1", "c-jpy", "committed", "2024-03-10", money("1000", "JPY")),
  testEvent("e-eur-1", "c-eur", "delivered", "2024-03-20", money("50", "EUR")),
  testEvent("e-usd-3", "c-usd", "delivered", "2024-06-28", money("53.5", "USD")),
  // No GBP rate on or before 1 February: unconverted.
  testEvent("e-gbp-2", "c-gbp", "delivered", "2024-02-01", money("10", "GBP")),
  // Year precision counts in December; its rate date is mid-2024 (2024-07-01) capped at the latest rate date.
  testEvent("e-usd-4", "c-usd", "delivered", "2024", money("107", "USD")),
  testEvent("e-rounds-1", "c-rounds", "delivered", "2024-03-02", quantity("1200", "rounds", "155mm shells")),
  testEvent("e-vehicles-1", "c-vehicles", "delivered", "2024-04", quantity("4", "vehicles", "M113")),
];

export const baseSeriesQuery: SeriesQuery = {
  groupBy: "all",
  promised: "committed",
  delivered: "delivered",
  interval: "month",
  measure: "money",
  currency: "EUR",
  convention: { kind: "event_date" },
};

/** An open dispute of an event's or a commitment's figure, by the test NGO. */
export const openDispute = (id: string, kind: "event" | "commitment", targetId: string): Dispute => ({
  id,
  target: { kind, id: targetId },
  organisation: "test-ngo",
  statement: "Our count differs.",
  sources: testSource,
  status: "open",
});
