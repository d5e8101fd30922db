import {
  type CategoryId,
  type CommitmentRecord,
  categoryIds,
  isoStates,
  type Measure,
  type QuantityUnit,
  type StageEvent,
  type TrancheRecord,
} from "@commitments/core";
import fc from "fast-check";

/*
 * Valid values at the tracker's extremes, for extreme-values.test.ts: dates at the bounds of the domain (1900 and
 * 2199, to the year, month and day), amounts at the bounds of a decimal (the largest, the smallest positive, zero),
 * the longest spans (a period 1900–2199, a schedule of 600 tranches across it) and many groups (tens of donors,
 * every category, several currencies and units). Everything here is accepted by the API: the test checks that the
 * tracker then answers every read, in time and without a 5xx.
 */

/** Partial dates at the bounds of the domain, to the year, month and day. */
export const boundaryDates = ["1900", "1900-01", "1900-01-01", "2199", "2199-12", "2199-12-31"] as const;

/** Amounts at the bounds of a decimal: 20 integer and 10 fraction digits at most. */
export const boundaryAmounts = {
  largest: "99999999999999999999.9999999999",
  smallest: "0.0000000001",
  zero: "0",
} as const;

export const boundaryDate = fc.constantFrom(...boundaryDates);
export const boundaryAmount = fc.constantFrom(...Object.values(boundaryAmounts));

const currencies = ["EUR", "USD", "GBP", "JPY"] as const;
const units: QuantityUnit[] = ["rounds", "systems", "vehicles", "tonnes"];
const stages = ["pledged", "committed", "allocated", "delivered"] as const;
const confidences = ["reported_by_donor", "independently_verified", "estimated"] as const;

/** Test figures, flagged synthetic: none of this is real. */
export const sources = [
  { title: "Extreme-values test fixture, not a real figure", kind: "research" as const },
];

const money = (currency: string, amount: string): Measure => ({ kind: "money", amount, currency });
const quantity = (unit: QuantityUnit, count: string): Measure => ({
  kind: "quantity",
  count,
  unit,
  item: "Test item",
});

/** A commitment's measure kind: one currency, or one unit of one item. */
const measureKind = fc.oneof(
  fc.constantFrom(...currencies).map((currency) => (amount: string) => money(currency, amount)),
  fc.constantFrom(...units).map((unit) => (count: string) => quantity(unit, count)),
);

/** Donors other than Ukraine, the recipient. */
const donorPool = isoStates()
  .map((party) => party.id)
  .filter((id) => id !== "UA");

/** What one run writes: records for a template import, and one long commitment written as JSON. */
export interface ExtremeWorld {
  /** Imported as the tracker's template: many donors and categories, events and tranches at the bounds. */
  imported: { commitments: CommitmentRecord[]; tranches: TrancheRecord[]; events: StageEvent[] };
  /** POST /v1/commitments: a period 1900–2199 and a schedule of 600 tranches across it. */
  long: Record<string, unknown>;
  /** POST /v1/events on the long commitment, at the bounds. */
  longEvents: Record<string, unknown>[];
  /** The date the first imported event is then corrected to (PATCH). */
  correction: string;
  /** POST /v1/rates: rates on the domain's first and last days, at a decimal's bounds. */
  rates: { date: string; currency: string; perEur: string }[];
  /** The figure of a dispute of the long commitment. */
  disputed: Measure;
}

/** A run's world; `run` keeps its ids apart from every other run's. */
export function extremeWorld(run: number): fc.Arbitrary<ExtremeWorld> {
  const line = fc.record({
    category: fc.constantFrom<CategoryId>(...categoryIds),
    measure: measureKind,
    amount: boundaryAmount,
    events: fc.array(
      fc.record({
        stage: fc.constantFrom(...stages),
        date: boundaryDate,
        amount: boundaryAmount,
        confidence: fc.constantFrom(...confidences),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    dues: fc.array(fc.tuple(boundaryDate, boundaryAmount), { maxLength: 2 }),
  });
  return fc
    .record({
      donors: fc.shuffledSubarray(donorPool, { minLength: 25, maxLength: 40 }),
      lines: fc.array(line, { minLength: 40, maxLength: 40 }),
      long: fc.record({
        measure: measureKind,
        amounts: fc.array(boundaryAmount, { minLength: 600, maxLength: 600 }),
      }),
      longEvents: fc.array(fc.tuple(fc.constantFrom(...stages), boundaryDate, boundaryAmount), {
        minLength: 2,
        maxLength: 4,
      }),
      correction: boundaryDate,
      rate: fc.constantFrom(boundaryAmounts.largest, boundaryAmounts.smallest, "1.1"),
      disputed: boundaryAmount,
    })
    .map(({ donors, lines, long, longEvents, correction, rate, disputed }) => {
      const id = (what: string) => `extreme-${run}-${what}`;
      const imported: ExtremeWorld["imported"] = { commitments: [], tranches: [], events: [] };
      lines.forEach((l, i) => {
        const commitment = id(`line-${i}`);
        imported.commitments.push({
          id: commitment,
          donor: donors[i % donors.length] as string,
          recipient: "UA",
          title: `Extreme-values test line ${run}.${i}`,
          category: l.category,
          measure: l.measure(l.amount),
          measureBasis: "total",
          conditions: [],
          sources,
          synthetic: true,
        });
        imported.events.push(
          ...l.events.map((e, j) => ({
            id: `${commitment}-event-${j}`,
            commitment,
            stage: e.stage,
            date: e.date,
            measure: l.measure(e.amount),
            confidence: e.confidence,
            sources,
            synthetic: true,
          })),
        );
        imported.tranches.push(
          ...l.dues.map(([due, amount], j) => ({
            id: `${commitment}-tranche-${j}`,
            commitment,
            position: j,
            due,
            measure: l.measure(amount),
          })),
        );
      });
      // 600 tranches across the three centuries: years, months and days in turn.
      const schedule = long.amounts.map((amount, i) => {
        const year = 1900 + Math.floor(i / 2);
        const due = [`${year}`, `${year}-${i % 4 === 1 ? "12" : "06"}`, `${year}-06-30`][i % 3] as string;
        return { due, measure: long.measure(amount) };
      });
      return {
        imported,
        long: {
          id: id("long"),
          donor: donors[0],
          title: `Extreme-values test line ${run}: three centuries`,
          category: "all_types",
          measure: long.measure(boundaryAmounts.largest),
          period: { start: "1900", end: "2199" },
          schedule,
          sources,
          synthetic: true,
        },
        longEvents: longEvents.map(([stage, date, amount], i) => ({
          id: id(`long-event-${i}`),
          commitment: id("long"),
          stage,
          date,
          measure: long.measure(amount),
          confidence: "estimated",
          sources,
          synthetic: true,
        })),
        correction,
        rates: ["USD", "GBP"].flatMap((currency) =>
          ["1900-01-01", "2199-12-31"].map((date) => ({ date, currency, perEur: rate })),
        ),
        disputed: long.measure(disputed),
      };
    });
}

const groupings = ["all", "donor", "category", "tier", "agreement"] as const;
const intervals = ["month", "quarter", "year"] as const;

/**
 * Every read of the tracker over what a run wrote: the series (every grouping and interval, money and quantity,
 * converted and in original currencies, and as of a moment), the charts (SVG, PNG, the embed page), the exports
 * (records and series, CSV, XLSX and JSON), fulfilment (one commitment and the table), histories, lists and single
 * records, and the watch list's reads.
 */
export function extremeReads(world: ExtremeWorld, asOf: string): string[] {
  const long = world.long.id as string;
  const line = world.imported.commitments[0] as CommitmentRecord;
  const event = world.imported.events[0] as StageEvent;
  const tranche = `${long}-t1`;
  const q = (path: string, query: Record<string, string>) => `${path}?${new URLSearchParams(query)}`;
  const series = groupings.flatMap((groupBy) =>
    intervals.flatMap((interval) => [
      q("/v1/series", { groupBy, interval }),
      q("/v1/series", { groupBy, interval, measure: "quantity" }),
    ]),
  );
  return [
    ...series,
    q("/v1/series", { groupBy: "donor", interval: "year", currency: "original" }),
    q("/v1/series", { groupBy: "category", interval: "year", currency: "USD" }),
    q("/v1/series", { interval: "year", currency: "USD", convention: "fixed_date", rateDate: "2199-12-31" }),
    q("/v1/series", { groupBy: "donor", interval: "year", donor: line.donor, from: "1900", to: "2199" }),
    q("/v1/series", { interval: "month", asOf }),
    q("/v1/charts/series.svg", { interval: "month" }),
    q("/v1/charts/series.svg", { groupBy: "category", interval: "year", chart: "bars", lang: "uk" }),
    q("/v1/charts/series.png", { groupBy: "donor", interval: "year", width: "2400", height: "1600" }),
    q("/v1/charts/series.png", { measure: "quantity", interval: "quarter", chart: "bars" }),
    q("/embed/series", { groupBy: "tier", interval: "year" }),
    "/v1/exports/records.csv",
    "/v1/exports/records.xlsx",
    q("/v1/exports/records.json", { donor: line.donor }),
    q("/v1/exports/series.csv", { groupBy: "donor", interval: "year" }),
    q("/v1/exports/series.xlsx", { groupBy: "category", interval: "year" }),
    q("/v1/exports/series.json", { interval: "month" }),
    `/v1/commitments/${long}/fulfilment`,
    q(`/v1/commitments/${line.id}/fulfilment`, { on: "2199-12-31" }),
    q("/v1/fulfilment", { limit: "200" }),
    q("/v1/fulfilment", { limit: "200", on: "1900-01-01" }),
    q("/v1/disputes", { status: "open", limit: "200" }),
    `/v1/commitments/${long}/history`,
    `/v1/events/${event.id}/history`,
    `/v1/tranches/${tranche}/history`,
    q("/v1/commitments", { donor: line.donor, limit: "200" }),
    q("/v1/tranches", { commitment: long, limit: "200" }),
    q("/v1/events", { from: "1900-01-01", to: "2199-12-31", limit: "200" }),
    q("/v1/rates", { from: "1900-01-01", to: "2199-12-31" }),
    `/v1/commitments/${long}`,
    `/v1/events/${event.id}`,
    `/v1/tranches/${tranche}`,
  ];
}

/** After a restart: the series and charts a restarted server must serve. */
export const afterRestart = [
  ...intervals.map((interval) => `/v1/series?interval=${interval}`),
  "/v1/series?groupBy=donor&interval=year",
  "/v1/series?measure=quantity&interval=month",
  "/v1/charts/series.svg?interval=month",
  "/v1/charts/series.png?groupBy=category&interval=year",
  "/embed/series?interval=quarter",
];
