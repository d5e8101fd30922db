import { describe, expect, it } from "vitest";
import { expectValid, issuePaths, sources } from "../test/schema-checks.ts";
import { Commitment, Period, StageEvent, Tranche } from "./commitments.ts";
import { Measure, Money } from "./money.ts";

const facility = {
  id: "eu-ukraine-facility",
  donor: "EU",
  title: "Ukraine Facility",
  category: "funding.budget_support",
  measure: { kind: "money", amount: "50000000000", currency: "EUR" },
  period: { start: "2024", end: "2027" },
  schedule: [
    { due: "2024", measure: { kind: "money", amount: "16000000000", currency: "EUR" } },
    { due: "2025", measure: { kind: "money", amount: "12000000000", currency: "EUR" } },
  ],
  sources,
};

describe("Commitment", () => {
  it("accepts a pledge line and fills in its defaults", () => {
    const parsed = Commitment.parse({ ...facility, schedule: undefined });
    expect(parsed).toMatchObject({
      recipient: "UA",
      measureBasis: "total",
      schedule: [],
      conditions: [],
      synthetic: false,
    });
    expectValid(Commitment, facility);
  });

  it("accepts a quantity commitment with tranches of the same item", () => {
    const shells = { kind: "quantity", count: "1000000", unit: "rounds", item: "155mm shells" } as const;
    expectValid(Commitment, {
      ...facility,
      category: "ammunition.artillery_155mm",
      measure: shells,
      schedule: [{ due: "2024-03", measure: { ...shells, count: "500000" } }],
    });
  });

  it.each([
    [
      "a tranche in another currency",
      { ...facility, schedule: [{ due: "2024", measure: { kind: "money", amount: "1", currency: "USD" } }] },
      ["schedule", 0, "measure"],
    ],
    [
      "a second tranche in another currency",
      {
        ...facility,
        schedule: [
          { due: "2024", measure: { kind: "money", amount: "1", currency: "EUR" } },
          { due: "2025", measure: { kind: "money", amount: "1", currency: "GBP" } },
        ],
      },
      ["schedule", 1, "measure"],
    ],
    [
      "a tranche counted in items for a money commitment",
      {
        ...facility,
        schedule: [{ due: "2024", measure: { kind: "quantity", count: "1", unit: "items", item: "x" } }],
      },
      ["schedule", 0, "measure"],
    ],
    [
      "a period ending before it starts",
      { ...facility, period: { start: "2027", end: "2024" } },
      ["period", "end"],
    ],
    ["an unknown category", { ...facility, category: "funding.bonds" }, ["category"]],
    ["no sources", { ...facility, sources: [] }, ["sources"]],
    ["a donor that is not a party id", { ...facility, donor: "European Union" }, ["donor"]],
    ["an unknown measure basis", { ...facility, measureBasis: "monthly" }, ["measureBasis"]],
  ] as const)("rejects %s", (_, value, path) => {
    expect(issuePaths(Commitment, value)).toEqual([path]);
  });

  it("Tranche needs a due date and a measure", () => {
    expectValid(Tranche, { due: "2025-06", measure: { kind: "money", amount: "1", currency: "EUR" } });
    expect(
      issuePaths(Tranche, { due: "2025-13", measure: { kind: "money", amount: "1", currency: "EUR" } }),
    ).toEqual([["due"]]);
  });
});

const event = {
  id: "eu-ukraine-facility-disbursed-2024-03",
  commitment: "eu-ukraine-facility",
  stage: "delivered",
  date: "2024-03",
  measure: { kind: "money", amount: "4500000000", currency: "EUR" },
  confidence: "reported_by_donor",
  sources,
};

describe("StageEvent", () => {
  it("accepts a dated, sourced step", () => {
    expect(StageEvent.parse(event).synthetic).toBe(false);
    expectValid(StageEvent, {
      ...event,
      stage: "pledged",
      confidence: "estimated",
      period: { start: "2022", end: "2023" },
    });
  });

  it.each([
    ["an unknown stage", { ...event, stage: "disbursed" }, ["stage"]],
    ["an unknown confidence", { ...event, confidence: "certain" }, ["confidence"]],
    [
      "a period ending before it starts",
      { ...event, period: { start: "2024-06", end: "2024-01" } },
      ["period", "end"],
    ],
    ["no sources", { ...event, sources: [] }, ["sources"]],
    ["an impossible date", { ...event, date: "2023-02-29" }, ["date"]],
    [
      "a negative quantity",
      { ...event, measure: { kind: "quantity", count: "-5", unit: "vehicles", item: "M113" } },
      ["measure", "count"],
    ],
  ] as const)("rejects %s", (_, value, path) => {
    expect(issuePaths(StageEvent, value)).toEqual([path]);
  });

  it("takes negative money, a reversal or a decommitment as the source reports it; promises stay non-negative", () => {
    const reversal = { kind: "money", amount: "-1250000.5", currency: "EUR" } as const;
    expectValid(StageEvent, { ...event, measure: reversal });
    expect(issuePaths(Money, { amount: reversal.amount, currency: "EUR" })).toEqual([["amount"]]);
    expect(issuePaths(Measure, reversal)).toEqual([["amount"]]);
    expect(issuePaths(Tranche, { due: "2025", measure: reversal })).toEqual([["measure", "amount"]]);
  });
});

describe("Period", () => {
  it.each([
    ["2024", "2027"],
    ["2024-01", "2024-01"],
    ["2024-01-12", "2034-01-11"],
    // By the days they stand for: March 2024 to (the end of) 2024; 15 March to (the end of) March.
    ["2024-03", "2024"],
    ["2024-03-15", "2024-03"],
  ])("accepts %s to %s", (start, end) => expectValid(Period, { start, end }));

  it.each([
    ["2025", "2024"],
    ["2024-06", "2024-05"],
    ["2024-06-02", "2024-06-01"],
    ["2024-03", "2023"],
    ["2024", "2023-12-31"],
  ])("rejects %s to %s at end", (start, end) => {
    const result = Period.safeParse({ start, end });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["end"], "the period ends before it starts"],
    ]);
  });

  it("rejects a period without an end at end", () => {
    expect(issuePaths(Period, { start: "2024" })).toEqual([["end"]]);
  });
});
