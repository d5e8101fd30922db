import {
  type AgreementRecord,
  addDays,
  type CategoryId,
  type CommitmentRecord,
  convert,
  convertByConvention,
  createRateTable,
  type Dispute,
  dateRange,
  type ExchangeRate,
  type InstrumentType,
  monthIndex,
  normalize,
  periodMonths,
  periodOf,
  periodsBetween,
  type RateTable,
  type Stage,
  stageIds,
  sum,
  tierOf,
  topCategory,
  toScale,
} from "@commitments/core";
import fc from "fast-check";
import { expect } from "vitest";
import { type Series, type SeriesQuery, seriesGroupings } from "../src/series/index.ts";
import { testDonors } from "./series-fixtures.ts";

/* Random histories and series queries, and the model that sums them independently of the series code (read.property.test.ts). */

export const categoryIds: CategoryId[] = [
  "funding.budget_support",
  "air_defence.interceptors",
  "ammunition",
  "ammunition.artillery_155mm",
  "humanitarian",
];
export const agreementIds = ["test-soft", "test-mid"];
export const instrumentTypes: InstrumentType[] = [
  "declaration_joint_statement",
  "security_cooperation",
  "mutual_defence_pact",
];

export const pad = (n: number) => String(n).padStart(2, "0");
// Months from 2023-11 to 2024-03.
export const monthArb = fc.integer({ min: 0, max: 4 }).map((i) => {
  const m = 11 + i;
  return m > 12 ? `2024-${pad(m - 12)}` : `2023-${pad(m)}`;
});
export const dayArb = fc
  .tuple(monthArb, fc.integer({ min: 1, max: 28 }))
  .map(([month, day]) => `${month}-${pad(day)}`);
export const dateArb = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom("2023", "2024") },
  { weight: 3, arbitrary: monthArb },
  { weight: 5, arbitrary: dayArb },
);
export const amountArb = fc
  .tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 999 }))
  .map(([units, thousandths]) => normalize(`${units}.${String(thousandths).padStart(3, "0")}`));
// Mostly the default pair, committed and delivered, so most series have something in them.
export const weighted = <T>(often: T[], rarely: T[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...often) },
    { weight: 1, arbitrary: fc.constantFrom(...rarely) },
  );
export const stageArb = weighted<Stage>(["committed", "delivered"], [...stageIds]);
// A run of consecutive days of one currency, as a reference-rate table has them.
export const rateRunArb = fc
  .record({
    currency: fc.constantFrom("USD", "GBP", "JPY"),
    start: dayArb,
    perEur: fc.array(fc.integer({ min: 5_000, max: 20_000 }), { minLength: 1, maxLength: 20 }),
  })
  .map(({ currency, start, perEur }) =>
    perEur.map((n, i) => ({
      currency,
      date: addDays(start, i),
      perEur: normalize(`${Math.floor(n / 10_000)}.${String(n % 10_000).padStart(4, "0")}`),
    })),
  );

/** What an event says besides its figure: the flags a series counts. */
export interface EventFlags {
  synthetic: boolean;
  estimated: boolean;
}
export type EventOp = { commitment: number; stage: Stage; date: string; amount: string } & EventFlags;

export type Op =
  | { kind: "create"; events: EventOp[] }
  | ({ kind: "correct"; target: number; stage: Stage; date: string; amount: string } & EventFlags)
  | { kind: "retract"; target: number }
  | { kind: "rates"; rates: ExchangeRate[] }
  | {
      kind: "recommit";
      commitment: number;
      donor: string;
      category: CategoryId;
      agreement: number;
      synthetic: boolean;
    }
  | { kind: "reclassify"; agreement: number; instrumentType: InstrumentType }
  | { kind: "dispute"; target: number; of: "event" | "commitment" }
  | { kind: "settle"; target: number; outcome: "upheld" | "rejected" | "withdrawn" | "retracted" };

// Mostly neither flag, so the counts differ from the event counts.
export const flagArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(false) },
  { weight: 1, arbitrary: fc.constant(true) },
);

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("create" as const),
      events: fc.array(
        fc.record({
          commitment: fc.nat(),
          stage: stageArb,
          date: dateArb,
          amount: amountArb,
          synthetic: flagArb,
          estimated: flagArb,
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("correct" as const),
      target: fc.nat(),
      stage: stageArb,
      date: dateArb,
      amount: amountArb,
      synthetic: flagArb,
      estimated: flagArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("retract" as const), target: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("rates" as const),
      rates: fc.array(rateRunArb, { minLength: 1, maxLength: 4 }).map((runs): ExchangeRate[] => runs.flat()),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("recommit" as const),
      commitment: fc.nat(),
      donor: fc.constantFrom(...testDonors),
      category: fc.constantFrom(...categoryIds),
      agreement: fc.integer({ min: -1, max: 1 }),
      synthetic: flagArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("reclassify" as const),
      agreement: fc.integer({ min: 0, max: 1 }),
      instrumentType: fc.constantFrom(...instrumentTypes),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("dispute" as const),
      target: fc.nat(),
      of: fc.constantFrom("event" as const, "commitment" as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("settle" as const),
      target: fc.nat(),
      outcome: fc.constantFrom(
        "upheld" as const,
        "rejected" as const,
        "withdrawn" as const,
        "retracted" as const,
      ),
    }),
  },
);

/** The model's queries name both stages: the choice of a delivered stage from the sources is tested apart. */
export type ModelQuery = SeriesQuery & { delivered: Stage };

/** A filter in about one query of five, so most series have something in them. */
export const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

export const queryArb: fc.Arbitrary<ModelQuery> = fc
  .record({
    groupBy: fc.constantFrom(...seriesGroupings),
    promised: weighted<Stage>(["committed"], [...stageIds]),
    delivered: weighted<Stage>(["delivered"], [...stageIds]),
    interval: fc.constantFrom("month" as const, "quarter" as const, "year" as const),
    measure: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          measure: fc.constant("money" as const),
          currency: weighted(["EUR" as const, "USD" as const], ["original" as const]),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          measure: fc.constant("quantity" as const),
          unit: fc.constantFrom(undefined, "rounds", "vehicles"),
        }),
      },
    ),
    fixed: fc.option(dayArb, { nil: undefined, freq: 2 }),
    donor: sometimes(fc.constantFrom(...testDonors)),
    category: sometimes(fc.constantFrom("ammunition", "funding", "air_defence.interceptors")),
    tier: sometimes(
      fc.constantFrom("soft" as const, "intermediate" as const, "hard" as const, "none" as const),
    ),
    agreement: sometimes(fc.constantFrom(...agreementIds)),
    window: fc.tuple(sometimes(monthArb), sometimes(monthArb)),
  })
  .map(({ measure, fixed, window: [a, b], ...rest }) => {
    const [from, to] = a && b && b < a ? [b, a] : [a, b];
    return {
      ...rest,
      currency: "EUR" as const,
      ...measure,
      convention: fixed ? { kind: "fixed_date" as const, date: fixed } : { kind: "event_date" as const },
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
  });

/** The tracker's state as this test keeps it, apart from the database. */
export interface Model {
  commitments: Map<string, CommitmentRecord & { version: number }>;
  agreements: Map<string, AgreementRecord & { version: number }>;
  events: Map<
    string,
    { commitment: string; stage: Stage; date: string; amount: string; version: number } & EventFlags
  >;
  rates: Map<string, ExchangeRate>;
  /** Disputes not yet retracted, by id. */
  disputes: Map<string, Dispute & { version: number }>;
}

/** One series computed from the model's events alone, with core's arithmetic: what every point must say. */
export function expected(model: Model, q: ModelQuery, axis: string[]) {
  const table: RateTable = (() => {
    const t = createRateTable([...model.rates.values()]);
    if (!t.ok) throw new Error(t.error.message);
    return t.value;
  })();
  const target = q.measure === "money" && q.currency !== "original" ? q.currency : null;
  const lastMonth = q.to
    ? monthIndex(periodMonths(periodOf(q.to, q.interval)).last)
    : Number.POSITIVE_INFINITY;
  const open = [...model.disputes.values()].filter((d) => d.status === "open");
  const disputed = (kind: string, id: string) =>
    open.some((d) => d.target.kind === kind && d.target.id === id);
  const selected = [...model.events].flatMap(([id, e]) => {
    const c = model.commitments.get(e.commitment);
    if (!c) throw new Error("an event without its commitment");
    const agreement = c.agreement ? model.agreements.get(c.agreement) : undefined;
    const tier = agreement ? tierOf(agreement.instrumentType) : "none";
    const m = c.measure;
    const measure = m.kind === "money" ? m.currency : m.unit;
    const month = dateRange(e.date).end.slice(0, 7);
    if (m.kind !== q.measure || (q.unit && measure !== q.unit)) return [];
    if (e.stage !== q.promised && e.stage !== q.delivered) return [];
    if (q.donor && c.donor !== q.donor) return [];
    if (q.category && c.category !== q.category && !c.category.startsWith(`${q.category}.`)) return [];
    if (q.tier && tier !== q.tier) return [];
    if (q.agreement && c.agreement !== q.agreement) return [];
    if (monthIndex(month) > lastMonth) return [];
    const key = {
      all: "all",
      donor: c.donor,
      category: topCategory(c.category),
      tier,
      agreement: c.agreement ?? "none",
      source: c.sourceDataset ?? "tracker",
    }[q.groupBy];
    const flags = {
      synthetic: e.synthetic || c.synthetic,
      estimated: e.estimated,
      disputed: disputed("event", id) || disputed("commitment", c.id),
    };
    return [{ ...e, measure, month, group: target ? key : `${key}|${measure}`, flags }];
  });
  type Selected = (typeof selected)[number];
  const money = (e: Selected) => ({ amount: e.amount, currency: e.measure });
  const value = (events: Selected[]): string => {
    if (!target) return sum(events.map((e) => e.amount));
    if (q.convention.kind === "event_date") {
      const converted = events.map((e) =>
        convertByConvention(money(e), target, e.date, q.convention, table, 10),
      );
      return toScale(sum(converted.map((c) => (c.ok ? c.value.amount : "0"))), 2);
    }
    const fixed = q.convention.date;
    const parts = [...groupBy(events, (e) => e.measure)].map(([currency, list]) => {
      const c = convert({ amount: sum(list.map((e) => e.amount)), currency }, target, fixed, table, 10);
      return c.ok ? c.value.amount : "0";
    });
    return toScale(sum(parts), 2);
  };
  // Months as numbers, never compared as text.
  const months = selected.map((e) => e.month).sort((a, b) => monthIndex(a) - monthIndex(b));
  const first = q.from ?? months[0];
  const lastData = months.at(-1);
  const last = q.to ?? (lastData && first && monthIndex(lastData) < monthIndex(first) ? first : lastData);
  const windowFirst = axis[0] ? monthIndex(periodMonths(axis[0]).first) : Number.POSITIVE_INFINITY;
  const within = (e: Selected, from: number, to: number) =>
    monthIndex(e.month) >= from && monthIndex(e.month) <= to;
  const between = (group: string, stage: Stage, from: number, to: number) =>
    selected.filter((e) => e.group === group && e.stage === stage && within(e, from, to));
  const counts = (events: Selected[]) => ({
    synthetic: events.filter((e) => e.flags.synthetic).length,
    estimated: events.filter((e) => e.flags.estimated).length,
    disputed: events.filter((e) => e.flags.disputed).length,
  });
  const flaggedAtAll = (e: Selected) => e.flags.synthetic || e.flags.estimated || e.flags.disputed;
  const flagsOf = (events: Selected[]) => ({
    promised: counts(events.filter((e) => e.stage === q.promised)),
    delivered: counts(events.filter((e) => e.stage === q.delivered)),
  });
  const points = (group: string) =>
    axis.map((period) => {
      const bounds = periodMonths(period);
      const [start, end] = [monthIndex(bounds.first), monthIndex(bounds.last)];
      const flagged = selected.filter((e) => e.group === group && within(e, start, end) && flaggedAtAll(e));
      return {
        period,
        promised: value(between(group, q.promised, start, end)),
        delivered: value(between(group, q.delivered, start, end)),
        cumulativePromised: value(between(group, q.promised, Number.NEGATIVE_INFINITY, end)),
        cumulativeDelivered: value(between(group, q.delivered, Number.NEGATIVE_INFINITY, end)),
        // A point carries its flags only when one of its events is flagged.
        ...(flagged.some((e) => e.stage === q.promised || e.stage === q.delivered)
          ? { flags: flagsOf(flagged) }
          : {}),
      };
    });
  const flagsBefore = (group: string) =>
    flagsOf(selected.filter((e) => e.group === group && monthIndex(e.month) < windowFirst));
  const unconverted = new Map<string, { stage: Stage; currency: string; amount: string; events: number }>();
  if (target) {
    for (const e of selected) {
      const c =
        q.convention.kind === "event_date"
          ? convertByConvention(money(e), target, e.date, q.convention, table, 10)
          : convert(money(e), target, q.convention.date, table, 10);
      if (c.ok) continue;
      for (const stage of new Set([q.promised, q.delivered])) {
        if (e.stage !== stage) continue;
        const u = unconverted.get(`${stage}|${e.measure}`) ?? {
          stage,
          currency: e.measure,
          amount: "0",
          events: 0,
        };
        unconverted.set(`${stage}|${e.measure}`, {
          ...u,
          amount: sum([u.amount, e.amount]),
          events: u.events + 1,
        });
      }
    }
  }
  const inWindow = selected.filter((e) => monthIndex(e.month) >= windowFirst);
  const original = [...groupBy(inWindow, (e) => e.measure)].map(([currency, list]) => ({
    currency,
    promised: sum(list.filter((e) => e.stage === q.promised).map((e) => e.amount)),
    delivered: sum(list.filter((e) => e.stage === q.delivered).map((e) => e.amount)),
  }));
  return {
    axis: first && last ? periodsBetween(first, last, q.interval) : [],
    groups: [...new Set(selected.map((e) => e.group))].sort(),
    points,
    flagsBefore,
    unconverted: [...unconverted.values()].sort(
      (a, b) => a.stage.localeCompare(b.stage) || a.currency.localeCompare(b.currency),
    ),
    original: q.measure === "money" ? original.sort((a, b) => a.currency.localeCompare(b.currency)) : [],
  };
}

export function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function checkAgainstModel(model: Model, q: ModelQuery, series: Series) {
  const axis = series.groups[0]?.points.map((p) => p.period) ?? [];
  const want = expected(model, q, axis);
  const split = series.currency === null;
  const groupId = (g: Series["groups"][number]) => (split ? `${g.key}|${g.currency ?? g.unit}` : g.key);
  expect(series.groups.map(groupId).sort()).toEqual(want.groups);
  if (series.groups.length) expect(axis).toEqual(want.axis);
  for (const group of series.groups) {
    expect(group.points).toEqual(want.points(groupId(group)));
    expect(group.flagsBefore).toEqual(want.flagsBefore(groupId(group)));
  }
  expect(series.conversion?.unconverted ?? []).toEqual(want.unconverted);
  expect(series.original).toEqual(want.original);
}
