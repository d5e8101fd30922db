import {
  categories,
  DecimalSum,
  divide,
  label,
  lookupRate,
  type Month,
  monthIndex,
  multiply,
  periodMonths,
  periodOf,
  periodsBetween,
  type RateOn,
  type Stage,
  seriesSize,
  sourceDatasetIds,
  tiers,
} from "@commitments/core";
import { and, inArray } from "drizzle-orm";
import type { Db } from "../client.ts";
import { visibleAt } from "../ledger.ts";
import { rateTableFor } from "../rates-table.ts";
import { agreements, parties } from "../schema.ts";
import { conversionPlaces } from "./cells.ts";
import { reportedBy, seriesSources, sourcesIn } from "./sources.ts";
import {
  beforeWindow,
  type FlagCounts,
  type PointFlags,
  type Row,
  type Series,
  type SeriesGroup,
  type SeriesQuery,
  SeriesTooLarge,
  targetOf,
  type Unconverted,
} from "./types.ts";

/*
 * A series from its rows: periods, per-period and cumulative figures in exact decimals (converted money rounded to
 * cents at the end), flags, conversions, and whose figures they are.
 */

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

/** A point's flags, or none when no event of its period is flagged: most points, so most answers carry none. */
function pointFlags(flags: PointFlags | undefined): { flags?: PointFlags } {
  if (!flags) return {};
  const { promised: p, delivered: d } = flags;
  const flagged = p.synthetic + p.estimated + p.disputed + d.synthetic + d.estimated + d.disputed > 0;
  return flagged ? { flags } : {};
}

function mergeInto(into: Sums, from: Sums | undefined) {
  for (const [measure, s] of from ?? []) {
    const t = sumsOf(into, measure);
    t.amount.add(s.amount);
    t.converted.add(s.converted);
  }
}

/** A query whose delivered stage is settled (see sources.ts). */
export type SettledQuery = SeriesQuery & { delivered: Stage };

export async function assemble(
  tx: Db,
  query: SettledQuery,
  allRows: Row[],
  version: number,
): Promise<Series> {
  // Rows of other stages were read only to choose the delivered stage.
  const rows = allRows.filter((row) => row.stage === query.promised || row.stage === query.delivered);
  const target = targetOf(query);
  const split = target === null;
  const base: Omit<Series, "groups" | "conversion" | "original" | "sources"> = {
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
    if (month === beforeWindow) dataBefore = true;
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
  const inWindow = (row: Row) => row.month !== beforeWindow && monthIndex(row.month) >= windowFirst;

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
      sources: Set<Row["source"]>;
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
      sources: new Set(),
    };
    groups.set(id, group);
    if (row.events > 0) group.sources.add(row.source);
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
        if (!sums)
          return { period, promised: none, delivered: none, cumulativePromised, cumulativeDelivered };
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
          ...pointFlags(group.flags.get(period)),
        };
      });
      const measure = split ? { [query.measure === "money" ? "currency" : "unit"]: group.measure } : {};
      const sources = [...group.sources].sort();
      return {
        key: group.key,
        label: labels.get(group.key) ?? group.key,
        ...measure,
        sources,
        reported: {
          promised: reportedBy(sources, query.promised),
          delivered: reportedBy(sources, query.delivered),
        },
        points,
        flagsBefore: group.flagsBefore,
      } satisfies SeriesGroup;
    });

  const original = query.measure === "money" ? originalTotals(rows.filter(inWindow), query) : [];
  return {
    ...base,
    sources: await seriesSources(tx, sourcesIn(rows), query.asOf),
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
  const totals = new Map<string, { promised: DecimalSum; delivered: DecimalSum }>();
  for (const row of rows) {
    const t = totals.get(row.measure) ?? { promised: new DecimalSum(), delivered: new DecimalSum() };
    totals.set(row.measure, t);
    if (row.stage === query.promised) t.promised.add(row.amount);
    if (row.stage === query.delivered) t.delivered.add(row.amount);
  }
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => ({ currency, promised: t.promised.value(), delivered: t.delivered.value() }));
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
const sourceLabels = new Map(sourceDatasetIds.map((id) => [id as string, label("sourceDataset", id, "en")]));

/** Readable names of the group keys, as the tracker showed them at the same moment. */
async function labelsOf(tx: Db, query: SeriesQuery, keys: string[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>([
    ["none", "No agreement"],
    ["all", "All commitments"],
  ]);
  const known =
    query.groupBy === "category"
      ? categoryLabels
      : query.groupBy === "tier"
        ? tierLabels
        : query.groupBy === "source"
          ? sourceLabels
          : null;
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
