import {
  type Agreement,
  type AgreementStatus,
  type InstrumentType,
  instrumentTypes,
  type Tier,
} from "@commitments/core";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { dateColumns } from "../measures.ts";
import { agreementStatusChanges, agreements, provisions } from "../schema.ts";

export interface AgreementFilters {
  tier?: Tier | undefined;
  instrumentType?: InstrumentType | undefined;
  /** A guarantor or a beneficiary. */
  party?: string | undefined;
  framework?: string | undefined;
}

export async function listAgreements(db: Db, filters: AgreementFilters = {}): Promise<Agreement[]> {
  const where: SQL[] = [];
  if (filters.instrumentType) where.push(eq(agreements.instrumentType, filters.instrumentType));
  if (filters.tier) {
    const types = instrumentTypes.filter((t) => t.tier === filters.tier).map((t) => t.id);
    where.push(inArray(agreements.instrumentType, types));
  }
  if (filters.party) {
    where.push(
      sql`(${filters.party} = any(${agreements.guarantors}) or ${filters.party} = any(${agreements.beneficiaries}))`,
    );
  }
  if (filters.framework) where.push(eq(agreements.framework, filters.framework));
  const rows = await db
    .select()
    .from(agreements)
    .where(and(...where))
    .orderBy(asc(agreements.signed), asc(agreements.id));
  return withDetails(db, rows);
}

export async function getAgreement(db: Db, id: string): Promise<Agreement | undefined> {
  const rows = await db.select().from(agreements).where(eq(agreements.id, id));
  const [agreement] = await withDetails(db, rows);
  return agreement;
}

/** Loads provisions and status histories for a page of agreements in two queries, not one per agreement. */
async function withDetails(db: Db, rows: (typeof agreements.$inferSelect)[]): Promise<Agreement[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [provisionRows, statusRows] = await Promise.all([
    db
      .select()
      .from(provisions)
      .where(inArray(provisions.agreementId, ids))
      .orderBy(asc(provisions.position)),
    db
      .select()
      .from(agreementStatusChanges)
      .where(inArray(agreementStatusChanges.agreementId, ids))
      .orderBy(asc(agreementStatusChanges.position)),
  ]);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    shortTitle: row.shortTitle,
    ...(row.summary ? { summary: row.summary } : {}),
    guarantors: row.guarantors,
    beneficiaries: row.beneficiaries,
    instrumentType: row.instrumentType as InstrumentType,
    attributes: row.attributes,
    ...(row.signed ? { signed: row.signed } : {}),
    ...(row.inForce ? { inForce: row.inForce } : {}),
    ...(row.expires ? { expires: row.expires } : {}),
    ...(row.durationYears ? { durationYears: row.durationYears } : {}),
    ...(row.framework ? { framework: row.framework } : {}),
    provisions: provisionRows.filter((p) => p.agreementId === row.id).map((p) => p.terms),
    statusHistory: statusRows
      .filter((s) => s.agreementId === row.id)
      .map((s) => ({
        status: s.status as AgreementStatus,
        date: s.date,
        dateBasis: s.dateBasis,
        ...(s.note ? { note: s.note } : {}),
        sources: s.sources,
      })),
    sources: row.sources,
    synthetic: row.synthetic,
  }));
}

/** Writes agreements with their provisions and status histories (foreign keys are checked per statement). */
export async function insertAgreements(db: Db, list: readonly Agreement[]): Promise<void> {
  if (list.length === 0) return;
  await db
    .insert(agreements)
    .values(
      list.map((a) => ({
        id: a.id,
        title: a.title,
        shortTitle: a.shortTitle,
        summary: a.summary ?? null,
        guarantors: a.guarantors,
        beneficiaries: a.beneficiaries,
        instrumentType: a.instrumentType,
        attributes: a.attributes,
        signed: a.signed ?? null,
        inForce: a.inForce ?? null,
        expires: a.expires ?? null,
        durationYears: a.durationYears ?? null,
        framework: a.framework ?? null,
        sources: a.sources,
        synthetic: a.synthetic,
      })),
    )
    .onConflictDoNothing();
  const provisionRows = list.flatMap((a) =>
    a.provisions.map((p, position) => ({ agreementId: a.id, position, kind: p.kind, terms: p })),
  );
  if (provisionRows.length > 0) await db.insert(provisions).values(provisionRows).onConflictDoNothing();
  const statusRows = list.flatMap((a) =>
    a.statusHistory.map((s, position) => ({
      agreementId: a.id,
      position,
      status: s.status,
      ...dateColumns(s.date),
      dateBasis: s.dateBasis,
      note: s.note ?? null,
      sources: s.sources,
    })),
  );
  if (statusRows.length > 0) await db.insert(agreementStatusChanges).values(statusRows).onConflictDoNothing();
}
