import { normalize, type SourceDataset, type Stage } from "@commitments/core";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { agreementEntity, provisionEntity, rowsOf } from "./entities.ts";
import { publishedAt } from "./ledger.ts";
import type { AgreementWithProvisions } from "./queries/reads.ts";
import { allRecords } from "./records.ts";
import { agreements, commitments, provisions, stageEvents } from "./schema.ts";

/*
 * What each donor's published figures add up to, per source, stage, category and measure, for the guarantor view:
 * sums in SQL over the current (or `asOf`) published versions of events and their commitments, never across
 * sources, currencies or units. Quantities are also summed per item (SIPRI's designation, an item of Kiel's
 * heavy-weapons list), so two sources' counts of one weapon system can be set side by side.
 */

export interface DeliveryFilters {
  /** One donor's figures only. */
  donor?: string | undefined;
  /** Figures for this recipient; Ukraine by default. */
  recipient?: string | undefined;
  asOf?: Date | undefined;
}

export interface DeliveryFigure {
  donor: string;
  source: SourceDataset;
  stage: Stage;
  category: string;
  measure:
    | { kind: "money"; amount: string; currency: string }
    | { kind: "quantity"; count: string; unit: string };
  /** The events summed and the commitments (lines, deals, list items) they belong to. */
  events: number;
  records: number;
}

export interface ItemFigure {
  donor: string;
  source: SourceDataset;
  stage: Stage;
  category: string;
  /** The item as the source names it: SIPRI's weapon designation, or an entry of Kiel's heavy-weapons list. */
  item: string;
  unit: string;
  count: string;
  /** The commitments counted, with where in the source each stands (the source's locator). */
  records: { id: string; locator: string | null }[];
}

interface FigureRow {
  donor: string;
  source: SourceDataset;
  stage: Stage;
  category: string;
  measure_kind: "money" | "quantity";
  currency: string | null;
  unit: string | null;
  amount: string;
  events: number;
  records: number;
}

function conditions(filters: DeliveryFilters): SQL {
  const parts: SQL[] = [
    publishedAt(stageEvents, filters.asOf),
    publishedAt(commitments, filters.asOf),
    sql`${commitments.recipient} = ${filters.recipient ?? "UA"}`,
  ];
  if (filters.donor) parts.push(sql`${commitments.donor} = ${filters.donor}`);
  return sql.join(parts, sql` and `);
}

/** Every donor's sums per source, stage, category and measure (currency or unit). */
export async function readDeliveryFigures(db: Db, filters: DeliveryFilters = {}): Promise<DeliveryFigure[]> {
  const rows = rowsOf<FigureRow>(
    await db.execute(sql`select ${commitments.donor} as donor, ${commitments.sourceDataset} as source,
        ${stageEvents.stage} as stage, ${commitments.category} as category,
        ${stageEvents.measureKind} as measure_kind, ${stageEvents.currency} as currency, ${stageEvents.unit} as unit,
        sum(${stageEvents.amount})::text as amount, count(*)::int as events,
        count(distinct ${commitments.id})::int as records
      from ${stageEvents} join ${commitments} on ${commitments.id} = ${stageEvents.commitmentId}
      where ${conditions(filters)}
      group by 1, 2, 3, 4, 5, 6, 7
      order by 1, 2, 3, 4, 5, 6, 7`),
  );
  return rows.map((r) => ({
    donor: r.donor,
    source: r.source,
    stage: r.stage,
    category: r.category,
    measure:
      r.measure_kind === "money"
        ? { kind: "money", amount: normalize(r.amount), currency: r.currency ?? "" }
        : { kind: "quantity", count: normalize(r.amount), unit: r.unit ?? "" },
    events: Number(r.events),
    records: Number(r.records),
  }));
}

interface ItemRow {
  donor: string;
  source: SourceDataset;
  stage: Stage;
  category: string;
  item: string;
  unit: string;
  count: string;
  records: { id: string; locator: string | null }[];
}

/** Counted items per donor, source, stage, category and item, with the records counted. */
export async function readItemFigures(
  db: Db,
  filters: DeliveryFilters & { sources?: readonly SourceDataset[] } = {},
): Promise<ItemFigure[]> {
  const sources = filters.sources?.length
    ? sql` and ${commitments.sourceDataset} in (${sql.join(
        filters.sources.map((s) => sql`${s}`),
        sql`, `,
      )})`
    : sql``;
  const rows = rowsOf<ItemRow>(
    await db.execute(sql`select ${commitments.donor} as donor, ${commitments.sourceDataset} as source,
        ${stageEvents.stage} as stage, ${commitments.category} as category, ${stageEvents.item} as item,
        ${stageEvents.unit} as unit, sum(${stageEvents.amount})::text as count,
        json_agg(json_build_object('id', ${commitments.id}, 'locator', ${commitments.sources}->0->>'locator')
          order by ${commitments.id}) as records
      from ${stageEvents} join ${commitments} on ${commitments.id} = ${stageEvents.commitmentId}
      where ${conditions(filters)} and ${stageEvents.measureKind} = 'quantity'${sources}
      group by 1, 2, 3, 4, 5, 6
      order by 1, 2, 3, 4, 5, 6`),
  );
  return rows.map((r) => ({ ...r, count: normalize(r.count) }));
}

/** Every instrument with this beneficiary, with its provisions, as they stood at `asOf`. */
export async function agreementsFor(
  db: Db,
  beneficiary: string,
  asOf?: Date,
): Promise<AgreementWithProvisions[]> {
  const list = await allRecords(
    db,
    agreementEntity,
    [sql`${beneficiary} = any(${agreements.beneficiaries})`],
    asOf,
  );
  const ids = list.map((a) => a.record.id);
  const all = ids.length
    ? await allRecords(db, provisionEntity, [inArray(provisions.agreementId, ids)], asOf)
    : [];
  return list.map((agreement) => ({
    agreement,
    provisions: all
      .filter((p) => p.record.agreement === agreement.record.id)
      .sort((a, b) => a.record.position - b.record.position || a.record.id.localeCompare(b.record.id)),
  }));
}
