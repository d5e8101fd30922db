import {
  type AgreementRecord,
  type AgreementStatusChange,
  type Annotation,
  type CategoryId,
  type CommitmentRecord,
  type Confidence,
  type Confirmation,
  type Dispute,
  type InstrumentType,
  type Measure,
  type Party,
  type ProvisionRecord,
  type Stage,
  type StageEvent,
  sameMeasureKind,
  type TrancheRecord,
} from "@commitments/core";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client.ts";
import { LedgerError, type VersionColumns, visibleAt } from "./ledger.ts";
import { dateColumns, dueColumns, measureFromRow, measureToRow } from "./measures.ts";
import {
  agreements,
  annotations,
  commitments,
  confirmations,
  disputes,
  parties,
  provisions,
  stageEvents,
  tranches,
} from "./schema.ts";

export type EntityName =
  | "party"
  | "agreement"
  | "provision"
  | "commitment"
  | "tranche"
  | "event"
  | "dispute"
  | "confirmation"
  | "annotation"
  | "proposal";
type LedgerTable = PgTable & VersionColumns;

/** A reference from one record to another, checked on every write: the ledger has no foreign keys across versions. */
interface Reference {
  entity: keyof typeof entities;
  id: string;
  field: string;
}

/** How one kind of record maps to its ledger table, what it refers to, and what refers to it. */
export interface Entity<R extends { id: string }> {
  name: EntityName;
  table: LedgerTable;
  toRow(record: R): Record<string, unknown>;
  fromRow(row: Record<string, unknown>): R;
  references(record: R): Reference[];
  /** Tables whose live records point at this one: a record with live dependents cannot be retracted. */
  dependents: { entity: EntityName; table: LedgerTable; column: string }[];
  /** Checks across records that a schema alone cannot make (a tranche measured like its commitment). */
  check?(tx: Db, records: readonly R[]): Promise<void>;
  /** Checks a new version against what depends on the record (a commitment's measure under its tranches). */
  checkReplacement?(tx: Db, record: R): Promise<void>;
  /**
   * Set for records a ministry maintains (draft → submitted → published): their tables have the status and the
   * organisation that wrote them, which alone sees them unpublished.
   */
  workflow?: true;
}

const optional = <T>(value: T | null | undefined) => value ?? null;
const present = <K extends string, V>(key: K, value: V | null | undefined) =>
  value === null || value === undefined ? {} : ({ [key]: value } as { [P in K]: V });

export const partyEntity: Entity<Party> = {
  name: "party",
  table: parties,
  toRow: (p) => ({
    id: p.id,
    kind: p.kind,
    name: p.name,
    nameUk: optional(p.nameUk),
    alpha3: optional(p.alpha3),
    members: optional(p.members),
  }),
  fromRow: (r) => ({
    id: r.id as string,
    kind: r.kind as Party["kind"],
    name: r.name as string,
    ...present("nameUk", r.nameUk as string | null),
    ...present("alpha3", r.alpha3 as string | null),
    ...present("members", r.members as string[] | null),
  }),
  references: (p) => (p.members ?? []).map((id, i) => ({ entity: "party", id, field: `members.${i}` })),
  dependents: [
    { entity: "commitment", table: commitments, column: "donor" },
    { entity: "commitment", table: commitments, column: "recipient" },
  ],
};

export const agreementEntity: Entity<AgreementRecord> = {
  name: "agreement",
  table: agreements,
  toRow: (a) => ({
    id: a.id,
    title: a.title,
    shortTitle: a.shortTitle,
    titleUk: optional(a.titleUk),
    shortTitleUk: optional(a.shortTitleUk),
    summary: optional(a.summary),
    guarantors: a.guarantors,
    beneficiaries: a.beneficiaries,
    instrumentType: a.instrumentType,
    attributes: a.attributes,
    signed: optional(a.signed),
    inForce: optional(a.inForce),
    expires: optional(a.expires),
    durationYears: optional(a.durationYears),
    framework: optional(a.framework),
    statusHistory: a.statusHistory,
    sources: a.sources,
    synthetic: a.synthetic,
  }),
  fromRow: (r) => ({
    id: r.id as string,
    title: r.title as string,
    shortTitle: r.shortTitle as string,
    ...present("titleUk", r.titleUk as string | null),
    ...present("shortTitleUk", r.shortTitleUk as string | null),
    ...present("summary", r.summary as string | null),
    guarantors: r.guarantors as string[],
    beneficiaries: r.beneficiaries as string[],
    instrumentType: r.instrumentType as InstrumentType,
    attributes: r.attributes as AgreementRecord["attributes"],
    ...present("signed", r.signed as string | null),
    ...present("inForce", r.inForce as string | null),
    ...present("expires", r.expires as string | null),
    ...present("durationYears", r.durationYears as number | null),
    ...present("framework", r.framework as string | null),
    statusHistory: r.statusHistory as AgreementStatusChange[],
    sources: r.sources as AgreementRecord["sources"],
    synthetic: r.synthetic as boolean,
  }),
  references: (a) => [
    ...a.guarantors.map((id, i) => ({ entity: "party" as const, id, field: `guarantors.${i}` })),
    ...a.beneficiaries.map((id, i) => ({ entity: "party" as const, id, field: `beneficiaries.${i}` })),
    ...(a.framework ? [{ entity: "agreement" as const, id: a.framework, field: "framework" }] : []),
  ],
  dependents: [
    { entity: "provision", table: provisions, column: "agreement_id" },
    { entity: "commitment", table: commitments, column: "agreement_id" },
    { entity: "agreement", table: agreements, column: "framework" },
  ],
};

export const provisionEntity: Entity<ProvisionRecord> = {
  name: "provision",
  table: provisions,
  toRow: (p) => ({
    id: p.id,
    agreementId: p.agreement,
    position: p.position,
    kind: p.provision.kind,
    terms: p.provision,
  }),
  fromRow: (r) => ({
    id: r.id as string,
    agreement: r.agreementId as string,
    position: r.position as number,
    provision: r.terms as ProvisionRecord["provision"],
  }),
  references: (p) => [{ entity: "agreement", id: p.agreement, field: "agreement" }],
  dependents: [],
};

export const commitmentEntity: Entity<CommitmentRecord> = {
  name: "commitment",
  table: commitments,
  toRow: (c) => ({
    id: c.id,
    donor: c.donor,
    recipient: c.recipient,
    agreementId: optional(c.agreement),
    title: c.title,
    category: c.category,
    ...measureToRow(c.measure),
    measureBasis: c.measureBasis,
    periodStart: optional(c.period?.start),
    periodEnd: optional(c.period?.end),
    conditions: c.conditions,
    sources: c.sources,
    synthetic: c.synthetic,
    sourceDataset: c.sourceDataset ?? "tracker",
  }),
  fromRow: (r) => ({
    id: r.id as string,
    donor: r.donor as string,
    recipient: r.recipient as string,
    ...present("agreement", r.agreementId as string | null),
    title: r.title as string,
    category: r.category as CategoryId,
    measure: measureFromRow(r as never),
    measureBasis: r.measureBasis as CommitmentRecord["measureBasis"],
    ...(r.periodStart && r.periodEnd
      ? { period: { start: r.periodStart as string, end: r.periodEnd as string } }
      : {}),
    conditions: r.conditions as string[],
    sources: r.sources as CommitmentRecord["sources"],
    synthetic: r.synthetic as boolean,
    // The tracker's own records are the default, left out of the record as an absent field is.
    ...(r.sourceDataset === "tracker"
      ? {}
      : { sourceDataset: r.sourceDataset as NonNullable<CommitmentRecord["sourceDataset"]> }),
  }),
  references: (c) => [
    { entity: "party", id: c.donor, field: "donor" },
    { entity: "party", id: c.recipient, field: "recipient" },
    ...(c.agreement ? [{ entity: "agreement" as const, id: c.agreement, field: "agreement" }] : []),
  ],
  dependents: [
    { entity: "tranche", table: tranches, column: "commitment_id" },
    { entity: "event", table: stageEvents, column: "commitment_id" },
  ],
  workflow: true,
  // A commitment's measure may not change kind under its tranches and events: they would no longer add up.
  checkReplacement: async (tx, record) => {
    const [tranche] = await tx
      .select()
      .from(tranches)
      .where(and(eq(tranches.commitmentId, record.id), visibleAt(tranches)))
      .limit(1);
    const [event] = await tx
      .select()
      .from(stageEvents)
      .where(and(eq(stageEvents.commitmentId, record.id), visibleAt(stageEvents)))
      .limit(1);
    const first = tranche ?? event;
    if (first && !sameMeasureKind(record.measure, measureFromRow(first))) {
      throw new LedgerError(
        "MEASURE_MISMATCH",
        "the commitment's tranches and events are measured otherwise; change them first",
        "measure",
      );
    }
  },
};

export const trancheEntity: Entity<TrancheRecord> = {
  name: "tranche",
  table: tranches,
  toRow: (t) => ({
    id: t.id,
    commitmentId: t.commitment,
    position: t.position,
    ...dueColumns(t.due),
    ...measureToRow(t.measure),
    note: optional(t.note),
  }),
  fromRow: (r) => ({
    id: r.id as string,
    commitment: r.commitmentId as string,
    position: r.position as number,
    due: r.due as string,
    measure: measureFromRow(r as never),
    ...present("note", r.note as string | null),
  }),
  references: (t) => [{ entity: "commitment", id: t.commitment, field: "commitment" }],
  dependents: [],
  check: (tx, records) => checkMeasuredLikeCommitment(tx, records),
  workflow: true,
};

export const eventEntity: Entity<StageEvent> = {
  name: "event",
  table: stageEvents,
  toRow: (e) => ({
    id: e.id,
    commitmentId: e.commitment,
    stage: e.stage,
    ...dateColumns(e.date),
    periodStart: optional(e.period?.start),
    periodEnd: optional(e.period?.end),
    ...measureToRow(e.measure),
    confidence: e.confidence,
    sources: e.sources,
    note: optional(e.note),
    synthetic: e.synthetic,
  }),
  fromRow: (r) => ({
    id: r.id as string,
    commitment: r.commitmentId as string,
    stage: r.stage as Stage,
    date: r.date as string,
    ...(r.periodStart && r.periodEnd
      ? { period: { start: r.periodStart as string, end: r.periodEnd as string } }
      : {}),
    measure: measureFromRow(r as never),
    confidence: r.confidence as Confidence,
    sources: r.sources as StageEvent["sources"],
    ...present("note", r.note as string | null),
    synthetic: r.synthetic as boolean,
  }),
  references: (e) => [{ entity: "commitment", id: e.commitment, field: "commitment" }],
  dependents: [],
  check: (tx, records) => checkMeasuredLikeCommitment(tx, records),
  workflow: true,
};

/** An optional measure: money or a quantity, or absent (all five columns null). */
function optionalMeasureToRow(measure: Measure | undefined) {
  return measure
    ? measureToRow(measure)
    : { measureKind: null, amount: null, currency: null, unit: null, item: null };
}

export const disputeEntity: Entity<Dispute> = {
  name: "dispute",
  table: disputes,
  toRow: (d) => ({
    id: d.id,
    targetKind: d.target.kind,
    targetId: d.target.id,
    organisationId: d.organisation,
    statement: d.statement,
    ...optionalMeasureToRow(d.figure),
    sources: d.sources,
    status: d.status,
    resolution: optional(d.resolution),
  }),
  fromRow: (r) => ({
    id: r.id as string,
    target: { kind: r.targetKind as Dispute["target"]["kind"], id: r.targetId as string },
    organisation: r.organisationId as string,
    statement: r.statement as string,
    ...(r.measureKind ? { figure: measureFromRow(r as never) } : {}),
    sources: r.sources as Dispute["sources"],
    status: r.status as Dispute["status"],
    ...present("resolution", r.resolution as string | null),
  }),
  references: (d) => [{ entity: d.target.kind, id: d.target.id, field: "target.id" }],
  dependents: [],
};

export const confirmationEntity: Entity<Confirmation> = {
  name: "confirmation",
  table: confirmations,
  toRow: (c) => ({
    id: c.id,
    eventId: c.event,
    eventVersion: c.eventVersion,
    organisationId: c.organisation,
    received: optional(c.received),
    note: optional(c.note),
    sources: optional(c.sources),
  }),
  fromRow: (r) => ({
    id: r.id as string,
    event: r.eventId as string,
    eventVersion: r.eventVersion as number,
    organisation: r.organisationId as string,
    ...present("received", r.received as string | null),
    ...present("note", r.note as string | null),
    ...present("sources", r.sources as Confirmation["sources"] | null),
  }),
  references: (c) => [{ entity: "event", id: c.event, field: "event" }],
  dependents: [],
};

export const annotationEntity: Entity<Annotation> = {
  name: "annotation",
  table: annotations,
  toRow: (a) => ({
    id: a.id,
    targetKind: a.target.kind,
    targetId: a.target.id,
    organisationId: a.organisation,
    text: a.text,
    sources: optional(a.sources),
  }),
  fromRow: (r) => ({
    id: r.id as string,
    target: { kind: r.targetKind as Annotation["target"]["kind"], id: r.targetId as string },
    organisation: r.organisationId as string,
    text: r.text as string,
    ...present("sources", r.sources as Annotation["sources"] | null),
  }),
  references: (a) => [{ entity: a.target.kind, id: a.target.id, field: "target.id" }],
  dependents: [],
};

export const entities = {
  party: partyEntity,
  agreement: agreementEntity,
  provision: provisionEntity,
  commitment: commitmentEntity,
  tranche: trancheEntity,
  event: eventEntity,
  dispute: disputeEntity,
  confirmation: confirmationEntity,
  annotation: annotationEntity,
} as const;

/** Tranches and events add up with their commitment only if measured alike: same currency, or same unit and item. */
async function checkMeasuredLikeCommitment(
  tx: Db,
  records: readonly { commitment: string; measure: Measure }[],
) {
  const ids = [...new Set(records.map((r) => r.commitment))];
  if (ids.length === 0) return;
  const rows = await tx
    .select()
    .from(commitments)
    .where(and(inArray(commitments.id, ids), visibleAt(commitments)));
  const measures = new Map(rows.map((row) => [row.id, measureFromRow(row)]));
  for (const record of records) {
    const expected = measures.get(record.commitment);
    if (expected && !sameMeasureKind(expected, record.measure)) {
      throw new LedgerError(
        "MEASURE_MISMATCH",
        expected.kind === "money"
          ? `measured in ${record.measure.kind === "money" ? record.measure.currency : record.measure.kind}, but commitment ${record.commitment} is in ${expected.currency}`
          : `commitment ${record.commitment} counts ${expected.unit} of ${expected.item}`,
        "measure",
      );
    }
  }
}

/** Refuses records that point at records which do not exist now (or were retracted). One query per kind. */
export async function checkReferences<R extends { id: string }>(
  tx: Db,
  entity: Entity<R>,
  records: readonly R[],
) {
  const wanted = new Map<keyof typeof entities, Map<string, string>>();
  for (const record of records) {
    for (const ref of entity.references(record)) {
      const byId = wanted.get(ref.entity) ?? new Map<string, string>();
      byId.set(ref.id, ref.field);
      wanted.set(ref.entity, byId);
    }
  }
  // Records created in the same batch count as present (an agreement under a framework loaded alongside it).
  const batchIds = new Set(records.map((r) => r.id));
  for (const [name, byId] of wanted) {
    const table = entities[name].table;
    const ids = [...byId.keys()].filter((id) => !(name === entity.name && batchIds.has(id)));
    if (ids.length === 0) continue;
    const found = await tx.execute<{ id: string }>(
      sql`select ${table.id} as id from ${table} where ${table.id} in ${ids} and ${visibleAt(table)}`,
    );
    const present = new Set(rowsOf<{ id: string }>(found).map((r) => r.id));
    const missing = ids.find((id) => !present.has(id));
    if (missing !== undefined) {
      throw new LedgerError("REFERENCE_NOT_FOUND", `no ${name} "${missing}"`, byId.get(missing));
    }
  }
}

/** Rows of a raw query, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
