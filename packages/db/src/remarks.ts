import type { Annotation, Confirmation, Dispute, RecordRef } from "@commitments/core";
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "./client.ts";
import { annotationEntity, confirmationEntity, disputeEntity } from "./entities.ts";
import { type HistoryEntry, recordHistory } from "./record-history.ts";
import { allRecords, listRecords, type Versioned } from "./records.ts";
import { annotations, confirmations, disputes, organisations } from "./schema.ts";

/** An organisation as remarks name it: who disputes, confirms or annotates. */
export interface OrganisationName {
  id: string;
  name: string;
  kind: string;
}

/** What others have said about one record, as it stood at `asOf`. */
export interface Remarks {
  disputes: Versioned<Dispute>[];
  confirmations: Versioned<Confirmation>[];
  annotations: Versioned<Annotation>[];
}

/** The remarks on records of one kind, by record id: one query per kind of remark, whatever the number of ids. */
export async function remarksOn(
  db: Db,
  kind: RecordRef["kind"],
  ids: readonly string[],
  asOf?: Date,
): Promise<Map<string, Remarks>> {
  return (await remarksOnRecords(db, [{ kind, ids }], asOf)).get(kind) ?? new Map();
}

/**
 * The remarks on records of several kinds (a commitment, its tranches and its events), by kind and record id: one
 * query per kind of remark, whatever the number of kinds and ids. Each record's remarks come in id order.
 */
export async function remarksOnRecords(
  db: Db,
  targets: readonly { kind: RecordRef["kind"]; ids: readonly string[] }[],
  asOf?: Date,
): Promise<Map<RecordRef["kind"], Map<string, Remarks>>> {
  const byKind = new Map(
    targets.map(({ kind, ids }) => [
      kind,
      new Map<string, Remarks>(ids.map((id) => [id, { disputes: [], confirmations: [], annotations: [] }])),
    ]),
  );
  const wanted = targets.filter((t) => t.ids.length > 0);
  if (wanted.length === 0) return byKind;
  const about = (table: typeof disputes | typeof annotations) =>
    or(...wanted.map((t) => and(eq(table.targetKind, t.kind), inArray(table.targetId, [...t.ids])))) as SQL;
  const events = wanted.flatMap((t) => (t.kind === "event" ? t.ids : []));
  const [disputed, annotated, confirmed] = await Promise.all([
    allRecords(db, disputeEntity, [about(disputes)], asOf),
    allRecords(db, annotationEntity, [about(annotations)], asOf),
    events.length > 0
      ? allRecords(db, confirmationEntity, [inArray(confirmations.eventId, events)], asOf)
      : Promise.resolve([]),
  ]);
  const of = (kind: RecordRef["kind"], id: string) => byKind.get(kind)?.get(id);
  for (const d of disputed) of(d.record.target.kind, d.record.target.id)?.disputes.push(d);
  for (const a of annotated) of(a.record.target.kind, a.record.target.id)?.annotations.push(a);
  for (const c of confirmed) of("event", c.record.event)?.confirmations.push(c);
  return byKind;
}

/** Organisations by id, for naming who made a remark. */
export async function organisationNames(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, OrganisationName>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

export type RemarkKind = "dispute" | "confirmation" | "annotation";

/** Every version of every remark on a record, oldest first: its side of the record's history. */
export async function remarkHistory(
  db: Db,
  target: RecordRef,
): Promise<{ kind: RemarkKind; entry: HistoryEntry<Dispute | Confirmation | Annotation> }[]> {
  const ids = async (table: typeof disputes | typeof annotations) =>
    (
      await db
        .selectDistinct({ id: table.id })
        .from(table)
        .where(and(eq(table.targetKind, target.kind), eq(table.targetId, target.id)))
    ).map((row) => row.id);
  const confirmationIds =
    target.kind === "event"
      ? (
          await db
            .selectDistinct({ id: confirmations.id })
            .from(confirmations)
            .where(eq(confirmations.eventId, target.id))
        ).map((row) => row.id)
      : [];
  const entries: { kind: RemarkKind; entry: HistoryEntry<Dispute | Confirmation | Annotation> }[] = [];
  for (const id of await ids(disputes)) {
    for (const entry of await recordHistory(db, disputeEntity, id)) entries.push({ kind: "dispute", entry });
  }
  for (const id of await ids(annotations)) {
    for (const entry of await recordHistory(db, annotationEntity, id))
      entries.push({ kind: "annotation", entry });
  }
  for (const id of confirmationIds) {
    for (const entry of await recordHistory(db, confirmationEntity, id))
      entries.push({ kind: "confirmation", entry });
  }
  return entries.sort(
    (a, b) => a.entry.changeSet - b.entry.changeSet || a.entry.record.id.localeCompare(b.entry.record.id),
  );
}

/** A page of disputes, optionally of one record or in one status. */
export function listDisputes(
  db: Db,
  filters: { targetKind?: string | undefined; targetId?: string | undefined; status?: string | undefined },
  options: { asOf?: Date | undefined; after?: string | undefined; limit: number },
) {
  const where = [
    ...(filters.targetKind ? [eq(disputes.targetKind, filters.targetKind)] : []),
    ...(filters.targetId ? [eq(disputes.targetId, filters.targetId)] : []),
    ...(filters.status ? [eq(disputes.status, filters.status as Dispute["status"])] : []),
  ];
  return listRecords(db, disputeEntity, { ...options, where });
}

/** A page of annotations, optionally of one record. */
export function listAnnotations(
  db: Db,
  filters: { targetKind?: string | undefined; targetId?: string | undefined },
  options: { asOf?: Date | undefined; after?: string | undefined; limit: number },
) {
  const where = [
    ...(filters.targetKind ? [eq(annotations.targetKind, filters.targetKind)] : []),
    ...(filters.targetId ? [eq(annotations.targetId, filters.targetId)] : []),
  ];
  return listRecords(db, annotationEntity, { ...options, where });
}

/** A page of confirmations of receipt, optionally of one event. */
export function listConfirmations(
  db: Db,
  filters: { event?: string | undefined },
  options: { asOf?: Date | undefined; after?: string | undefined; limit: number },
) {
  const where = filters.event ? [eq(confirmations.eventId, filters.event)] : [];
  return listRecords(db, confirmationEntity, { ...options, where });
}
