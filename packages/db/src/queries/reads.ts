import {
  type AgreementRecord,
  type CommitmentRecord,
  comparePartialDates,
  confirmedConfidences,
  type InstrumentType,
  type Party,
  type PartyKind,
  type ProvisionRecord,
  type Stage,
  type StageEvent,
  type Tier,
  type TrancheRecord,
} from "@commitments/core";
import { eq, gte, inArray, lte, not, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import {
  agreementEntity,
  commitmentEntity,
  eventEntity,
  partyEntity,
  provisionEntity,
  trancheEntity,
} from "../entities.ts";
import {
  allRecords,
  countRecords,
  getRecord,
  listRecords,
  type Page,
  publicVisibility,
  type Versioned,
  type Visibility,
} from "../records.ts";
import { agreements, parties, provisions, stageEvents, tranches } from "../schema.ts";
import { type CommitmentFilters, commitmentConditions, instrumentTypesOf, viaCommitment } from "./filters.ts";

export interface ReadOptions {
  /** Read what the tracker showed at this moment; now if absent. */
  asOf?: Date | undefined;
  /** The cursor from the previous page. */
  after?: string | undefined;
  limit: number;
  /** Whose drafts may be shown besides published records; the public's view if absent. */
  visibility?: Visibility | undefined;
}

export function listParties(db: Db, filters: { kind?: PartyKind | undefined }, options: ReadOptions) {
  const where = filters.kind ? [eq(parties.kind, filters.kind)] : [];
  return listRecords(db, partyEntity, { ...options, where });
}

export function getParty(db: Db, id: string, asOf?: Date): Promise<Versioned<Party> | undefined> {
  return getRecord(db, partyEntity, id, asOf);
}

export interface AgreementFilters {
  tier?: Tier | undefined;
  instrumentType?: InstrumentType | undefined;
  /** A guarantor or a beneficiary. */
  party?: string | undefined;
  framework?: string | undefined;
}

/** An agreement with its provisions, both as they stood at the same moment. */
export interface AgreementWithProvisions {
  agreement: Versioned<AgreementRecord>;
  provisions: Versioned<ProvisionRecord>[];
}

export async function listAgreements(
  db: Db,
  filters: AgreementFilters,
  options: ReadOptions,
): Promise<Page<AgreementWithProvisions>> {
  const where: SQL[] = [];
  if (filters.instrumentType) where.push(eq(agreements.instrumentType, filters.instrumentType));
  if (filters.tier) where.push(inArray(agreements.instrumentType, instrumentTypesOf(filters.tier)));
  if (filters.party) {
    where.push(
      sql`(${filters.party} = any(${agreements.guarantors}) or ${filters.party} = any(${agreements.beneficiaries}))`,
    );
  }
  if (filters.framework) where.push(eq(agreements.framework, filters.framework));
  const page = await listRecords(db, agreementEntity, { ...options, where });
  const ids = page.items.map((a) => a.record.id);
  const all = ids.length
    ? await allRecords(db, provisionEntity, [inArray(provisions.agreementId, ids)], options.asOf)
    : [];
  return {
    next: page.next,
    items: page.items.map((agreement) => ({
      agreement,
      provisions: byPosition(all.filter((p) => p.record.agreement === agreement.record.id)),
    })),
  };
}

export async function getAgreement(
  db: Db,
  id: string,
  asOf?: Date,
): Promise<AgreementWithProvisions | undefined> {
  const agreement = await getRecord(db, agreementEntity, id, asOf);
  if (!agreement) return undefined;
  const list = await allRecords(db, provisionEntity, [eq(provisions.agreementId, id)], asOf);
  return { agreement, provisions: byPosition(list) };
}

export function listProvisions(
  db: Db,
  filters: { agreement?: string | undefined; kind?: string | undefined },
  options: ReadOptions,
) {
  const where: SQL[] = [];
  if (filters.agreement) where.push(eq(provisions.agreementId, filters.agreement));
  if (filters.kind) where.push(eq(provisions.kind, filters.kind));
  return listRecords(db, provisionEntity, { ...options, where });
}

export function getProvision(db: Db, id: string, asOf?: Date) {
  return getRecord(db, provisionEntity, id, asOf);
}

export function listCommitments(db: Db, filters: CommitmentFilters, options: ReadOptions) {
  return listRecords(db, commitmentEntity, {
    ...options,
    where: commitmentConditions(filters, options.asOf),
  });
}

/** A commitment with its schedule and its stage events, all as they stood at the same moment. */
export interface CommitmentWithSchedule {
  commitment: Versioned<CommitmentRecord>;
  schedule: Versioned<TrancheRecord>[];
  events: Versioned<StageEvent>[];
}

export async function getCommitment(
  db: Db,
  id: string,
  asOf?: Date,
  visibility: Visibility = publicVisibility,
): Promise<CommitmentWithSchedule | undefined> {
  const commitment = await getRecord(db, commitmentEntity, id, asOf, visibility);
  if (!commitment) return undefined;
  const [schedule, events] = await Promise.all([
    allRecords(db, trancheEntity, [eq(tranches.commitmentId, id)], asOf, visibility),
    allRecords(db, eventEntity, [eq(stageEvents.commitmentId, id)], asOf, visibility),
  ]);
  return {
    commitment,
    schedule: byPosition(schedule),
    events: events.sort(
      (a, b) => comparePartialDates(a.record.date, b.record.date) || a.record.id.localeCompare(b.record.id),
    ),
  };
}

export function listTranches(
  db: Db,
  filters: CommitmentFilters & { commitment?: string | undefined },
  options: ReadOptions,
) {
  const where = viaCommitment(tranches.commitmentId, filters, options.asOf);
  if (filters.commitment) where.push(eq(tranches.commitmentId, filters.commitment));
  return listRecords(db, trancheEntity, { ...options, where });
}

export function getTranche(db: Db, id: string, asOf?: Date, visibility: Visibility = publicVisibility) {
  return getRecord(db, trancheEntity, id, asOf, visibility);
}

export interface EventFilters extends CommitmentFilters {
  commitment?: string | undefined;
  stage?: Stage | undefined;
  confidence?: string | undefined;
  /** Whether the recipient's confirmation of receipt (or a higher confidence) is recorded: see `confirmedConfidences`. */
  confirmed?: boolean | undefined;
  /** Events that count on or after this day (a partial date counts from its last day). */
  from?: string | undefined;
  /** Events that count on or before this day. */
  to?: string | undefined;
}

function eventConditions(filters: EventFilters, asOf: Date | undefined): SQL[] {
  const where = viaCommitment(stageEvents.commitmentId, filters, asOf);
  if (filters.commitment) where.push(eq(stageEvents.commitmentId, filters.commitment));
  if (filters.stage) where.push(eq(stageEvents.stage, filters.stage));
  if (filters.confidence) where.push(eq(stageEvents.confidence, filters.confidence));
  if (filters.confirmed !== undefined) {
    const confirmed = inArray(stageEvents.confidence, [...confirmedConfidences]);
    where.push(filters.confirmed ? confirmed : not(confirmed));
  }
  if (filters.from) where.push(gte(stageEvents.dateTo, filters.from));
  if (filters.to) where.push(lte(stageEvents.dateTo, filters.to));
  return where;
}

export function listEvents(db: Db, filters: EventFilters, options: ReadOptions) {
  return listRecords(db, eventEntity, { ...options, where: eventConditions(filters, options.asOf) });
}

/** How many events `listEvents` would list, over all its pages. */
export function countEvents(db: Db, filters: EventFilters, options: Omit<ReadOptions, "after" | "limit">) {
  return countRecords(db, eventEntity, { ...options, where: eventConditions(filters, options.asOf) });
}

export function getEvent(db: Db, id: string, asOf?: Date, visibility: Visibility = publicVisibility) {
  return getRecord(db, eventEntity, id, asOf, visibility);
}

function byPosition<R extends { position: number; id: string }>(list: Versioned<R>[]): Versioned<R>[] {
  return list.sort((a, b) => a.record.position - b.record.position || a.record.id.localeCompare(b.record.id));
}
