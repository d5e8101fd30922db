import { and, desc, eq, gt, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client.ts";
import { changeSets } from "./schema.ts";

export type Origin = (typeof changeSets.$inferInsert)["origin"];

export interface ChangeSetInput {
  actor: string;
  origin: Origin;
  reason?: string | undefined;
  metadata?: Record<string, unknown> | undefined;
  /** For the audit trail: the organisation, user and API token behind the write, where there are any. */
  organisationId?: string | undefined;
  userId?: string | undefined;
  tokenId?: string | undefined;
}

export interface ChangeSet {
  id: number;
  recordedAt: Date;
  actor: string;
  origin: Origin;
  reason: string | null;
}

export type LedgerErrorCode =
  | "NOT_FOUND"
  | "ALREADY_EXISTS"
  | "VERSION_MISMATCH"
  | "RETRACTED"
  | "REFERENCE_NOT_FOUND"
  | "MEASURE_MISMATCH"
  | "HAS_DEPENDENTS";

/** A write the ledger refuses, with the field at fault where there is one. Nothing of it was written. */
export class LedgerError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

// One lock serialises writers, so change-set ids, their timestamps and commit order all agree: "as of T" then
// means exactly what a reader could have seen at T. Writes are rare next to reads; imports are one transaction.
const writeLock = 7_311_220_241;

/** A transaction holding the write lock. */
export function writeTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${writeLock})`);
    return work(tx as unknown as Db);
  });
}

/** Opens a change set inside a write transaction. Its time never runs backwards, whatever the clock does. */
export async function openChangeSet(tx: Db, input: ChangeSetInput): Promise<ChangeSet> {
  const [row] = await tx
    .insert(changeSets)
    .values({
      recordedAt: sql`greatest(date_trunc('milliseconds', clock_timestamp()),
        coalesce((select recorded_at from change_sets order by id desc limit 1), 'epoch'))`,
      actor: input.actor,
      origin: input.origin,
      reason: input.reason ?? null,
      metadata: input.metadata ?? null,
      organisationId: input.organisationId ?? null,
      userId: input.userId ?? null,
      tokenId: input.tokenId ?? null,
    })
    .returning();
  if (!row) throw new Error("no change set was recorded");
  return { id: row.id, recordedAt: row.recordedAt, actor: row.actor, origin: row.origin, reason: row.reason };
}

/** A write transaction with its change set. */
export function withChangeSet<T>(db: Db, input: ChangeSetInput, work: (tx: Db, cs: ChangeSet) => Promise<T>) {
  return writeTransaction(db, async (tx) => work(tx, await openChangeSet(tx, input)));
}

/** The dataset version a read is computed from: the last change set recorded at or before `asOf`. */
export async function datasetVersion(
  db: Db,
  asOf?: Date,
): Promise<{ version: number; recordedAt: Date | null }> {
  const [row] = await db
    .select({ id: changeSets.id, recordedAt: changeSets.recordedAt })
    .from(changeSets)
    .where(asOf ? lte(changeSets.recordedAt, asOf) : undefined)
    .orderBy(desc(changeSets.id))
    .limit(1);
  return { version: row?.id ?? 0, recordedAt: row?.recordedAt ?? null };
}

/** The columns every ledger table has. */
export interface VersionColumns {
  id: PgColumn;
  version: PgColumn;
  changeSetId: PgColumn;
  validFrom: PgColumn;
  validTo: PgColumn;
  retracted: PgColumn;
}

/** The version of each record that was current at `asOf` (now, if not given), retracted ones included. */
export function versionAt(t: VersionColumns, asOf?: Date): SQL {
  return asOf
    ? (and(lte(t.validFrom, asOf), or(isNull(t.validTo), gt(t.validTo, asOf))) as SQL)
    : (isNull(t.validTo) as SQL);
}

/** Records as the tracker showed them at `asOf`: the version current then, unless it was a retraction. */
export function visibleAt(t: VersionColumns, asOf?: Date): SQL {
  return and(versionAt(t, asOf), eq(t.retracted, false)) as SQL;
}

/** Records as the public sees them at `asOf`: visible, and published where the record has a workflow. */
export function publishedAt(t: VersionColumns & { status?: PgColumn }, asOf?: Date): SQL {
  return t.status ? (and(visibleAt(t, asOf), eq(t.status, "published")) as SQL) : visibleAt(t, asOf);
}

/** Columns a new version row carries besides its data. */
export function versionValues(cs: ChangeSet, version: number, retracted = false) {
  return { version, changeSetId: cs.id, validFrom: cs.recordedAt, validTo: null, retracted };
}

/** Locks and returns the current version of a record, for a write that replaces it. */
export async function currentVersion(
  tx: Db,
  table: PgTable & VersionColumns,
  id: string,
): Promise<{ version: number; retracted: boolean } | undefined> {
  const rows = await tx.execute<{ version: number; retracted: boolean }>(
    sql`select ${table.version} as version, ${table.retracted} as retracted from ${table}
        where ${table.id} = ${id} and ${table.validTo} is null for update`,
  );
  return (rows as unknown as { rows: { version: number; retracted: boolean }[] }).rows[0];
}

/** Closes the current version of a record at the change set's time. */
export async function closeVersion(tx: Db, table: PgTable & VersionColumns, id: string, cs: ChangeSet) {
  await tx.execute(
    sql`update ${table} set ${sql.identifier("valid_to")} = ${cs.recordedAt}
        where ${table.id} = ${id} and ${table.validTo} is null`,
  );
}
