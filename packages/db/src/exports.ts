import { type CategoryId, type InstrumentType, type Month, tierOf, topCategory } from "@commitments/core";
import { and, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { eventEntity, trancheEntity } from "./entities.ts";
import { publishedAt, visibleAt } from "./ledger.ts";
import type { CommitmentFilters } from "./queries/filters.ts";
import { type CommitmentWithSchedule, listCommitments, type ReadOptions } from "./queries/reads.ts";
import { allRecords, type Page, publicVisibility } from "./records.ts";
import { agreements, commitments, disputes, stageEvents, tranches } from "./schema.ts";
import type { SeriesQuery } from "./series.ts";

/*
 * Reads for the exports: pages of whole commitments (with schedule and events) and the flags of series figures.
 */

/**
 * One page of commitments, in id order after the cursor, each with its schedule and its stage events, all as
 * they stood at the same moment and under the same visibility: three queries a page, whatever its size.
 */
export async function listCommitmentsWithSchedules(
  db: Db,
  filters: CommitmentFilters,
  options: ReadOptions,
): Promise<Page<CommitmentWithSchedule>> {
  const page = await listCommitments(db, filters, options);
  const ids = page.items.map((c) => c.record.id);
  if (ids.length === 0) return { items: [], next: page.next };
  const visibility = options.visibility ?? publicVisibility;
  const [schedule, events] = await Promise.all([
    allRecords(db, trancheEntity, [inArray(tranches.commitmentId, ids)], options.asOf, visibility),
    allRecords(db, eventEntity, [inArray(stageEvents.commitmentId, ids)], options.asOf, visibility),
  ]);
  const byCommitment = new Map<string, CommitmentWithSchedule>(
    page.items.map((commitment) => [commitment.record.id, { commitment, schedule: [], events: [] }]),
  );
  for (const t of schedule) byCommitment.get(t.record.commitment)?.schedule.push(t);
  for (const e of events) byCommitment.get(e.record.commitment)?.events.push(e);
  const items = [...byCommitment.values()];
  // The orders getCommitment gives: the schedule by position, events by date.
  for (const item of items) {
    item.schedule.sort(
      (a, b) => a.record.position - b.record.position || a.record.id.localeCompare(b.record.id),
    );
    item.events.sort(
      (a, b) => a.record.date.localeCompare(b.record.date) || a.record.id.localeCompare(b.record.id),
    );
  }
  return { items, next: page.next };
}

/** What the figures of a series cell rest on. */
export interface FigureFlags {
  /** Some figure is synthetic demo data (the event's or its commitment's flag). */
  synthetic: boolean;
  /** Some figure is an estimate (confidence estimated). */
  estimated: boolean;
  /** An open dispute stands against some figure's event or its commitment. */
  disputed: boolean;
}

/** The flags of the events a series counts, per group key, currency or unit, and month (YYYY-MM). */
export interface SeriesMonthFlags extends FigureFlags {
  key: string;
  measure: string;
  month: Month;
}

const openDisputes = (kind: "event" | "commitment", asOf: Date | undefined) =>
  sql`select ${disputes.targetId} from ${disputes}
    where ${disputes.targetKind} = ${kind} and ${disputes.status} = 'open' and ${visibleAt(disputes, asOf)}`;

/**
 * The flags of the events a series with this query counts (the promised and delivered stages, the same filters,
 * drafts never), per group, currency or unit, and month, as the ledger stood at `query.asOf`. Grouped in the
 * database; the group key is computed here as the series computes it.
 */
export async function seriesFlags(db: Db, query: SeriesQuery): Promise<SeriesMonthFlags[]> {
  const where: SQL[] = [
    publishedAt(stageEvents, query.asOf),
    eq(stageEvents.measureKind, query.measure),
    inArray(stageEvents.stage, [query.promised, query.delivered]),
  ];
  if (query.unit) where.push(eq(stageEvents.unit, query.unit));
  if (query.donor) where.push(eq(commitments.donor, query.donor));
  if (query.category) {
    where.push(
      or(eq(commitments.category, query.category), like(commitments.category, `${query.category}.%`)) as SQL,
    );
  }
  if (query.agreement) where.push(eq(commitments.agreementId, query.agreement));
  const measure = sql<string>`case when ${stageEvents.measureKind} = 'money' then ${stageEvents.currency} else ${stageEvents.unit} end`;
  const month = sql<string>`to_char(${stageEvents.dateTo}, 'YYYY-MM')`;
  const category = sql<string>`split_part(${commitments.category}, '.', 1)`;
  const rows = await db
    .select({
      donor: commitments.donor,
      category,
      agreement: commitments.agreementId,
      instrumentType: agreements.instrumentType,
      measure,
      month,
      synthetic: sql<boolean>`bool_or(${stageEvents.synthetic} or ${commitments.synthetic})`,
      estimated: sql<boolean>`bool_or(${stageEvents.confidence} = 'estimated')`,
      disputed: sql<boolean>`bool_or(${stageEvents.id} in (${openDisputes("event", query.asOf)})
        or ${commitments.id} in (${openDisputes("commitment", query.asOf)}))`,
    })
    .from(stageEvents)
    .innerJoin(
      commitments,
      and(eq(commitments.id, stageEvents.commitmentId), publishedAt(commitments, query.asOf)),
    )
    .leftJoin(agreements, and(eq(agreements.id, commitments.agreementId), visibleAt(agreements, query.asOf)))
    .where(and(...where))
    .groupBy(commitments.donor, category, commitments.agreementId, agreements.instrumentType, measure, month);
  const out = new Map<string, SeriesMonthFlags>();
  for (const r of rows) {
    const tier = r.instrumentType === null ? "none" : tierOf(r.instrumentType as InstrumentType);
    if (query.tier && tier !== query.tier) continue;
    const key =
      query.groupBy === "donor"
        ? r.donor
        : query.groupBy === "category"
          ? topCategory(r.category as CategoryId)
          : query.groupBy === "tier"
            ? tier
            : query.groupBy === "agreement"
              ? (r.agreement ?? "none")
              : "all";
    const id = `${key}|${r.measure}|${r.month}`;
    const found = out.get(id);
    const flags = { synthetic: !!r.synthetic, estimated: !!r.estimated, disputed: !!r.disputed };
    if (!found) out.set(id, { key, measure: r.measure, month: r.month as Month, ...flags });
    else {
      found.synthetic ||= flags.synthetic;
      found.estimated ||= flags.estimated;
      found.disputed ||= flags.disputed;
    }
  }
  return [...out.values()];
}
