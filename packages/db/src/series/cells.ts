import {
  add,
  compareDays,
  convert,
  type InstrumentType,
  normalize,
  type RateTable,
  rateDateFor,
  type SourceDataset,
  type Stage,
  tierOf,
} from "@commitments/core";
import { and, eq, gte, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../client.ts";
import { rowsOf } from "../entities.ts";
import { type ChangeSet, publishedAt, visibleAt } from "../ledger.ts";
import { rateTableFor } from "../rates-table.ts";
import { agreements, commitments, disputes, seriesCells, seriesRollups, stageEvents } from "../schema.ts";
import type { SeriesGroupBy } from "./types.ts";

/** Converted figures are kept to this many decimal places per event; a series rounds to cents only at the end. */
export const conversionPlaces = 10;

export type SeriesCell = typeof seriesCells.$inferSelect;

/** A month of one stage in one currency or unit: the unit of recomputation. */
export interface Slice {
  stage: Stage;
  /** The first day of the month. */
  month: string;
  kind: "money" | "quantity";
  measure: string;
}

/** A stage event with what decides its cell: its commitment's donor, category, agreement and source, the tier. */
export interface CellEvent {
  stage: Stage;
  date: string;
  dateFrom: string;
  dateTo: string;
  measureKind: "money" | "quantity";
  amount: string;
  currency: string | null;
  unit: string | null;
  donor: string;
  category: string;
  agreement: string | null;
  instrumentType: string | null;
  /** Whose figure it is: its commitment's source dataset. */
  source: SourceDataset;
  /** Synthetic demo data: the event's own flag or its commitment's. */
  synthetic: boolean;
  /** Of confidence estimated. */
  estimated: boolean;
  /** Under an open dispute, of the event itself or of its commitment. */
  disputed: boolean;
}

/** The ids of the records of one kind under a dispute that was open at `asOf` (now if not given). */
const openDisputes = (kind: "event" | "commitment", asOf: Date | undefined) =>
  sql`select ${disputes.targetId} from ${disputes}
    where ${disputes.targetKind} = ${kind} and ${disputes.status} = 'open' and ${visibleAt(disputes, asOf)}`;

/** A day as YYYY-MM-DD whatever the session's DateStyle. */
const isoDay = (day: SQL | PgColumn) => sql<string>`to_char(${day}, 'YYYY-MM-DD')`;

/**
 * The events visible at `asOf` (now if not given), with their commitment and agreement as they stood then, and
 * their flags as the events, commitments and disputes stood then: a CellEvent per row, dates and amounts as text on
 * both stores (the rows are read as the driver gives them, without a mapping per row). Series are public data:
 * drafts never enter them.
 */
function cellEventsSql(where: readonly SQL[], asOf?: Date): SQL {
  return sql`select ${stageEvents.stage} as "stage", ${stageEvents.date} as "date",
      ${isoDay(stageEvents.dateFrom)} as "dateFrom", ${isoDay(stageEvents.dateTo)} as "dateTo",
      ${stageEvents.measureKind} as "measureKind", ${stageEvents.amount}::text as "amount",
      ${stageEvents.currency} as "currency", ${stageEvents.unit} as "unit", ${commitments.donor} as "donor",
      ${commitments.category} as "category", ${commitments.agreementId} as "agreement",
      ${agreements.instrumentType} as "instrumentType", ${commitments.sourceDataset} as "source",
      (${stageEvents.synthetic} or ${commitments.synthetic}) as "synthetic",
      (${stageEvents.confidence} = 'estimated') as "estimated",
      (${stageEvents.id} in (${openDisputes("event", asOf)})
        or ${commitments.id} in (${openDisputes("commitment", asOf)})) as "disputed"
    from ${stageEvents}
    join ${commitments} on ${and(eq(commitments.id, stageEvents.commitmentId), publishedAt(commitments, asOf))}
    left join ${agreements} on ${and(eq(agreements.id, commitments.agreementId), visibleAt(agreements, asOf))}
    where ${and(publishedAt(stageEvents, asOf), ...where)}`;
}

const exactAmounts = (rows: CellEvent[]): CellEvent[] => {
  for (const r of rows) r.amount = normalize(r.amount);
  return rows;
};

/** The events visible at `asOf` (now if not given), as cellEventsSql reads them. */
export async function cellEvents(db: Db, where: SQL[] = [], asOf?: Date): Promise<CellEvent[]> {
  return exactAmounts(rowsOf<CellEvent>(await db.execute(cellEventsSql(where, asOf))));
}

/** The rate table, as it stood at `asOf`, that these events' conversions need. */
export function rateTableForEvents(db: Db, events: readonly CellEvent[], asOf?: Date): Promise<RateTable> {
  let from: string | undefined;
  let to: string | undefined;
  const currencies = new Set(["USD"]);
  for (const e of events) {
    if (e.currency === null) continue;
    currencies.add(e.currency);
    if (from === undefined || compareDays(e.dateFrom, from) < 0) from = e.dateFrom;
    if (to === undefined || compareDays(e.dateTo, to) > 0) to = e.dateTo;
  }
  return rateTableFor(db, [...currencies], from ?? "2000-01-01", to ?? "2000-01-01", asOf);
}

/** The same table as rateTableForEvents for the current events matching `where`, found by the database. */
async function rateTableWhere(tx: Db, where: readonly SQL[]): Promise<RateTable> {
  const [range] = rowsOf<{ currencies: string | null; from: string | null; to: string | null }>(
    await tx.execute(sql`select string_agg(distinct e."currency", ',') as "currencies",
        ${isoDay(sql`min(e."dateFrom"::date)`)} as "from", ${isoDay(sql`max(e."dateTo"::date)`)} as "to"
      from (${cellEventsSql(where)}) e where e."currency" is not null`),
  );
  const currencies = ["USD", ...(range?.currencies?.split(",") ?? [])];
  return rateTableFor(tx, currencies, range?.from ?? "2000-01-01", range?.to ?? "2000-01-01");
}

type CellCoordinates = Pick<
  SeriesCell,
  "stage" | "month" | "measureKind" | "measure" | "donor" | "category" | "agreement" | "source"
>;

export function cellKey(c: CellCoordinates): string {
  return [c.stage, c.month, c.measureKind, c.measure, c.donor, c.category, c.agreement, c.source].join("|");
}

// Instrument types are checked on write; "none" for commitments under no agreement.
const tierOfType = (type: string | null): string => (type === null ? "none" : tierOf(type as InstrumentType));

const convertedZero = {
  eur: "0",
  eurUnconverted: "0",
  eurUnconvertedEvents: 0,
  usd: "0",
  usdUnconverted: "0",
  usdUnconvertedEvents: 0,
};
const convertedNone = {
  eur: null,
  eurUnconverted: null,
  eurUnconvertedEvents: null,
  usd: null,
  usdUnconverted: null,
  usdUnconvertedEvents: null,
};

/** Events built into cells between two turns of the event loop. */
const eventsPerTurn = 500;

/**
 * The cells of a set of events: exact sums in the original currency or unit, and for money the sums converted to
 * EUR and USD at each event's own date (rateDateFor, event_date convention; a partial date uses the middle of its
 * range capped at the table's latest rate date), each event converted to `conversionPlaces` places. Events with no
 * rate are counted apart as unconverted, never priced at a guess. Each cell also counts its events that carry each
 * flag (synthetic, estimated, disputed), so a series can mark its figures from the cells alone. Given `cells`, the
 * events are added to them: a refresh builds its cells a page of events at a time.
 */
export async function buildCells(
  events: readonly CellEvent[],
  rates: RateTable,
  cells = new Map<string, SeriesCell>(),
): Promise<Map<string, SeriesCell>> {
  for (const [i, e] of events.entries()) {
    // A large import's refresh, or a read as of a past moment over a large ledger, builds cells from hundreds of
    // thousands of events: a turn of the event loop every few hundred lets other requests be answered meanwhile.
    if (i > 0 && i % eventsPerTurn === 0) await new Promise((resolve) => setImmediate(resolve));
    const money = e.measureKind === "money";
    const coordinates = {
      stage: e.stage,
      month: `${e.dateTo.slice(0, 7)}-01`,
      measureKind: e.measureKind,
      measure: (money ? e.currency : e.unit) as string,
      donor: e.donor,
      category: e.category,
      agreement: e.agreement ?? "",
      source: e.source,
    };
    const key = cellKey(coordinates);
    const cell = cells.get(key) ?? {
      ...coordinates,
      tier: tierOfType(e.instrumentType),
      amount: "0",
      events: 0,
      syntheticEvents: 0,
      estimatedEvents: 0,
      disputedEvents: 0,
      ...(money ? convertedZero : convertedNone),
    };
    cells.set(key, cell);
    cell.amount = add(cell.amount, e.amount);
    cell.events += 1;
    if (e.synthetic) cell.syntheticEvents += 1;
    if (e.estimated) cell.estimatedEvents += 1;
    if (e.disputed) cell.disputedEvents += 1;
    if (!money) continue;
    const rateDate = rateDateFor({ kind: "event_date" }, e.date, rates.latestDate);
    const original = { amount: e.amount, currency: e.currency as string };
    const eur = convert(original, "EUR", rateDate, rates, conversionPlaces);
    if (eur.ok) cell.eur = add(cell.eur ?? "0", eur.value.amount);
    else {
      cell.eurUnconverted = add(cell.eurUnconverted ?? "0", e.amount);
      cell.eurUnconvertedEvents = (cell.eurUnconvertedEvents ?? 0) + 1;
    }
    const usd = convert(original, "USD", rateDate, rates, conversionPlaces);
    if (usd.ok) cell.usd = add(cell.usd ?? "0", usd.value.amount);
    else {
      cell.usdUnconverted = add(cell.usdUnconverted ?? "0", e.amount);
      cell.usdUnconvertedEvents = (cell.usdUnconvertedEvents ?? 0) + 1;
    }
  }
  return cells;
}

/** Every cell computed afresh from the ledger as it stood at `asOf`: a scan of every event, for checks and asOf. */
export async function computeCells(db: Db, asOf?: Date): Promise<Map<string, SeriesCell>> {
  const events = await cellEvents(db, [], asOf);
  return await buildCells(events, await rateTableForEvents(db, events, asOf));
}

/** The stored cells, keyed like computeCells, with numbers in their shortest exact form. */
export async function storedCells(db: Db): Promise<Map<string, SeriesCell>> {
  const rows = await db.select().from(seriesCells);
  const exact = (v: string | null) => (v === null ? null : normalize(v));
  return new Map(
    rows.map((r) => [
      cellKey(r),
      {
        ...r,
        amount: normalize(r.amount),
        eur: exact(r.eur),
        eurUnconverted: exact(r.eurUnconverted),
        usd: exact(r.usd),
        usdUnconverted: exact(r.usdUnconverted),
      },
    ]),
  );
}

/** A cell's group in each grouping of a series: the keys of the rollups, and of a filtered read of the cells. */
export const groupKeySql: Record<SeriesGroupBy, SQL<string>> = {
  all: sql<string>`'all'`,
  donor: sql<string>`${seriesCells.donor}`,
  category: sql<string>`split_part(${seriesCells.category}, '.', 1)`,
  tier: sql<string>`${seriesCells.tier}`,
  agreement: sql<string>`case when ${seriesCells.agreement} = '' then 'none' else ${seriesCells.agreement} end`,
  source: sql<string>`${seriesCells.source}`,
};

const sliceSql = (slices: readonly Slice[]) =>
  sql`select s.stage, s.month, s.kind, s.measure
    from jsonb_to_recordset(${JSON.stringify(slices)}::jsonb) as s(stage text, month text, kind text, measure text)`;

/**
 * Recomputes the cells of these slices from the current events, inside the caller's transaction: the cells of a
 * slice depend only on the events in it (and their commitments, agreements and rates), so replacing them is
 * exact whatever the write was. Cost grows with the events of the touched months, not with the history.
 */
export async function refreshSlices(tx: Db, slices: readonly Slice[]): Promise<void> {
  // By month, so each part reads one run of months through the (stage, date_to) index of current events.
  const sorted = [...slices].sort((a, b) => a.month.localeCompare(b.month));
  for (let i = 0; i < sorted.length; i += 500) await refreshPart(tx, sorted.slice(i, i + 500));
}

/**
 * Events a refresh reads into JavaScript at once: the rows of a page are parsed in one piece, which holds the event
 * loop, so a large import's refresh reads its events a page at a time through a cursor, however dense a month.
 */
const eventsPerPage = 2_000;

async function refreshPart(tx: Db, part: readonly Slice[]): Promise<void> {
  const first = part[0]?.month as string;
  const last = part.at(-1)?.month as string;
  const where = [
    gte(stageEvents.dateTo, first),
    sql`${stageEvents.dateTo} < ${last}::date + interval '1 month'`,
    sql`(${stageEvents.stage}, to_char(${stageEvents.dateTo}, 'YYYY-MM-01'), ${stageEvents.measureKind},
      coalesce(${stageEvents.currency}, ${stageEvents.unit})) in (${sliceSql(part)})`,
  ];
  const rates = await rateTableWhere(tx, where);
  const cells = new Map<string, SeriesCell>();
  // Closed by the transaction's end if anything below fails.
  await tx.execute(sql`declare series_refresh no scroll cursor for ${cellEventsSql(where)}`);
  for (;;) {
    const page = rowsOf<CellEvent>(await tx.execute(sql.raw(`fetch ${eventsPerPage} from series_refresh`)));
    await buildCells(exactAmounts(page), rates, cells);
    if (page.length < eventsPerPage) break;
  }
  await tx.execute(sql`close series_refresh`);
  await tx.execute(
    sql`delete from ${seriesCells} where month between ${first} and ${last}
        and (stage, to_char(month, 'YYYY-MM-01'), measure_kind, measure) in (${sliceSql(part)})`,
  );
  const rows = [...cells.values()];
  // A few hundred rows a statement: building one statement's parameters holds the event loop too.
  for (let j = 0; j < rows.length; j += 500) await tx.insert(seriesCells).values(rows.slice(j, j + 500));
  await tx.execute(
    sql`delete from ${seriesRollups} where month between ${first} and ${last}
        and (stage, to_char(month, 'YYYY-MM-01'), measure_kind, measure) in (${sliceSql(part)})`,
  );
  await tx.execute(
    rollupsOfCells(sql`${seriesCells.month} between ${first} and ${last}
      and (${seriesCells.stage}, to_char(${seriesCells.month}, 'YYYY-MM-01'), ${seriesCells.measureKind},
        ${seriesCells.measure}) in (${sliceSql(part)})`),
  );
}

/**
 * Inserts the rollups of the cells matching `where`, each cell counted once in every grouping. The migration that
 * added the rollups fills them with the same statement over every cell (series.test.ts compares the two).
 */
export function rollupsOfCells(where: SQL): SQL {
  const groupings = Object.entries(groupKeySql).map(([dimension, key]) => sql`(${dimension}, ${key})`);
  return sql`insert into ${seriesRollups} (dimension, key, stage, month, measure_kind, measure, source, amount,
      events, eur, eur_unconverted, eur_unconverted_events, usd, usd_unconverted, usd_unconverted_events,
      synthetic_events, estimated_events, disputed_events)
    select g.dimension, g.key, ${seriesCells.stage}, ${seriesCells.month}, ${seriesCells.measureKind},
      ${seriesCells.measure}, ${seriesCells.source}, sum(${seriesCells.amount}), sum(${seriesCells.events}), sum(${seriesCells.eur}),
      sum(${seriesCells.eurUnconverted}), sum(${seriesCells.eurUnconvertedEvents}), sum(${seriesCells.usd}),
      sum(${seriesCells.usdUnconverted}), sum(${seriesCells.usdUnconvertedEvents}),
      sum(${seriesCells.syntheticEvents}), sum(${seriesCells.estimatedEvents}), sum(${seriesCells.disputedEvents})
    from ${seriesCells} cross join lateral (values ${sql.join(groupings, sql`, `)}) as g(dimension, key)
    where ${where}
    group by g.dimension, g.key, ${seriesCells.stage}, ${seriesCells.month}, ${seriesCells.measureKind},
      ${seriesCells.measure}, ${seriesCells.source}`;
}

const sliceColumns = sql`${stageEvents.stage} as stage, to_char(${stageEvents.dateTo}, 'YYYY-MM-01') as month,
  ${stageEvents.measureKind} as kind, coalesce(${stageEvents.currency}, ${stageEvents.unit}) as measure`;

async function slicesWhere(tx: Db, where: SQL): Promise<Slice[]> {
  return rowsOf<Slice>(
    await tx.execute(sql`select distinct ${sliceColumns} from ${stageEvents} where ${where}`),
  );
}

/**
 * Keeps the series cells exact after a ledger write, in the write's transaction: called by createRecords,
 * replaceRecord and retractRecord with the ids written. Events touch the months of their new and their closed
 * version; a commitment (donor, category, agreement, synthetic flag) the months of its events; an agreement (its
 * instrument type decides the tier) the months of the events of its commitments; a dispute (raised, resolved,
 * withdrawn or retracted: the disputed counts) the months of the event it targets, or of its commitment's events.
 * Other records do not enter the series.
 */
export async function refreshSeries(tx: Db, cs: ChangeSet, entity: string, ids: readonly string[]) {
  if (!["event", "commitment", "agreement", "dispute"].includes(entity) || ids.length === 0) return;
  // Collected over every batch of ids first, so a bulk import recomputes each month once.
  const slices = new Map<string, Slice>();
  for (let i = 0; i < ids.length; i += 10_000) {
    const where = eventsTouched(cs, entity, ids.slice(i, i + 10_000));
    for (const slice of await slicesWhere(tx, where)) slices.set(Object.values(slice).join("|"), slice);
  }
  await refreshSlices(tx, [...slices.values()]);
}

/** The events whose cells a write of these records may change, as refreshSeries describes them. */
function eventsTouched(cs: ChangeSet, entity: string, ids: readonly string[]): SQL {
  const part = [...ids];
  switch (entity) {
    case "event":
      return sql`${inArray(stageEvents.id, part)}
        and (${stageEvents.validTo} is null or ${stageEvents.validTo} = ${cs.recordedAt})`;
    case "commitment":
      return sql`${visibleAt(stageEvents)} and ${inArray(stageEvents.commitmentId, part)}`;
    case "agreement":
      return sql`${visibleAt(stageEvents)} and ${stageEvents.commitmentId} in (select ${commitments.id}
        from ${commitments} where ${visibleAt(commitments)} and ${inArray(commitments.agreementId, part)})`;
    default: {
      // A dispute: its target, in the dispute's new version and in the one this change set closed.
      const targets = (kind: "event" | "commitment") =>
        sql`select ${disputes.targetId} from ${disputes} where ${inArray(disputes.id, part)}
          and ${disputes.targetKind} = ${kind}
          and (${disputes.validTo} is null or ${disputes.validTo} = ${cs.recordedAt})`;
      return sql`${visibleAt(stageEvents)} and (${stageEvents.id} in (${targets("event")})
        or ${stageEvents.commitmentId} in (${targets("commitment")}))`;
    }
  }
}

/**
 * Keeps the series cells exact after a change set that only added records (an import): the months of the events
 * it added, found by one scan rather than by a list of ids. A new commitment's events are new too, since no event
 * may refer to a commitment that did not exist, so these months are all a bulk load can touch.
 */
export async function refreshSeriesOfChangeSet(tx: Db, cs: ChangeSet): Promise<void> {
  await refreshSlices(tx, await slicesWhere(tx, sql`${stageEvents.changeSetId} = ${cs.id}`));
}

/** After a rate load: recomputes every money month from the one holding `from` on (see loadRates for why). */
export async function refreshMoneySeriesFrom(tx: Db, from: string): Promise<void> {
  const slices = await slicesWhere(
    tx,
    and(
      visibleAt(stageEvents),
      eq(stageEvents.measureKind, "money"),
      gte(stageEvents.dateTo, `${from.slice(0, 7)}-01`),
    ) as SQL,
  );
  await refreshSlices(tx, slices);
}
