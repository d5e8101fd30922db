import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dateRange, type IsoDate } from "./dates.ts";
import {
  countsFrom,
  delayDays,
  deliveredTotal,
  excess,
  fulfilment,
  fulfilmentRatio,
  magnitude,
  projectedCompletion,
  promisedTotal,
  type ScheduledMeasure,
  type StagedMeasure,
  scheduleAdherence,
  scheduledUpTo,
  sumMeasures,
  totalUpTo,
} from "./fulfilment.ts";
import type { Measure } from "./money.ts";
import type { Result } from "./result.ts";
import type { Stage } from "./stage.ts";
import { stageIds } from "./vocabulary/flow.ts";

function ok<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const eur = (amount: string): Measure => ({ kind: "money", amount, currency: "EUR" });
const usd = (amount: string): Measure => ({ kind: "money", amount, currency: "USD" });
const shells = (count: string, item = "155mm shells"): Measure => ({
  kind: "quantity",
  count,
  unit: "rounds",
  item,
});

/** Integer cents → "12.05"; an oracle independent of big.js. */
function centsToDecimal(cents: bigint): string {
  return `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}

function decimalToCents(value: string): bigint {
  const negative = value.startsWith("-");
  const [int = "", frac = ""] = (negative ? value.slice(1) : value).split(".");
  if (frac.length > 2) throw new Error(`more than 2 places: ${value}`);
  const cents = BigInt(int) * 100n + BigInt(frac.padEnd(2, "0"));
  return negative ? -cents : cents;
}

// A EUR 50 bn facility over 2024–2027, a quarter due each year, with deliveries through spring 2025.
function bn(billions: string): Measure {
  const [int = "", frac = ""] = billions.split(".");
  return eur(`${int}${frac.padEnd(9, "0")}`);
}
const facility = {
  measure: bn("50"),
  schedule: ["2024", "2025", "2026", "2027"].map((due) => ({ due, measure: bn("12.5") })),
};
const events: StagedMeasure[] = [
  { stage: "pledged", date: "2023-06-20", measure: bn("50") },
  { stage: "committed", date: "2024-02", measure: bn("50") },
  { stage: "delivered", date: "2024-03-21", measure: bn("4.5") },
  { stage: "delivered", date: "2024-08", measure: bn("4.2") },
  { stage: "delivered", date: "2024-12-19", measure: bn("4.1") },
  { stage: "delivered", date: "2025-04-15", measure: bn("3.5") },
];

describe("a EUR 50 bn commitment with four yearly tranches (hand-computed)", () => {
  it("mid-2025: a third delivered, ahead of schedule", () => {
    expect(ok(fulfilment(facility, events, "2025-06-30"))).toEqual({
      asOf: "2025-06-30",
      promised: "50000000000",
      delivered: "16300000000",
      ratio: 0.326,
      excess: "0",
      scheduled: "12500000000",
      adherence: 1,
      delayDays: 0,
      // 466 days since 2024-03-21 delivered 16.3 bn; 33.7 bn more takes ⌈33.7 × 466 / 16.3⌉ = 964 days.
      completion: { date: "2028-02-19", projected: true },
    });
  });

  it("spring 2026: the 2025 tranche is 90 days overdue", () => {
    const f = ok(fulfilment(facility, events, "2026-03-31"));
    expect(f.scheduled).toBe("25000000000");
    expect(f.adherence).toBe(0.652);
    expect(f.delayDays).toBe(90);
  });

  it("counts a partial date from the last day of its range", () => {
    expect(countsFrom("2024-02")).toBe("2024-02-29");
    expect(countsFrom("2024")).toBe("2024-12-31");
    expect(ok(deliveredTotal(events, "2024-08-30"))).toBe("4500000000");
    expect(ok(deliveredTotal(events, "2024-08-31"))).toBe("8700000000");
    expect(ok(promisedTotal(events, "2024-02-28"))).toBe("0");
    expect(ok(promisedTotal(events, "2024-02-29"))).toBe("50000000000");
    expect(ok(scheduledUpTo(facility.schedule, "2024-12-30"))).toBe("0");
    expect(ok(scheduledUpTo(facility.schedule, "2024-12-31"))).toBe("12500000000");
  });

  it("before anything is promised or due, the ratios are null, not zero", () => {
    const f = ok(fulfilment(facility, events, "2024-02-28"));
    expect(f).toMatchObject({ promised: "0", delivered: "0", ratio: null, adherence: null, delayDays: 0 });
    expect(f.completion).toBeNull();
  });

  it("lets the caller choose the stages", () => {
    const f = ok(fulfilment(facility, events, "2024-02-28", { promisedStage: "pledged" }));
    expect(f.promised).toBe("50000000000");
    expect(f.ratio).toBe(0);
    expect(ok(promisedTotal(events, "2024-01-01", "pledged"))).toBe("50000000000");
    expect(ok(deliveredTotal(events, "2030-01-01", "allocated"))).toBe("0");
  });

  it("measures the delay from the oldest tranche not yet covered", () => {
    const late = events.filter((e) => e.date !== "2024-12-19");
    // 8.7 bn delivered against 12.5 bn due 2024-12-31.
    expect(ok(delayDays(facility.schedule, late, "2024-12-31"))).toBe(0);
    expect(ok(delayDays(facility.schedule, late, "2025-03-31"))).toBe(90);
    // 3.5 bn more on 2025-04-15 still leaves the 2024 tranche 0.3 bn short.
    expect(ok(delayDays(facility.schedule, late, "2025-04-30"))).toBe(120);
    // Exactly the tranche delivered is on schedule.
    const exact = [...late, { stage: "delivered" as const, date: "2025-04-16", measure: bn("0.3") }];
    expect(ok(delayDays(facility.schedule, exact, "2025-04-16"))).toBe(0);
    // Nothing delivered at all: late since the first tranche fell due.
    expect(ok(delayDays(facility.schedule, [], "2026-01-01"))).toBe(366);
  });
});

describe("small figures", () => {
  it("reports over-delivery as excess, with the day the promise was met", () => {
    const shellEvents: StagedMeasure[] = [
      { stage: "committed", date: "2024-03", measure: shells("1000") },
      { stage: "delivered", date: "2024-04-10", measure: shells("400") },
      { stage: "delivered", date: "2024-06", measure: shells("700") },
    ];
    expect(ok(fulfilment({ measure: shells("1000") }, shellEvents, "2024-07-01"))).toMatchObject({
      promised: "1000",
      delivered: "1100",
      ratio: 1,
      excess: "100",
      scheduled: "0",
      adherence: null,
      completion: { date: "2024-06-30", projected: false },
    });
  });

  it("gives no projection without a delivery rate", () => {
    const d = (date: string, amount: string): StagedMeasure => ({
      stage: "delivered",
      date,
      measure: eur(amount),
    });
    expect(ok(projectedCompletion([], "100", "2024-01-01"))).toBeNull();
    expect(ok(projectedCompletion([d("2024-01-01", "10")], "100", "2024-01-01"))).toBeNull();
    expect(ok(projectedCompletion([d("2024-01-01", "10")], "0", "2024-02-01"))).toBeNull();
    expect(ok(projectedCompletion([d("2024-01-01", "0")], "100", "2024-02-01"))).toBeNull();
    // 10 in 10 days: the other 90 take 90 days.
    expect(ok(projectedCompletion([d("2024-01-01", "10")], "100", "2024-01-11"))).toEqual({
      date: "2024-04-10",
      projected: true,
    });
    expect(
      ok(projectedCompletion([d("2024-01-01", "0.01")], "99999999999999999999", "2024-01-02")),
    ).toBeNull();
  });

  it("computes ratio and excess from exact decimals", () => {
    expect(fulfilmentRatio("0", "5")).toBeNull();
    expect(fulfilmentRatio("3", "1")).toBeCloseTo(1 / 3, 15);
    expect(fulfilmentRatio("0.3", "0.30")).toBe(1);
    expect(excess("0.1", "0.3")).toBe("0.2");
    expect(excess("5", "1")).toBe("0");
    expect(scheduleAdherence("1", "0")).toBeNull();
    expect(scheduleAdherence("12", "10")).toBe(1);
  });
});

describe("reversals and decommitments: negative figures", () => {
  const at = (stage: Stage, date: string, amount: string): StagedMeasure => ({
    stage,
    date,
    measure: eur(amount),
  });
  // A decommitment of 200 in June; a disbursement of 500 of which 100 is reversed in March.
  const netted = [
    at("committed", "2024-01-10", "1000"),
    at("committed", "2024-06-01", "-200"),
    at("delivered", "2024-02-01", "500"),
    at("delivered", "2024-03-01", "-100"),
    at("delivered", "2024-04-01", "300"),
  ];

  it("adds them as the publisher reports them: totals can fall", () => {
    expect(ok(fulfilment({ measure: eur("1000") }, netted, "2024-05-01"))).toMatchObject({
      promised: "1000",
      delivered: "700",
      ratio: 0.7,
      excess: "0",
    });
    expect(ok(deliveredTotal(netted, "2024-02-15"))).toBe("500");
    expect(ok(deliveredTotal(netted, "2024-03-15"))).toBe("400");
    // After the decommitment, 700 of 800.
    expect(ok(fulfilment({}, netted, "2024-07-01"))).toMatchObject({
      promised: "800",
      delivered: "700",
      ratio: 0.875,
    });
  });

  it("dates completion from the day the promise was met for good", () => {
    const evs = [
      at("committed", "2024-01-01", "100"),
      at("delivered", "2024-01-10", "100"),
      at("delivered", "2024-02-01", "-30"),
      at("delivered", "2024-03-05", "30"),
    ];
    expect(ok(fulfilment({}, evs, "2024-01-20")).completion).toEqual({
      date: "2024-01-10",
      projected: false,
    });
    // The reversal undoes it: 70 in the 36 days since 10 January, the other 30 take ⌈30 × 36 / 70⌉ = 16 days.
    expect(ok(fulfilment({}, evs, "2024-02-15")).completion).toEqual({ date: "2024-03-02", projected: true });
    expect(ok(fulfilment({}, evs, "2024-04-01")).completion).toEqual({
      date: "2024-03-05",
      projected: false,
    });
  });

  it("counts a promise decommitted in full, or more reversed than delivered, as nothing to measure", () => {
    const withdrawn = [at("committed", "2024-01-01", "100"), at("committed", "2024-02-01", "-100")];
    expect(ok(fulfilment({}, withdrawn, "2024-03-01"))).toMatchObject({
      promised: "0",
      ratio: null,
      completion: null,
    });
    expect(fulfilmentRatio("-5", "1")).toBeNull();
    const reversed = [at("delivered", "2024-01-01", "10"), at("delivered", "2024-01-05", "-20")];
    expect(ok(projectedCompletion(reversed, "100", "2024-02-01"))).toBeNull();
    expect(
      ok(fulfilment({ schedule: [{ due: "2024-01", measure: eur("10") }] }, reversed, "2024-02-01")),
    ).toMatchObject({ delivered: "-10", adherence: 0, delayDays: 1 });
  });
});

describe("kinds of measure", () => {
  it("refuses to add different currencies", () => {
    const mixed: StagedMeasure[] = [
      { stage: "delivered", date: "2024-01-05", measure: eur("10") },
      { stage: "delivered", date: "2025-01-05", measure: usd("10") },
    ];
    // Refused whatever the date: the 2025 USD figure makes the series invalid even as of 2024.
    const result = totalUpTo(mixed, "delivered", "2024-06-01");
    expect(result).toMatchObject({ ok: false, error: { code: "mixed_measures" } });
    expect(result.ok || result.error.message).toMatch(/EUR and USD/);
    expect(fulfilment({}, mixed, "2024-06-01").ok).toBe(false);
    expect(delayDays([{ due: "2024", measure: eur("1") }], mixed, "2026-01-01").ok).toBe(false);
    expect(projectedCompletion(mixed, "100", "2026-01-01").ok).toBe(false);
  });

  it("refuses a schedule or events unlike the commitment", () => {
    const delivered: StagedMeasure[] = [{ stage: "delivered", date: "2024", measure: usd("1") }];
    expect(fulfilment({ measure: eur("5") }, delivered, "2025-01-01").ok).toBe(false);
    expect(fulfilment({ schedule: [{ due: "2024", measure: usd("5") }] }, delivered, "2025-01-01").ok).toBe(
      true,
    );
    expect(
      scheduledUpTo(
        [
          { due: "2024", measure: eur("1") },
          { due: "2025", measure: shells("1") },
        ],
        "2024-12-31",
      ),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/EUR and rounds of 155mm shells/) },
    });
  });

  it("ignores stages that are not being compared", () => {
    const withPledgeInUsd: StagedMeasure[] = [
      ...events,
      { stage: "pledged", date: "2022", measure: usd("1") },
    ];
    expect(fulfilment(facility, withPledgeInUsd, "2025-01-01").ok).toBe(true);
    expect(fulfilment(facility, withPledgeInUsd, "2025-01-01", { promisedStage: "pledged" }).ok).toBe(false);
  });

  it("sums measures of one kind exactly", () => {
    expect(ok(sumMeasures([]))).toBeNull();
    expect(ok(sumMeasures([eur("0.1"), eur("0.2")]))).toEqual(eur("0.3"));
    expect(ok(sumMeasures([shells("1"), shells("2.5")]))).toEqual(shells("3.5"));
    expect(sumMeasures([shells("1"), shells("2", "152mm shells")]).ok).toBe(false);
    expect(sumMeasures([eur("1"), shells("1")]).ok).toBe(false);
  });

  it("never loses a cent summing money, in any order", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 18n }), { minLength: 1, maxLength: 60 })
          .chain((xs) =>
            fc.tuple(
              fc.constant(xs),
              fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }),
            ),
          ),
        ([xs, shuffled]) => {
          const total = ok(sumMeasures(xs.map((c) => eur(centsToDecimal(c)))));
          const again = ok(sumMeasures(shuffled.map((c) => eur(centsToDecimal(c)))));
          expect(total?.kind === "money" && decimalToCents(total.amount)).toBe(
            xs.reduce((a, b) => a + b, 0n),
          );
          expect(again).toEqual(total);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("properties over random commitments", () => {
  const day = fc.integer({ min: 0, max: 6 * 366 }).map((n) => addDays("2022-01-01", n));
  const partialDate = fc.tuple(day, fc.constantFrom(4, 7, 10)).map(([d, length]) => d.slice(0, length));
  const money = fc.bigInt({ min: 0n, max: 10n ** 15n }).map((c) => eur(centsToDecimal(c)));
  // Events may be negative: reversals and decommitments, one in five or so.
  const signedMoney = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }))
    .map(([c, n]) => eur(n === 0 && c > 0n ? `-${centsToDecimal(c)}` : centsToDecimal(c)));
  const event: fc.Arbitrary<StagedMeasure> = fc.record({
    stage: fc.constantFrom<Stage>(...stageIds),
    date: partialDate,
    measure: signedMoney,
  });
  const tranche: fc.Arbitrary<ScheduledMeasure> = fc.record({ due: partialDate, measure: money });
  const commitment = fc.record({
    events: fc.array(event, { maxLength: 25 }),
    schedule: fc.array(tranche, { maxLength: 8 }),
  });
  const cents = (value: string) => decimalToCents(value);

  it("keeps ratios in [0, 1] or null, excess and delay non-negative, and all consistent", () => {
    fc.assert(
      fc.property(commitment, day, ({ events, schedule }, asOf) => {
        const f = ok(fulfilment({ schedule }, events, asOf));
        expect(f.ratio === null || (f.ratio >= 0 && f.ratio <= 1)).toBe(true);
        expect(f.adherence === null || (f.adherence >= 0 && f.adherence <= 1)).toBe(true);
        expect(f.ratio === null).toBe(cents(f.promised) <= 0n);
        expect(f.adherence === null).toBe(cents(f.scheduled) === 0n);
        expect(cents(f.excess)).toBe(
          cents(f.delivered) > cents(f.promised) ? cents(f.delivered) - cents(f.promised) : 0n,
        );
        expect(Number.isInteger(f.delayDays) && f.delayDays >= 0).toBe(true);
        // Late only if less was delivered than was due; never late when all that was due is delivered.
        if (f.delayDays > 0) expect(cents(f.delivered)).toBeLessThan(cents(f.scheduled));
        if (cents(f.delivered) >= cents(f.scheduled)) expect(f.delayDays).toBe(0);
        // A delay cannot be older than the earliest due date.
        const firstDue = schedule.map((t) => countsFrom(t.due)).sort()[0];
        if (f.delayDays > 0 && firstDue) expect(addDays(firstDue, f.delayDays) <= asOf).toBe(true);
        if (f.completion) expect(f.completion.projected).toBe(f.completion.date > asOf);
      }),
      { numRuns: 500 },
    );
  });

  it("totals match a cent-exact oracle, monotone in asOf unless a figure is negative", () => {
    fc.assert(
      fc.property(commitment, day, day, ({ events, schedule }, d1, d2) => {
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        for (const stage of stageIds) {
          const oracle = (asOf: IsoDate) =>
            events
              .filter((e) => e.stage === stage && dateRange(e.date).end <= asOf)
              .reduce((acc, e) => acc + (e.measure.kind === "money" ? cents(e.measure.amount) : 0n), 0n);
          const a = cents(ok(totalUpTo(events, stage, early)));
          const b = cents(ok(totalUpTo(events, stage, late)));
          expect([a, b]).toEqual([oracle(early), oracle(late)]);
          const reversals = events.some((e) => e.stage === stage && cents(magnitude(e.measure)) < 0n);
          if (!reversals) expect(a).toBeLessThanOrEqual(b);
        }
        expect(cents(ok(scheduledUpTo(schedule, early)))).toBeLessThanOrEqual(
          cents(ok(scheduledUpTo(schedule, late))),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("delivering each tranche exactly when due is never late", () => {
    fc.assert(
      fc.property(commitment, day, ({ schedule }, asOf) => {
        const onTime = schedule.map(
          (t): StagedMeasure => ({ stage: "delivered", date: t.due, measure: t.measure }),
        );
        const f = ok(fulfilment({ schedule }, onTime, asOf));
        expect(f.delayDays).toBe(0);
        expect(f.adherence === null || f.adherence === 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a delay grows day by day while nothing new falls due or is delivered", () => {
    fc.assert(
      fc.property(commitment, day, ({ events, schedule }, asOf) => {
        const next = addDays(asOf, 1);
        const changes = [...events.map((e) => e.date), ...schedule.map((t) => t.due)].some(
          (d) => countsFrom(d) === next,
        );
        const today = ok(delayDays(schedule, events, asOf));
        const tomorrow = ok(delayDays(schedule, events, next));
        if (!changes && today > 0) expect(tomorrow).toBe(today + 1);
      }),
      { numRuns: 500 },
    );
  });
});
