import { asc, eq } from "drizzle-orm";
import type { Db } from "./client.ts";
import type { Entity } from "./entities.ts";
import { type Versioned, versioned } from "./records.ts";
import { changeSets } from "./schema.ts";

/*
 * A record's story: every version in order, with who made it, why, and what each changed. A reader may be shown
 * only some versions (the public, a draft's published ones); what they may not see appears nowhere in it.
 */

export interface HistoryEntry<R> extends Versioned<R> {
  /** What the version did; a workflow step changes the status only. */
  action: "create" | "update" | "retract" | "submit" | "publish" | "return";
  actor: string;
  origin: string;
  reason: string | null;
  /** Until when this version was the current one; null while it still is. */
  supersededAt: Date | null;
  /** The top-level fields this version changed, with their values before and after. */
  changes: { field: string; before: unknown; after: unknown }[];
  /** The proposal this version published, when a ministry's approver applied one. */
  proposal: string | null;
}

/**
 * Every version of a record, oldest first, with who made it, why, and what changed. With `shown`, only the
 * versions it keeps are listed, and each one's changes are counted from the last version listed before it: what
 * a reader may not see (a draft's earlier wording) appears neither as a version nor as a "before".
 */
export async function recordHistory<R extends { id: string }>(
  db: Db,
  entity: Entity<R>,
  id: string,
  shown: (version: Versioned<R>) => boolean = () => true,
): Promise<HistoryEntry<R>[]> {
  const rows = await db
    .select({ version: entity.table, changeSet: changeSets })
    .from(entity.table)
    .innerJoin(changeSets, eq(changeSets.id, entity.table.changeSetId))
    .where(eq(entity.table.id, id))
    .orderBy(asc(entity.table.version));
  // The version before, for what a version did; the version listed before, for what it changed.
  let previous: Versioned<R> | undefined;
  let listed: Versioned<R> | undefined;
  const entries: HistoryEntry<R>[] = [];
  for (const { version: row, changeSet } of rows) {
    const entry = versioned(entity, row as Record<string, unknown>);
    const action = entry.version === 1 ? "create" : entry.retracted ? "retract" : actionOf(previous, entry);
    previous = entry;
    if (!shown(entry)) continue;
    const changes = diff(listed?.record, entry.record);
    if (entity.workflow && listed && listed.status !== entry.status) {
      changes.push({ field: "status", before: listed.status, after: entry.status });
    }
    listed = entry;
    const proposal = changeSet.metadata?.proposal;
    entries.push({
      ...entry,
      action,
      actor: changeSet.actor,
      origin: changeSet.origin,
      reason: changeSet.reason,
      supersededAt: ((row as Record<string, unknown>).validTo as Date | null) ?? null,
      changes: action === "retract" ? [] : changes,
      proposal: typeof proposal === "string" ? proposal : null,
    });
  }
  return entries;
}

/** A version that changed nothing but the status is a workflow step, named by where it took the record. */
function actionOf<R>(before: Versioned<R> | undefined, after: Versioned<R>): HistoryEntry<R>["action"] {
  if (
    !before ||
    before.status === after.status ||
    diff(before.record as object, after.record as object).length
  )
    return "update";
  if (after.status === "submitted") return "submit";
  return after.status === "published" ? "publish" : "return";
}

/** The top-level fields that differ between two versions of a record, with their values before and after. */
export function diff(before: object | undefined, after: object): HistoryEntry<unknown>["changes"] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const changes: HistoryEntry<unknown>["changes"] = [];
  for (const field of fields) {
    const was = (before as Record<string, unknown> | undefined)?.[field];
    const is = (after as Record<string, unknown>)[field];
    if (JSON.stringify(was) !== JSON.stringify(is))
      changes.push({ field, before: was ?? null, after: is ?? null });
  }
  return changes;
}
