import {
  add,
  type CategoryId,
  type Month,
  periodMonths,
  periodOf,
  type SourceDataset,
  type Stage,
  stageIds,
  topCategory,
} from "@commitments/core";
import { and, eq, gt, inArray, like, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../entities.ts";
import { seriesCells, seriesRollups, stageEvents } from "../schema.ts";
import { buildCells, cellEvents, groupKeySql, rateTableForEvents, type SeriesCell } from "./cells.ts";
import { beforeWindow, donorsOf, type Row, type SeriesGroupBy, type SeriesQuery, targetOf } from "./types.ts";

/*
 * The rows a series is assembled from: the sums of its group, source, stage, month and currency or unit, for the
 * stages asked for.
 */

const keyOf: Record<SeriesGroupBy, (c: SeriesCell) => string> = {
  all: () => "all",
  donor: (c) => c.donor,
  category: (c) => topCategory(c.category as CategoryId),
  tier: (c) => c.tier,
  agreement: (c) => c.agreement || "none",
  source: (c) => c.source,
};

/**
 * The sums of the cells by group, source, measure, stage and period, all in SQL, so the rows returned grow with the
 * answer, from the rollups of its grouping or the cells it selects (selection, below). Each row's month is the first
 * of its period, and with `from`, every month before the window's first period is summed into one row marked
 * `beforeWindow`, which assemble counts before the window.
 */
export async function rowsFromCells(
  tx: Db,
  query: SeriesQuery,
  stages: readonly Stage[],
  lastMonth: Month | undefined,
): Promise<Row[]> {
  const target = targetOf(query);
  const { t, filtered, where } = selection(query, query.groupBy, stages, lastMonth);
  const windowFirst = query.from && periodMonths(periodOf(query.from, query.interval)).first;
  // The interval is one of three fixed words, and date_trunc names the same periods.
  const period = sql`to_char(date_trunc(${sql.raw(`'${query.interval}'`)}, ${t.month}::timestamp), 'YYYY-MM')`;
  const month = windowFirst
    ? sql`case when ${t.month} < ${`${windowFirst}-01`}::date then ${beforeWindow} else ${period} end`
    : period;
  const [converted, unconverted, unconvertedEvents] =
    target === "USD"
      ? [t.usd, t.usdUnconverted, t.usdUnconvertedEvents]
      : [t.eur, t.eurUnconverted, t.eurUnconvertedEvents];
  const key = filtered ? groupKeySql[query.groupBy] : seriesRollups.key;
  // Grouped in an outer query, so the bucket (which holds parameters) is named once. The sums are left as
  // PostgreSQL writes them: every figure made of them passes through core's exact sums, which normalize.
  return rowsOf<Row>(
    await tx.execute(sql`select key, source, measure, stage, month, sum(amount)::text as amount,
        sum(events)::int as events, coalesce(sum(converted), 0)::text as converted,
        coalesce(sum(unconverted), 0)::text as unconverted,
        coalesce(sum(unconverted_events), 0)::int as "unconvertedEvents",
        sum(synthetic_events)::int as "syntheticEvents", sum(estimated_events)::int as "estimatedEvents",
        sum(disputed_events)::int as "disputedEvents"
      from (select ${key} as key, ${t.source} as source, ${t.measure} as measure, ${t.stage} as stage,
          ${month} as month, ${t.amount} as amount, ${t.events} as events, ${converted} as converted,
          ${unconverted} as unconverted, ${unconvertedEvents} as unconverted_events,
          ${t.syntheticEvents} as synthetic_events, ${t.estimatedEvents} as estimated_events,
          ${t.disputedEvents} as disputed_events
        from ${t} where ${and(...where)}) as sums
      group by key, source, measure, stage, month`),
  );
}

/**
 * The cells or rollups a current read selects, and their filter: a read with no filter on the dimensions but the
 * source reads the rollups of `dimension` (one index range); a filtered read, the cells it selects.
 */
function selection(
  query: SeriesQuery,
  dimension: SeriesGroupBy,
  stages: readonly Stage[],
  lastMonth?: Month,
) {
  const filtered = Boolean(query.donor || query.category || query.tier || query.agreement);
  const t = filtered ? seriesCells : seriesRollups;
  const where: SQL[] = [eq(t.measureKind, query.measure), inArray(t.stage, [...stages])];
  if (!filtered) where.unshift(eq(seriesRollups.dimension, dimension));
  if (query.unit) where.push(eq(t.measure, query.unit));
  if (query.source) where.push(eq(t.source, query.source));
  if (query.donor) where.push(inArray(seriesCells.donor, donorsOf(query)));
  if (query.category) {
    where.push(
      or(eq(seriesCells.category, query.category), like(seriesCells.category, `${query.category}.%`)) as SQL,
    );
  }
  if (query.tier) where.push(eq(seriesCells.tier, query.tier));
  if (query.agreement) where.push(eq(seriesCells.agreement, query.agreement));
  if (lastMonth) where.push(lte(t.month, `${lastMonth}-01`));
  return { t, filtered, where };
}

/**
 * The sources with figures (events at any stage) in what a current read selects: they settle the stage counted as
 * delivery before the sums are read, so only the two stages shown are summed. Unfiltered, the "all" rollup holds
 * every figure once.
 */
export async function sourcesWithFigures(
  tx: Db,
  query: SeriesQuery,
  lastMonth: Month | undefined,
): Promise<SourceDataset[]> {
  const { t, where } = selection(query, "all", stageIds, lastMonth);
  const found = await tx
    .selectDistinct({ source: t.source })
    .from(t)
    .where(and(...where, gt(t.events, 0)));
  return found.map((r) => r.source as SourceDataset).sort();
}

/** The asOf path: the cells recomputed from the ledger as it stood then (a scan), filtered and grouped here. */
export async function rowsAsOf(
  tx: Db,
  query: SeriesQuery,
  stages: readonly Stage[],
  lastMonth: Month | undefined,
): Promise<Row[]> {
  const events = await cellEvents(
    tx,
    [
      eq(stageEvents.measureKind, query.measure),
      inArray(stageEvents.stage, [...stages]),
      ...(lastMonth ? [sql`${stageEvents.dateTo} < (${`${lastMonth}-01`}::date + interval '1 month')`] : []),
    ],
    query.asOf,
  );
  const cells = await buildCells(events, await rateTableForEvents(tx, events, query.asOf));
  const target = targetOf(query);
  const rows = new Map<string, Row>();
  for (const c of cells.values()) {
    if (query.unit && c.measure !== query.unit) continue;
    if (query.source && c.source !== query.source) continue;
    if (query.donor && !donorsOf(query).includes(c.donor)) continue;
    if (query.category && c.category !== query.category && !c.category.startsWith(`${query.category}.`))
      continue;
    if (query.tier && c.tier !== query.tier) continue;
    if (query.agreement && c.agreement !== query.agreement) continue;
    const coordinates = {
      key: keyOf[query.groupBy](c),
      source: c.source,
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
