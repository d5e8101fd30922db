import { type Annotation, type Confirmation, comparePartialDates, type Dispute } from "@commitments/core";
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client.ts";
import {
  annotationEntity,
  commitmentEntity,
  confirmationEntity,
  disputeEntity,
  type Entity,
  eventEntity,
  rowsOf,
  trancheEntity,
} from "../entities.ts";
import { versionAt, visibleAt } from "../ledger.ts";
import {
  publicVisibility,
  type Versioned,
  type Visibility,
  versioned,
  visibilityCondition,
} from "../records.ts";
import type { OrganisationName, Remarks } from "../remarks.ts";
import {
  annotations,
  changeSets,
  confirmations,
  disputes,
  organisations,
  stageEvents,
  tranches,
} from "../schema.ts";
import type { CommitmentWithSchedule } from "./reads.ts";

/*
 * A commitment as its page shows it, in one statement: the commitment, its tranches and stage events, the disputes,
 * confirmations and annotations on any of them, the names of the organisations that made those, and the dataset
 * version, all as they stood at the same moment. One round trip to the database, whichever store, instead of one
 * a part; each part comes back as JSON and is read as the row Drizzle would have given.
 */

/** Everything a commitment's page shows, read together. */
export interface CommitmentRead extends CommitmentWithSchedule {
  /** The remarks on the commitment, its tranches and its events, by kind and record id. */
  remarks: Map<"commitment" | "tranche" | "event", Map<string, Remarks>>;
  /** The organisations behind those remarks. */
  names: Map<string, OrganisationName>;
  /** The dataset version at the moment read. */
  datasetVersion: number;
}

// jsonb_build_object takes at most 100 arguments: objects of 40 columns, joined.
const columnsPerObject = 40;

/** A row of `table` as one JSON object keyed as Drizzle keys it; numerics as text, so no figure passes a float. */
function rowJson(table: PgTable): SQL {
  const pairs = Object.entries(getTableColumns(table)).map(([key, column]) =>
    column.columnType === "PgNumeric" ? sql`${key}::text, ${column}::text` : sql`${key}::text, ${column}`,
  );
  const objects: SQL[] = [];
  for (let i = 0; i < pairs.length; i += columnsPerObject) {
    objects.push(sql`jsonb_build_object(${sql.join(pairs.slice(i, i + columnsPerObject), sql`, `)})`);
  }
  return sql.join(objects, sql` || `);
}

/** The row Drizzle would have given from the JSON of `rowJson`: timestamps as dates, the rest as JSON has them. */
function rowFromJson(table: PgTable, json: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = { ...json };
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[key];
    if (column.columnType === "PgTimestamp" && typeof value === "string") row[key] = new Date(value);
  }
  return row;
}

function decode<R extends { id: string }>(entity: Entity<R>, rows: unknown): Versioned<R>[] {
  return ((rows ?? []) as Record<string, unknown>[]).map((json) =>
    versioned(entity, rowFromJson(entity.table, json)),
  );
}

/** The rows of `entity` meeting `where`, as one JSON array in id order (empty, never null). */
function aggregate(entity: Entity<{ id: string }>, where: SQL): SQL {
  const t = entity.table;
  return sql`(select coalesce(jsonb_agg(${rowJson(t)} order by ${t.id}), '[]'::jsonb) from ${t} where ${where})`;
}

function and(...conditions: (SQL | undefined)[]): SQL {
  return sql.join(
    conditions.filter((c): c is SQL => c !== undefined).map((c) => sql`(${c})`),
    sql` and `,
  );
}

/** One commitment with all its page shows, or undefined when `visibility` shows no such commitment then. */
export async function readCommitment(
  db: Db,
  id: string,
  asOf?: Date,
  visibility: Visibility = publicVisibility,
): Promise<CommitmentRead | undefined> {
  const c = commitmentEntity.table;
  const shown = (entity: Entity<{ id: string }>, belongs: SQL) =>
    and(visibleAt(entity.table, asOf), visibilityCondition(entity, visibility), belongs);
  const ofTranches = shown(trancheEntity, sql`${tranches.commitmentId} = ${id}`);
  const ofEvents = shown(eventEntity, sql`${stageEvents.commitmentId} = ${id}`);
  const trancheIds = sql`select ${tranches.id} from ${tranches} where ${ofTranches}`;
  const eventIds = sql`select ${stageEvents.id} from ${stageEvents} where ${ofEvents}`;
  // Remarks as every reader sees them (they have no drafts): on the commitment, its tranches and its events.
  const about = (table: typeof disputes | typeof annotations) =>
    sql`(${table.targetKind} = 'commitment' and ${table.targetId} = ${id})
      or (${table.targetKind} = 'tranche' and ${table.targetId} in (${trancheIds}))
      or (${table.targetKind} = 'event' and ${table.targetId} in (${eventIds}))`;
  const remarked = (table: typeof disputes | typeof annotations | typeof confirmations, where: SQL) =>
    sql`select ${table.organisationId} from ${table} where ${and(visibleAt(table, asOf), where)}`;
  const statement = sql`select
    (select ${rowJson(c)} from ${c}
      where ${and(sql`${c.id} = ${id}`, versionAt(c, asOf), visibilityCondition(commitmentEntity, visibility))})
      as commitment,
    ${aggregate(trancheEntity, ofTranches)} as schedule,
    ${aggregate(eventEntity, ofEvents)} as events,
    ${aggregate(disputeEntity, and(visibleAt(disputes, asOf), about(disputes)))} as disputes,
    ${aggregate(annotationEntity, and(visibleAt(annotations, asOf), about(annotations)))} as annotations,
    ${aggregate(confirmationEntity, and(visibleAt(confirmations, asOf), sql`${confirmations.eventId} in (${eventIds})`))}
      as confirmations,
    (select coalesce(jsonb_agg(jsonb_build_object('id', ${organisations.id}, 'name', ${organisations.name},
        'kind', ${organisations.kind})), '[]'::jsonb)
      from ${organisations} where ${organisations.id} in (
        ${remarked(disputes, about(disputes))}
        union ${remarked(annotations, about(annotations))}
        union ${remarked(confirmations, sql`${confirmations.eventId} in (${eventIds})`)}))
      as names,
    (select ${changeSets.id} from ${changeSets}
      ${asOf ? sql`where ${changeSets.recordedAt} <= ${asOf.toISOString()}::timestamptz` : sql``}
      order by ${changeSets.id} desc limit 1) as dataset_version`;
  const [row] = rowsOf<Record<string, unknown>>(await db.execute(statement));
  if (!row?.commitment) return undefined;
  const [commitment] = decode(commitmentEntity, [row.commitment]);
  if (!commitment) return undefined;
  const schedule = decode(trancheEntity, row.schedule).sort(
    (a, b) => a.record.position - b.record.position || a.record.id.localeCompare(b.record.id),
  );
  const eventList = decode(eventEntity, row.events).sort(
    (a, b) => comparePartialDates(a.record.date, b.record.date) || a.record.id.localeCompare(b.record.id),
  );
  const remarks: CommitmentRead["remarks"] = new Map([
    ["commitment", new Map([[id, emptyRemarks()]])],
    ["tranche", new Map(schedule.map((t) => [t.record.id, emptyRemarks()]))],
    ["event", new Map(eventList.map((e) => [e.record.id, emptyRemarks()]))],
  ]);
  const of = (kind: string, target: string) =>
    remarks.get(kind as "commitment" | "tranche" | "event")?.get(target);
  for (const d of decode<Dispute>(disputeEntity, row.disputes))
    of(d.record.target.kind, d.record.target.id)?.disputes.push(d);
  for (const a of decode<Annotation>(annotationEntity, row.annotations))
    of(a.record.target.kind, a.record.target.id)?.annotations.push(a);
  for (const f of decode<Confirmation>(confirmationEntity, row.confirmations))
    of("event", f.record.event)?.confirmations.push(f);
  const names = new Map(((row.names ?? []) as OrganisationName[]).map((n) => [n.id, n]));
  return {
    commitment,
    schedule,
    events: eventList,
    remarks,
    names,
    datasetVersion: Number(row.dataset_version ?? 0),
  };
}

function emptyRemarks(): Remarks {
  return { disputes: [], confirmations: [], annotations: [] };
}
