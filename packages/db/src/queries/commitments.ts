import type { CategoryId, Commitment, Confidence, Stage, StageEvent } from "@commitments/core";
import { and, asc, eq, inArray, like, or, type SQL } from "drizzle-orm";
import type { Db } from "../client.ts";
import { dateColumns, dueColumns, measureFromRow, measureToRow } from "../measures.ts";
import { commitments, stageEvents, tranches } from "../schema.ts";

export interface CommitmentFilters {
  donor?: string | undefined;
  agreement?: string | undefined;
  /** A category and everything under it: "ammunition" includes "ammunition.artillery_155mm". */
  category?: CategoryId | undefined;
}

export interface CommitmentWithEvents {
  commitment: Commitment;
  events: StageEvent[];
}

export async function listCommitments(db: Db, filters: CommitmentFilters = {}): Promise<Commitment[]> {
  const where: SQL[] = [];
  if (filters.donor) where.push(eq(commitments.donor, filters.donor));
  if (filters.agreement) where.push(eq(commitments.agreementId, filters.agreement));
  if (filters.category) {
    where.push(
      or(
        eq(commitments.category, filters.category),
        like(commitments.category, `${filters.category}.%`),
      ) as SQL,
    );
  }
  const rows = await db
    .select()
    .from(commitments)
    .where(and(...where))
    .orderBy(asc(commitments.id));
  return withSchedules(db, rows);
}

export async function getCommitment(db: Db, id: string): Promise<CommitmentWithEvents | undefined> {
  const rows = await db.select().from(commitments).where(eq(commitments.id, id));
  const [commitment] = await withSchedules(db, rows);
  if (!commitment) return undefined;
  const eventRows = await db
    .select()
    .from(stageEvents)
    .where(eq(stageEvents.commitmentId, id))
    .orderBy(asc(stageEvents.dateTo), asc(stageEvents.id));
  return { commitment, events: eventRows.map(eventFromRow) };
}

async function withSchedules(db: Db, rows: (typeof commitments.$inferSelect)[]): Promise<Commitment[]> {
  if (rows.length === 0) return [];
  const trancheRows = await db
    .select()
    .from(tranches)
    .where(
      inArray(
        tranches.commitmentId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(tranches.position));
  return rows.map((row) => ({
    id: row.id,
    donor: row.donor,
    recipient: row.recipient,
    ...(row.agreementId ? { agreement: row.agreementId } : {}),
    title: row.title,
    category: row.category as CategoryId,
    measure: measureFromRow(row),
    measureBasis: row.measureBasis,
    ...(row.periodStart && row.periodEnd ? { period: { start: row.periodStart, end: row.periodEnd } } : {}),
    schedule: trancheRows
      .filter((t) => t.commitmentId === row.id)
      .map((t) => ({ due: t.due, measure: measureFromRow(t), ...(t.note ? { note: t.note } : {}) })),
    conditions: row.conditions,
    sources: row.sources,
    synthetic: row.synthetic,
  }));
}

function eventFromRow(row: typeof stageEvents.$inferSelect): StageEvent {
  return {
    id: row.id,
    commitment: row.commitmentId,
    stage: row.stage as Stage,
    date: row.date,
    ...(row.periodStart && row.periodEnd ? { period: { start: row.periodStart, end: row.periodEnd } } : {}),
    measure: measureFromRow(row),
    confidence: row.confidence as Confidence,
    sources: row.sources,
    ...(row.note ? { note: row.note } : {}),
    synthetic: row.synthetic,
  };
}

export async function insertCommitments(db: Db, list: readonly Commitment[]): Promise<void> {
  if (list.length === 0) return;
  await db
    .insert(commitments)
    .values(
      list.map((c) => ({
        id: c.id,
        donor: c.donor,
        recipient: c.recipient,
        agreementId: c.agreement ?? null,
        title: c.title,
        category: c.category,
        ...measureToRow(c.measure),
        measureBasis: c.measureBasis,
        periodStart: c.period?.start ?? null,
        periodEnd: c.period?.end ?? null,
        conditions: c.conditions,
        sources: c.sources,
        synthetic: c.synthetic,
      })),
    )
    .onConflictDoNothing();
  const trancheRows = list.flatMap((c) =>
    c.schedule.map((t, position) => ({
      commitmentId: c.id,
      position,
      ...dueColumns(t.due),
      ...measureToRow(t.measure),
      note: t.note ?? null,
    })),
  );
  if (trancheRows.length > 0) await db.insert(tranches).values(trancheRows).onConflictDoNothing();
}

export async function insertStageEvents(db: Db, list: readonly StageEvent[]): Promise<void> {
  if (list.length === 0) return;
  await db
    .insert(stageEvents)
    .values(
      list.map((e) => ({
        id: e.id,
        commitmentId: e.commitment,
        stage: e.stage,
        ...dateColumns(e.date),
        periodStart: e.period?.start ?? null,
        periodEnd: e.period?.end ?? null,
        ...measureToRow(e.measure),
        confidence: e.confidence,
        sources: e.sources,
        note: e.note ?? null,
        synthetic: e.synthetic,
      })),
    )
    .onConflictDoNothing();
}
