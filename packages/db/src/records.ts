import type { WorkflowStatus } from "@commitments/core";
import { and, asc, eq, gt, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "./client.ts";
import { checkReferences, type Entity, rowsOf } from "./entities.ts";
import {
  type ChangeSet,
  closeVersion,
  currentVersion,
  LedgerError,
  versionAt,
  versionValues,
  visibleAt,
} from "./ledger.ts";
// Series cells are derived from events, commitments, agreements, disputes and rates: every write keeps them exact.
import { refreshSeries } from "./series/cells.ts";

/** A record with its place in the ledger. */
export interface Versioned<R> {
  record: R;
  version: number;
  retracted: boolean;
  /** When this version was recorded. */
  recordedAt: Date;
  changeSet: number;
  /** Where the record is in its workflow; "published" for records without one. */
  status: WorkflowStatus;
  /** The organisation that drafted it, for records with a workflow; null for the tracker's own. */
  organisation: string | null;
}

/** A row of a ledger table as the record it holds and its place in the ledger. */
export function versioned<R extends { id: string }>(
  entity: Entity<R>,
  row: Record<string, unknown>,
): Versioned<R> {
  return {
    record: entity.fromRow(row),
    version: row.version as number,
    retracted: row.retracted as boolean,
    recordedAt: row.validFrom as Date,
    changeSet: row.changeSetId as number,
    status: (row.status as WorkflowStatus | undefined) ?? "published",
    organisation: (row.organisationId as string | null | undefined) ?? null,
  };
}

/** A workflow position for new versions: drafts of a ministry, or published records of the tracker's own. */
export interface Placement {
  status: WorkflowStatus;
  organisation: string | null;
}
const publishedByTracker: Placement = { status: "published", organisation: null };

/** The workflow columns of a row, for entities that have them. */
function placementValues(entity: Entity<{ id: string }>, placement: Placement) {
  return entity.workflow ? { status: placement.status, organisationId: placement.organisation } : {};
}

/**
 * Which records a read may show: the public sees published records only; an organisation also its own drafts
 * (those it wrote: another ministry of the same country sees none of them); the tracker's administrators every
 * draft. Core's `maySee` is the same rule for one record.
 */
export type Visibility =
  | { drafts: "none" }
  | { drafts: "all" }
  | { drafts: "organisation"; organisation: string };
export const publicVisibility: Visibility = { drafts: "none" };

/** The condition `visibility` puts on the rows of `entity`'s table; none for entities without a workflow. */
export function visibilityCondition(entity: Entity<{ id: string }>, visibility: Visibility): SQL | undefined {
  const table = entity.table as Entity<{ id: string }>["table"] & {
    status?: PgColumn;
    organisationId?: PgColumn;
  };
  if (!entity.workflow || !table.status || !table.organisationId || visibility.drafts === "all")
    return undefined;
  const published = sql`${table.status} = 'published'`;
  return visibility.drafts === "none"
    ? published
    : or(published, eq(table.organisationId, visibility.organisation));
}

/** Whether one version of a record is visible under `visibility` (the condition above, for a row in hand). */
export function isVisible(
  versioned: { status: WorkflowStatus; organisation: string | null },
  visibility: Visibility,
): boolean {
  if (versioned.status === "published" || visibility.drafts === "all") return true;
  return visibility.drafts === "organisation" && versioned.organisation === visibility.organisation;
}

// PostgreSQL takes at most 65,535 parameters a statement.
const chunk = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * Creates records as version 1 in a change set. Refuses ids that were ever used (a retracted id stays taken, so a
 * citation never comes to mean something else) and references to records that do not exist.
 */
export async function createRecords<R extends { id: string }>(
  tx: Db,
  cs: ChangeSet,
  entity: Entity<R>,
  records: readonly R[],
  placement: Placement = publishedByTracker,
): Promise<void> {
  if (records.length === 0) return;
  const ids = records.map((r) => r.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) throw new LedgerError("ALREADY_EXISTS", `"${duplicate}" appears twice`, "id");
  for (const part of chunk(ids, 10_000)) {
    const taken = rowsOf<{ id: string }>(
      await tx.execute(
        sql`select distinct ${entity.table.id} as id from ${entity.table} where ${entity.table.id} in ${part}`,
      ),
    );
    if (taken[0])
      throw new LedgerError("ALREADY_EXISTS", `a ${entity.name} "${taken[0].id}" exists already`, "id");
  }
  await checkReferences(tx, entity, records);
  await entity.check?.(tx, records);
  const workflow = placementValues(entity as Entity<{ id: string }>, placement);
  const rows = records.map((r) => ({ ...entity.toRow(r), ...workflow, ...versionValues(cs, 1) }));
  const perRow = Object.keys(rows[0] ?? {}).length;
  for (const part of chunk(rows, Math.floor(60_000 / perRow))) {
    await tx.insert(entity.table).values(part as never);
  }
  await refreshSeries(tx, cs, entity.name, ids);
}

export async function createRecord<R extends { id: string }>(
  tx: Db,
  cs: ChangeSet,
  entity: Entity<R>,
  record: R,
  placement: Placement = publishedByTracker,
) {
  await createRecords(tx, cs, entity, [record], placement);
  return {
    record,
    version: 1,
    retracted: false,
    recordedAt: cs.recordedAt,
    changeSet: cs.id,
    ...(entity.workflow ? placement : publishedByTracker),
  } satisfies Versioned<R>;
}

/** Locks the record's current version and checks the caller saw that one (optimistic concurrency). */
async function lockExpected<R extends { id: string }>(
  tx: Db,
  entity: Entity<R>,
  id: string,
  expected: number,
) {
  const current = await currentVersion(tx, entity.table, id);
  if (!current) throw new LedgerError("NOT_FOUND", `no ${entity.name} "${id}"`);
  if (current.version !== expected) {
    throw new LedgerError(
      "VERSION_MISMATCH",
      `${entity.name} "${id}" is at version ${current.version}, not ${expected}`,
    );
  }
  if (current.retracted) throw new LedgerError("RETRACTED", `${entity.name} "${id}" was retracted`);
  return current;
}

/** The workflow position of a record's current version. */
async function currentPlacement(tx: Db, entity: Entity<{ id: string }>, id: string): Promise<Placement> {
  if (!entity.workflow) return publishedByTracker;
  const [row] = await tx
    .select()
    .from(entity.table)
    .where(and(eq(entity.table.id, id), versionAt(entity.table)));
  const found = row ? versioned(entity, row) : undefined;
  return found ? { status: found.status, organisation: found.organisation } : publishedByTracker;
}

/**
 * Checks a record as the next version of itself, writing nothing: what it refers to exists, it is measured like
 * what it belongs to and what belongs to it. A proposed correction is checked so when proposed and when published.
 */
export async function checkReplacement<R extends { id: string }>(tx: Db, entity: Entity<R>, record: R) {
  await checkReferences(tx, entity, [record]);
  await entity.check?.(tx, [record]);
  await entity.checkReplacement?.(tx, record);
}

/**
 * Records a new version of a record: the old one is closed, never changed. The workflow position stays as it was
 * unless `placement` moves it (a submission, a publication, an edit sending a submitted draft back).
 */
export async function replaceRecord<R extends { id: string }>(
  tx: Db,
  cs: ChangeSet,
  entity: Entity<R>,
  id: string,
  expectedVersion: number,
  record: R,
  placement?: Partial<Placement>,
): Promise<Versioned<R>> {
  if (record.id !== id)
    throw new LedgerError("REFERENCE_NOT_FOUND", "the id of a record cannot change", "id");
  const current = await lockExpected(tx, entity, id, expectedVersion);
  await checkReplacement(tx, entity, record);
  const next = { ...(await currentPlacement(tx, entity as Entity<{ id: string }>, id)), ...placement };
  await closeVersion(tx, entity.table, id, cs);
  const version = current.version + 1;
  await tx.insert(entity.table).values({
    ...entity.toRow(record),
    ...placementValues(entity as Entity<{ id: string }>, next),
    ...versionValues(cs, version),
  } as never);
  await refreshSeries(tx, cs, entity.name, [id]);
  return { record, version, retracted: false, recordedAt: cs.recordedAt, changeSet: cs.id, ...next };
}

/** Retracts a record: a new version marks it withdrawn; every earlier version stays readable. */
export async function retractRecord<R extends { id: string }>(
  tx: Db,
  cs: ChangeSet,
  entity: Entity<R>,
  id: string,
  expectedVersion: number,
): Promise<Versioned<R>> {
  const current = await lockExpected(tx, entity, id, expectedVersion);
  for (const dependent of entity.dependents) {
    const live = rowsOf<{ n: number }>(
      await tx.execute(
        sql`select count(*)::int as n from ${dependent.table}
            where ${sql.identifier(dependent.column)} = ${id} and ${visibleAt(dependent.table)}`,
      ),
    );
    const n = live[0]?.n ?? 0;
    if (n > 0) {
      throw new LedgerError(
        "HAS_DEPENDENTS",
        `${n} live ${dependent.entity} record(s) refer to it; retract them first`,
      );
    }
  }
  const [row] = await tx
    .select()
    .from(entity.table)
    .where(and(eq(entity.table.id, id), versionAt(entity.table)));
  if (!row) throw new LedgerError("NOT_FOUND", `no ${entity.name} "${id}"`);
  await closeVersion(tx, entity.table, id, cs);
  const version = current.version + 1;
  const { record, status, organisation } = versioned(entity, row);
  await tx.insert(entity.table).values({
    ...entity.toRow(record),
    ...placementValues(entity as Entity<{ id: string }>, { status, organisation }),
    ...versionValues(cs, version, true),
  } as never);
  await refreshSeries(tx, cs, entity.name, [id]);
  return {
    record,
    version,
    retracted: true,
    recordedAt: cs.recordedAt,
    changeSet: cs.id,
    status,
    organisation,
  };
}

/** A record as it stood at `asOf` (now if not given), retracted or not; undefined if it did not exist then. */
export async function getRecord<R extends { id: string }>(
  db: Db,
  entity: Entity<R>,
  id: string,
  asOf?: Date,
  visibility: Visibility = { drafts: "all" },
): Promise<Versioned<R> | undefined> {
  const [row] = await db
    .select()
    .from(entity.table)
    .where(
      and(
        eq(entity.table.id, id),
        versionAt(entity.table, asOf),
        visibilityCondition(entity as Entity<{ id: string }>, visibility),
      ),
    );
  return row ? versioned(entity, row) : undefined;
}

export interface Page<T> {
  items: T[];
  /** The cursor for the next page; null on the last one. */
  next: string | null;
}

/**
 * One page of the records visible at `asOf`, in id order, after the cursor (the last id of the previous page).
 * Id order is stable under inserts, so pages neither repeat nor skip.
 */
export async function listRecords<R extends { id: string }>(
  db: Db,
  entity: Entity<R>,
  options: {
    where?: SQL[] | undefined;
    asOf?: Date | undefined;
    after?: string | undefined;
    limit: number;
    visibility?: Visibility | undefined;
  },
): Promise<Page<Versioned<R>>> {
  const rows = await db
    .select()
    .from(entity.table)
    .where(
      and(
        visibleAt(entity.table, options.asOf),
        visibilityCondition(entity as Entity<{ id: string }>, options.visibility ?? publicVisibility),
        options.after === undefined ? undefined : gt(entity.table.id, options.after),
        ...(options.where ?? []),
      ),
    )
    .orderBy(asc(entity.table.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit).map((row) => versioned(entity, row));
  return { items, next: rows.length > options.limit ? (items.at(-1)?.record.id ?? null) : null };
}

/** How many records `listRecords` would list under the same conditions, over all its pages. */
export async function countRecords<R extends { id: string }>(
  db: Db,
  entity: Entity<R>,
  options: { where?: SQL[] | undefined; asOf?: Date | undefined; visibility?: Visibility | undefined },
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(entity.table)
    .where(
      and(
        visibleAt(entity.table, options.asOf),
        visibilityCondition(entity as Entity<{ id: string }>, options.visibility ?? publicVisibility),
        ...(options.where ?? []),
      ),
    );
  return row?.n ?? 0;
}

/** Every record visible at `asOf` matching the conditions, for small sets (an agreement's provisions). */
export async function allRecords<R extends { id: string }>(
  db: Db,
  entity: Entity<R>,
  where: SQL[],
  asOf?: Date,
  visibility: Visibility = publicVisibility,
): Promise<Versioned<R>[]> {
  const rows = await db
    .select()
    .from(entity.table)
    .where(
      and(
        visibleAt(entity.table, asOf),
        visibilityCondition(entity as Entity<{ id: string }>, visibility),
        ...where,
      ),
    )
    .orderBy(asc(entity.table.id));
  return rows.map((row) => versioned(entity, row));
}
