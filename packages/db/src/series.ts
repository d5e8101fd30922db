import {
  add,
  type CategoryId,
  type ConversionConvention,
  categories,
  DecimalSum,
  divide,
  lookupRate,
  type Month,
  monthIndex,
  multiply,
  periodMonths,
  periodOf,
  periodsBetween,
  type QuantityUnit,
  type RateOn,
  type SeriesInterval,
  type Stage,
  seriesSize,
  sum,
  type Tier,
  type SeriesTooLarge as TooLarge,
  tiers,
  topCategory,
} from "@commitments/core";
import { and, eq, inArray, like, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { rowsOf } from "./entities.ts";
import { datasetVersion, visibleAt } from "./ledger.ts";
import { rateTableFor } from "./rates-table.ts";
import { agreements, parties, seriesCells, seriesRollups, stageEvents } from "./schema.ts";
import {
  buildCells,
  cellEvents,
  conversionPlaces,
  groupKeySql,
  rateTableForEvents,
  type SeriesCell,
} from "./series-cells.ts";

export const seriesGroupings = ["all", "donor", "category", "tier", "agreement"] as const;
export type SeriesGroupBy = (typeof seriesGroupings)[number];

export interface SeriesQuery {
  groupBy: SeriesGroupBy;
  /** The stage counted as the promise (committed by default) and the one counted as delivery (delivered). */
  promised: Stage;
  delivered: Stage;
  interval: SeriesInterval;
  measure: "money" | "quantity";
  /** Money: converted to EUR or USD, or "original" for one series per currency. */
  currency: "EUR" | "USD" | "original";
  convention: ConversionConvention;
  /** Quantities: the unit; without it, one series per unit (units are never added up). */
  unit?: QuantityUnit | undefined;
  donor?: string | undefined;
  /** A category and everything under it. */
  category?: string | undefined;
  tier?: Tier | "none" | undefined;
  agreement?: string | undefined;
  /** The first and last month wanted (YYYY-MM); the series covers the whole periods holding them. */
  from?: Month | undefined;
  to?: Month | undefined;
  /** Read what the tracker showed at this moment. */
  asOf?: Date | undefined;
}

/** How many events of one stage carry each flag. */
export interface FlagCounts {
  /** Synthetic demo data: the event's flag or its commitment's. */
  synthetic: number;
  /** Of confidence estimated. */
  estimated: number;
  /** Under an open dispute, of the event or of its commitment. */
  disputed: number;
}

/** The flag counts of the events of the promised stage and of the delivered stage. */
export interface PointFlags {
  promised: FlagCounts;
  delivered: FlagCounts;
}

export interface SeriesPoint {
  period: string;
  promised: string;
  delivered: string;
  cumulativePromised: string;
  cumulativeDelivered: string;
  /** Of the period's events only, not cumulative: what a chart marks on the period's figures. */
  flags: PointFlags;
}

export interface SeriesGroup {
  key: string;
  label: string;
  /** Set when the series is in original currencies: one group per key and currency. */
  currency?: string;
  /** Set for quantities: one group per key and unit. */
  unit?: QuantityUnit;
  points: SeriesPoint[];
  /**
   * The flag counts of the group's events before the first period, which its cumulative figures include: with
   * the points' counts, what each cumulative figure rests on (the exports flag that). Not part of GET /v1/series.
   */
  flagsBefore: PointFlags;
}

export interface Unconverted {
  stage: Stage;
  currency: string;
  amount: string;
  events: number;
}

export interface SeriesConversion {
  currency: "EUR" | "USD";
  convention: ConversionConvention["kind"];
  rateDate?: string;
  /** fixed_date: the rates used, one per currency (the latest on or before rateDate, at most 7 days before). */
  rates?: RateOn[];
  rateSource: string;
  rounding: string;
  /** What the converted figures leave out for want of a rate, up to the end of the series. */
  unconverted: Unconverted[];
}

export interface Series {
  measure: "money" | "quantity";
  /** The currency of every figure; null when each group is in its own currency or the series counts units. */
  currency: "EUR" | "USD" | null;
  unit: QuantityUnit | null;
  interval: SeriesInterval;
  groupBy: SeriesGroupBy;
  promisedStage: Stage;
  deliveredStage: Stage;
  groups: SeriesGroup[];
  conversion: SeriesConversion | null;
  /** Money: the promised and delivered totals of the periods shown, per original currency, exact. */
  original: { currency: string; promised: string; delivered: string }[];
  /** The last change set included. */
  datasetVersion: number;
}

/** A group's sums for one stage in one month and one currency or unit. */
interface Row {
  key: string;
  measure: string;
  stage: Stage;
  month: Month;
  amount: string;
  events: number;
  /** Converted at each event's date to the target currency (event_date); "0" otherwise. */
  converted: string;
  unconverted: string;
  unconvertedEvents: number;
  syntheticEvents: number;
  estimatedEvents: number;
  disputedEvents: number;
}

const keyOf: Record<SeriesGroupBy, (c: SeriesCell) => string> = {
  all: () => "all",
  donor: (c) => c.donor,
  category: (c) => topCategory(c.category as CategoryId),
  tier: (c) => c.tier,
  agreement: (c) => c.agreement || "none",
};

/**
 * Promised against delivered over time. A current read sums the maintained rollups (or, filtered, cells) by
 * period in SQL, so its cost grows with the answer (periods × groups × currencies), not with the history. A read `asOf` a past moment recomputes the cells
 * from the versioned tables as they stood then: a scan of the events visible at that moment, accepted on that
 * path, which gives exactly what the cells held at that moment (the cells are always a function of the ledger).
 * Each point also counts its period's flagged events (synthetic, estimated, disputed), from the same cells.
 */
export function readSeries(db: Db, query: SeriesQuery): Promise<Series> {
  return db.transaction(
    async (transaction) => {
      const tx = transaction as unknown as Db;
      const version = (await datasetVersion(tx, query.asOf)).version;
      const lastMonth =
        query.to === undefined ? undefined : periodMonths(periodOf(query.to, query.interval)).last;
      const rows = query.asOf
        ? await rowsAsOf(tx, query, lastMonth)
        : await rowsFromCells(tx, query, lastMonth);
      return assemble(tx, query, rows, version);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

function targetOf(query: SeriesQuery): "EUR" | "USD" | null {
  return query.measure === "money" && query.currency !== "original" ? query.currency : null;
}

/**
 * A series, chart or series export with more points (groups × periods) than core's `maxSeriesPoints`: refused
 * before its points are built, naming the query parameter to change.
 */
export class SeriesTooLarge extends Error {
  readonly parameter: TooLarge["parameter"];

  constructor({ parameter, message }: TooLarge) {
    super(message);
    this.name = "SeriesTooLarge";
    this.parameter = parameter;
  }
}

/** The bucket of the rows before a window that starts after the data's first month (see rowsFromCells). */
const before = "before";

/**
 * The sums of the cells by group, measure, stage and period, all in SQL, so the rows returned grow with the answer.
 * A read with no filter on the dimensions reads the rollups of its grouping (one index range); a filtered read sums
 * the cells it selects. Each row's month is the first of its period, and with `from`, every month before the
 * window's first period is summed into one row marked `before`, which assemble counts before the window.
 */
async function rowsFromCells(tx: Db, query: SeriesQuery, lastMonth: Month | undefined): Promise<Row[]> {
  const target = targetOf(query);
  const filtered = query.donor || query.category || query.tier || query.agreement;
  const t = filtered ? seriesCells : seriesRollups;
  const where: SQL[] = [
    eq(t.measureKind, query.measure),
    inArray(t.stage, [query.promised, query.delivered]),
  ];
  if (!filtered) where.unshift(eq(seriesRollups.dimension, query.groupBy));
  if (query.unit) where.push(eq(t.measure, query.unit));
  if (query.donor) where.push(eq(seriesCells.donor, query.donor));
  if (query.category) {
    where.push(
      or(eq(seriesCells.category, query.category), like(seriesCells.category, `${query.category}.%`)) as SQL,
    );
  }
  if (query.tier) where.push(eq(seriesCells.tier, query.tier));
  if (query.agreement) where.push(eq(seriesCells.agreement, query.agreement));
  if (lastMonth) where.push(lte(t.month, `${lastMonth}-01`));
  const windowFirst = query.from && periodMonths(periodOf(query.from, query.interval)).first;
  // The interval is one of three fixed words, and date_trunc names the same periods.
  const period = sql`to_char(date_trunc(${sql.raw(`'${query.interval}'`)}, ${t.month}::timestamp), 'YYYY-MM')`;
  const month = windowFirst
    ? sql`case when ${t.month} < ${`${windowFirst}-01`}::date then ${before} else ${period} end`
    : period;
  const [converted, unconverted, unconvertedEvents] =
    target === "USD"
      ? [t.usd, t.usdUnconverted, t.usdUnconvertedEvents]
      : [t.eur, t.eurUnconverted, t.eurUnconvertedEvents];
  const key = filtered ? groupKeySql[query.groupBy] : seriesRollups.key;
  // Grouped in an outer query, so the bucket (which holds parameters) is named once. The sums are left as
  // PostgreSQL writes them: every figure made of them passes through core's exact sums, which normalize.
  return rowsOf<Row>(
    await tx.execute(sql`select key, measure, stage, month, sum(amount)::text as amount, sum(events)::int as events,
        coalesce(sum(converted), 0)::text as converted, coalesce(sum(unconverted), 0)::text as unconverted,
        coalesce(sum(unconverted_events), 0)::int as "unconvertedEvents",
        sum(synthetic_events)::int as "syntheticEvents", sum(estimated_events)::int as "estimatedEvents",
        sum(disputed_events)::int as "disputedEvents"
      from (select ${key} as key, ${t.measure} as measure, ${t.stage} as stage, ${month} as month,
          ${t.amount} as amount, ${t.events} as events, ${converted} as converted, ${unconverted} as unconverted,
          ${unconvertedEvents} as unconverted_events, ${t.syntheticEvents} as synthetic_events,
          ${t.estimatedEvents} as estimated_events, ${t.disputedEvents} as disputed_events
        from ${t} where ${and(...where)}) as sums
      group by key, measure, stage, month`),
  );
}

/** The asOf path: the cells recomputed from the ledger as it stood then (a scan), filtered and grouped here. */
async function rowsAsOf(tx: Db, query: SeriesQuery, lastMonth: Month | undefined): Promise<Row[]> {
  const events = await cellEvents(
    tx,
    [
      eq(stageEvents.measureKind, query.measure),
      inArray(stageEvents.stage, [query.promised, query.delivered]),
      ...(lastMonth ? [sql`${stageEvents.dateTo} < (${`${lastMonth}-01`}::date + interval '1 month')`] : []),
    ],
    query.asOf,
  );
  const cells = buildCells(events, await rateTableForEvents(tx, events, query.asOf));
  const target = targetOf(query);
  const rows = new Map<string, Row>();
  for (const c of cells.values()) {
    if (query.unit && c.measure !== query.unit) continue;
    if (query.donor && c.donor !== query.donor) continue;
    if (query.category && c.category !== query.category && !c.category.startsWith(`${query.category}.`))
      continue;
    if (query.tier && c.tier !== query.tier) continue;
    if (query.agreement && c.agreement !== query.agreement) continue;
    const coordinates = {
      key: keyOf[query.groupBy](c),
      measure: c.measure,
      stage: c.stage,
      month: c.month.slice(0, 7),
    };
    const id = Object.values(coordinates).join("|");
    const row = rows.get(id) ?? {
      ...coordinates,
      amount: "0",
      events: 0,
      converted: "0",
      unconverted: "0",
      unconvertedEvents: 0,
      syntheticEvents: 0,
      estimatedEvents: 0,
      disputedEvents: 0,
    };
    rows.set(id, row);
    row.amount = add(row.amount, c.amount);
    row.events += c.events;
    row.syntheticEvents += c.syntheticEvents;
    row.estimatedEvents += c.estimatedEvents;
    row.disputedEvents += c.disputedEvents;
    if (target) {
      row.converted = add(row.converted, (target === "USD" ? c.usd : c.eur) ?? "0");
      row.unconverted = add(row.unconverted, (target === "USD" ? c.usdUnconverted : c.eurUnconverted) ?? "0");
      row.unconvertedEvents += (target === "USD" ? c.usdUnconvertedEvents : c.eurUnconvertedEvents) ?? 0;
    }
  }
  return [...rows.values()];
}

/** Per currency (or unit) sums of one stage, kept as running totals until a figure is read. */
type Sums = Map<string, { amount: DecimalSum; converted: DecimalSum }>;

function sumsOf(sums: Sums, measure: string) {
  const s = sums.get(measure) ?? { amount: new DecimalSum(), converted: new DecimalSum() };
  sums.set(measure, s);
  return s;
}

function addTo(sums: Sums, row: Row) {
  const s = sumsOf(sums, row.measure);
  s.amount.add(row.amount);
  s.converted.add(row.converted);
}

const noFlags = (): PointFlags => ({
  promised: { synthetic: 0, estimated: 0, disputed: 0 },
  delivered: { synthetic: 0, estimated: 0, disputed: 0 },
});

function countFlags(counts: FlagCounts, row: Row) {
  counts.synthetic += row.syntheticEvents;
  counts.estimated += row.estimatedEvents;
  counts.disputed += row.disputedEvents;
}

function mergeInto(into: Sums, from: Sums | undefined) {
  for (const [measure, s] of from ?? []) {
    const t = sumsOf(into, measure);
    t.amount.add(s.amount);
    t.converted.add(s.converted);
  }
}

async function assemble(tx: Db, query: SeriesQuery, rows: Row[], version: number): Promise<Series> {
  const target = targetOf(query);
  const split = target === null;
  const base: Omit<Series, "groups" | "conversion" | "original"> = {
    measure: query.measure,
    currency: target,
    unit: query.measure === "quantity" ? (query.unit ?? null) : null,
    interval: query.interval,
    groupBy: query.groupBy,
    promisedStage: query.promised,
    deliveredStage: query.delivered,
    datasetVersion: version,
  };
  // Months are compared as numbers (monthIndex), never as text.
  let firstData: Month | undefined;
  let lastData: Month | undefined;
  let dataBefore = false;
  for (const { month } of rows) {
    if (month === before) dataBefore = true;
    else {
      if (firstData === undefined || monthIndex(month) < monthIndex(firstData)) firstData = month;
      if (lastData === undefined || monthIndex(month) > monthIndex(lastData)) lastData = month;
    }
  }
  const first = query.from ?? firstData;
  // Data that all lies before `from` still shows the window's first period, with its cumulative figures.
  const lastBeforeFirst =
    first !== undefined && (lastData === undefined ? dataBefore : monthIndex(lastData) < monthIndex(first));
  const last = query.to ?? (lastBeforeFirst ? first : lastData);
  // The cap, before a point is built: the work and the answer of one request stay bounded.
  const groupCount = new Set(rows.map((row) => (split ? `${row.key}|${row.measure}` : row.key))).size;
  const tooLarge = first && last ? seriesSize(groupCount, first, last, query.interval).tooLarge : null;
  if (tooLarge) throw new SeriesTooLarge(tooLarge);
  const periods = first && last ? periodsBetween(first, last, query.interval) : [];
  const windowFirst = periods[0] ? monthIndex(periodMonths(periods[0]).first) : Number.POSITIVE_INFINITY;
  const inWindow = (row: Row) => row.month !== before && monthIndex(row.month) >= windowFirst;

  // fixed_date: one rate per currency, on the caller's date.
  const fixedDate = query.convention.kind === "fixed_date" ? query.convention.date : null;
  const fixedRates = new Map<string, RateOn | null>();
  if (target && fixedDate) {
    const currencies = [...new Set([...rows.map((r) => r.measure), target])].sort();
    const table = await rateTableFor(tx, currencies, fixedDate, fixedDate, query.asOf);
    for (const c of currencies) {
      const found = lookupRate(table, c, fixedDate);
      fixedRates.set(c, found.ok ? found.value : null);
    }
  }
  // The formula of core's convert(): amount × perEur(target) / perEur(currency), here on per-currency sums.
  const fixedConvert = (currency: string, amount: string): string | null => {
    if (currency === target) return amount;
    const from = fixedRates.get(currency);
    const to = fixedRates.get(target ?? "EUR");
    return from && to ? divide(multiply(amount, to.perEur), from.perEur, conversionPlaces) : null;
  };
  const figure = (sums: Sums): string => {
    const total = new DecimalSum();
    for (const [currency, s] of sums) {
      if (!target) total.add(s.amount);
      else if (fixedDate) total.add(fixedConvert(currency, s.amount.value()) ?? "0");
      else total.add(s.converted);
    }
    return target ? total.toScale(2) : total.value();
  };
  const none = figure(new Map());

  // Per group: the sums and flag counts before the first period (they open the cumulative figures) and per period.
  const groups = new Map<
    string,
    {
      key: string;
      measure: string;
      before: [Sums, Sums];
      flagsBefore: PointFlags;
      periods: Map<string, [Sums, Sums]>;
      flags: Map<string, PointFlags>;
    }
  >();
  for (const row of rows) {
    const id = split ? `${row.key}|${row.measure}` : row.key;
    const group = groups.get(id) ?? {
      key: row.key,
      measure: row.measure,
      before: [new Map(), new Map()],
      flagsBefore: noFlags(),
      periods: new Map(),
      flags: new Map(),
    };
    groups.set(id, group);
    let slot = group.before;
    let flags = group.flagsBefore;
    if (inWindow(row)) {
      const period = periodOf(row.month, query.interval);
      slot = group.periods.get(period) ?? [new Map(), new Map()];
      group.periods.set(period, slot);
      flags = group.flags.get(period) ?? noFlags();
      group.flags.set(period, flags);
    }
    if (row.stage === query.promised) {
      addTo(slot[0], row);
      countFlags(flags.promised, row);
    }
    if (row.stage === query.delivered) {
      addTo(slot[1], row);
      countFlags(flags.delivered, row);
    }
  }

  const labels = await labelsOf(tx, query, [...new Set([...groups.values()].map((g) => g.key))]);
  const out: SeriesGroup[] = [...groups.values()]
    .sort((a, b) => a.key.localeCompare(b.key) || a.measure.localeCompare(b.measure))
    .map((group) => {
      const cumulative: [Sums, Sums] = [new Map(), new Map()];
      mergeInto(cumulative[0], group.before[0]);
      mergeInto(cumulative[1], group.before[1]);
      let cumulativePromised = figure(cumulative[0]);
      let cumulativeDelivered = figure(cumulative[1]);
      const points = periods.map((period) => {
        const sums = group.periods.get(period);
        // A period without events changes no figure: most periods of most groups, in a long series.
        if (!sums) {
          const flags = noFlags();
          return { period, promised: none, delivered: none, cumulativePromised, cumulativeDelivered, flags };
        }
        mergeInto(cumulative[0], sums[0]);
        mergeInto(cumulative[1], sums[1]);
        cumulativePromised = figure(cumulative[0]);
        cumulativeDelivered = figure(cumulative[1]);
        return {
          period,
          promised: figure(sums[0]),
          delivered: figure(sums[1]),
          cumulativePromised,
          cumulativeDelivered,
          flags: group.flags.get(period) ?? noFlags(),
        };
      });
      const measure = split ? { [query.measure === "money" ? "currency" : "unit"]: group.measure } : {};
      return {
        key: group.key,
        label: labels.get(group.key) ?? group.key,
        ...measure,
        points,
        flagsBefore: group.flagsBefore,
      };
    });

  const original = query.measure === "money" ? originalTotals(rows.filter(inWindow), query) : [];
  return {
    ...base,
    groups: out,
    original,
    conversion: target
      ? {
          currency: target,
          convention: query.convention.kind,
          ...(fixedDate
            ? {
                rateDate: fixedDate,
                // EUR is the base, 1 by definition.
                rates: [...fixedRates.values()].filter(
                  (r): r is RateOn => r !== null && r.currency !== "EUR",
                ),
              }
            : {}),
          rateSource: `the tracker's exchange-rate table, dataset version ${version}`,
          rounding: fixedDate
            ? "each currency's exact sum is converted at the rate on rateDate to 10 decimal places; the conversions are added and each figure is rounded half-even to 2 places at the end"
            : "each event is converted at the rate of its own date (a partial date: the middle of its range, capped at the latest rate) to 10 decimal places; the conversions are added exactly and each figure is rounded half-even to 2 places at the end",
          unconverted: unconvertedOf(rows, query, fixedDate ? fixedRates : null),
        }
      : null,
  };
}

function originalTotals(rows: Row[], query: SeriesQuery) {
  const totals = new Map<string, { promised: string[]; delivered: string[] }>();
  for (const row of rows) {
    const t = totals.get(row.measure) ?? { promised: [], delivered: [] };
    totals.set(row.measure, t);
    if (row.stage === query.promised) t.promised.push(row.amount);
    if (row.stage === query.delivered) t.delivered.push(row.amount);
  }
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => ({ currency, promised: sum(t.promised), delivered: sum(t.delivered) }));
}

/** Events left out of the converted figures: without a rate at their date, or (fixed_date) on the chosen date. */
function unconvertedOf(rows: Row[], query: SeriesQuery, fixedRates: Map<string, RateOn | null> | null) {
  const found = new Map<string, Omit<Unconverted, "amount"> & { amount: DecimalSum }>();
  const target = targetOf(query);
  for (const row of rows) {
    const fixedMissing =
      fixedRates !== null &&
      row.measure !== target &&
      (!fixedRates.get(row.measure) || !fixedRates.get(target ?? "EUR"));
    const missing = fixedRates
      ? { amount: row.amount, events: fixedMissing ? row.events : 0 }
      : { amount: row.unconverted, events: row.unconvertedEvents };
    if (missing.events === 0) continue;
    const id = `${row.stage}|${row.measure}`;
    const u = found.get(id) ?? {
      stage: row.stage,
      currency: row.measure,
      amount: new DecimalSum(),
      events: 0,
    };
    found.set(id, u);
    u.amount.add(missing.amount);
    u.events += missing.events;
  }
  return [...found.values()]
    .map((u) => ({ ...u, amount: u.amount.value() }))
    .sort((a, b) => a.stage.localeCompare(b.stage) || a.currency.localeCompare(b.currency));
}

const categoryLabels = new Map(categories.map((c) => [c.id as string, c.label]));
const tierLabels = new Map(tiers.map((t) => [t.id as string, t.label]));

/** Readable names of the group keys, as the tracker showed them at the same moment. */
async function labelsOf(tx: Db, query: SeriesQuery, keys: string[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>([
    ["none", "No agreement"],
    ["all", "All commitments"],
  ]);
  const known = query.groupBy === "category" ? categoryLabels : query.groupBy === "tier" ? tierLabels : null;
  for (const k of keys) {
    const label = known?.get(k);
    if (label) labels.set(k, label);
  }
  if (query.groupBy === "donor" && keys.length) {
    const rows = await tx
      .select({ id: parties.id, name: parties.name })
      .from(parties)
      .where(and(inArray(parties.id, keys), visibleAt(parties, query.asOf)));
    for (const r of rows) labels.set(r.id, r.name);
  }
  if (query.groupBy === "agreement" && keys.length) {
    const rows = await tx
      .select({ id: agreements.id, name: agreements.shortTitle })
      .from(agreements)
      .where(and(inArray(agreements.id, keys), visibleAt(agreements, query.asOf)));
    for (const r of rows) labels.set(r.id, r.name);
  }
  return labels;
}
