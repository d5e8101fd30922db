import type { Source, SourceDataset } from "@commitments/core";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../entities.ts";
import type { ChangeSet } from "../ledger.ts";
import type { Placement } from "../records.ts";
import { differs, inRelease } from "./checks.ts";
import { columnsOf, entityOf } from "./stage.ts";
import { id, list } from "./staging.ts";
import type { ImportCounts, Kind, Release } from "./types.ts";

/*
 * A publisher's release over its earlier one, planned while checking (so a dry run says what it would change) and
 * written in the import's change set, whose reason is the release:
 * 1. corrections: each record of the dataset the file holds with other values gets a new version with the file's
 *    values and citations (a retracted one the release lists again is restored the same way); a record that differs
 *    only in its citation (the new release's label and row) is the same figure, left as it is;
 * 2. retractions: each current record of the dataset the release no longer carries — an event or tranche of a
 *    commitment the file holds, or, for a whole dataset, a commitment an earlier import of the same kind wrote,
 *    with its events and tranches — gets a retracted version.
 * Unchanged records are not touched.
 */

const ledgerKinds = ["commitments", "tranches", "events"] as const;
type LedgerKind = (typeof ledgerKinds)[number];
type Versions = { id: string; version: number }[];

export interface ReleasePlan {
  /** The current versions the release replaces with its values, per kind. */
  changed: Record<LedgerKind, Versions>;
  /** The current versions it no longer carries, to be retracted. */
  retracted: Record<LedgerKind, Versions>;
}

export async function planRelease(
  tx: Db,
  tables: Record<Kind, string>,
  dataset: SourceDataset,
  release: Release,
): Promise<ReleasePlan> {
  const current = (kind: LedgerKind, where: SQL) =>
    tx
      .execute(sql`select l.id, l.version from ${entityOf[kind].table} l
        where l.valid_to is null and ${inRelease(kind, dataset)} and ${where}`)
      .then((result) => rowsOf<{ id: string; version: number }>(result));
  const staged = (kind: LedgerKind) => id(tables[kind]);
  const plan: ReleasePlan = {
    changed: { commitments: [], tranches: [], events: [] },
    retracted: { commitments: [], tranches: [], events: [] },
  };
  for (const kind of ledgerKinds) {
    plan.changed[kind] = await current(
      kind,
      sql`exists (select 1 from ${staged(kind)} s where s.id = l.id and (l.retracted or ${differs(kind, { citations: false })} <> ''))`,
    );
  }
  if (release.whole) {
    const { format, recipient } = release.whole;
    plan.retracted.commitments = await current(
      "commitments",
      sql`not l.retracted and not exists (select 1 from ${staged("commitments")} s where s.id = l.id)
        ${recipient === undefined ? sql`` : sql`and l.recipient = ${recipient}`}
        and exists (select 1 from commitments first join change_sets cs on cs.id = first.change_set_id
          where first.id = l.id and first.version = 1 and cs.metadata->>'format' = ${format})`,
    );
  }
  const gone = JSON.stringify(plan.retracted.commitments.map((c) => c.id));
  for (const kind of ["tranches", "events"] as const) {
    plan.retracted[kind] = await current(
      kind,
      sql`not l.retracted and not exists (select 1 from ${staged(kind)} s where s.id = l.id)
        and (exists (select 1 from ${staged("commitments")} s where s.id = l.commitment_id)
          or l.commitment_id in (select jsonb_array_elements_text(${gone}::jsonb)))`,
    );
  }
  return plan;
}

/** The report's counts with what the release corrects and retracts. */
export function withRelease(counts: ImportCounts, plan: ReleasePlan | null): ImportCounts {
  if (!plan) return counts;
  const out = { ...counts };
  for (const kind of ledgerKinds) {
    out[kind] = { ...out[kind], changed: plan.changed[kind].length, retracted: plan.retracted[kind].length };
  }
  return out;
}

/** The change set's reason for a release: its label, or what the file's first record cites. */
export async function releaseReason(
  tx: Db,
  tables: Record<Kind, string>,
  release: Release,
  fileName: string,
): Promise<string> {
  if (typeof release.label === "string") return release.label;
  const [first] = rowsOf<{ sources: Source[] }>(
    await tx.execute(sql`select sources from ${id(tables.commitments)} order by source_row limit 1`),
  );
  const source = first?.sources[0];
  if (!source) return `import of ${fileName}`;
  if (release.label) return release.label(source);
  return [source.publisher, source.title, source.published].filter(Boolean).join(", ");
}

/** Writes a planned release: commitments first, so their events' versions follow theirs in the same change set. */
export async function writeRelease(
  tx: Db,
  cs: ChangeSet,
  tables: Record<Kind, string>,
  plan: ReleasePlan,
  placement: Placement,
): Promise<void> {
  for (const kind of ledgerKinds) {
    const { table } = entityOf[kind];
    const names = columnsOf[kind].map((c) => c.name);
    const changed = JSON.stringify(plan.changed[kind]);
    const retracted = JSON.stringify(plan.retracted[kind]);
    const at = sql`${cs.recordedAt.toISOString()}::timestamptz`;
    if (plan.changed[kind].length > 0) {
      await close(tx, kind, changed, at);
      await tx.execute(sql`insert into ${table} (${list(names)}, version, change_set_id, valid_from, valid_to,
          retracted, status, organisation_id)
        select ${list(names, "s")}, c.version + 1, ${cs.id}::bigint, ${at}, null, false,
          ${placement.status}::text, ${placement.organisation}::text
        from ${id(tables[kind])} s join jsonb_to_recordset(${changed}::jsonb) as c(id text, version int)
          on c.id = s.id`);
    }
    if (plan.retracted[kind].length > 0) {
      await close(tx, kind, retracted, at);
      await tx.execute(sql`insert into ${table} (${list(names)}, version, change_set_id, valid_from, valid_to,
          retracted, status, organisation_id)
        select ${list(names, "l")}, l.version + 1, ${cs.id}::bigint, ${at}, null, true, l.status, l.organisation_id
        from ${table} l join jsonb_to_recordset(${retracted}::jsonb) as c(id text, version int)
          on c.id = l.id and c.version = l.version`);
    }
  }
}

/** Closes the listed current versions at the change set's time. */
async function close(tx: Db, kind: LedgerKind, versions: string, at: SQL): Promise<void> {
  await tx.execute(sql`update ${entityOf[kind].table} l set valid_to = ${at}
    from jsonb_to_recordset(${versions}::jsonb) as c(id text, version int)
    where l.id = c.id and l.version = c.version and l.valid_to is null`);
}

/** The ids a release wrote new versions of, for the series: corrected and retracted events, corrected commitments. */
export function releasedIds(plan: ReleasePlan): { events: string[]; commitments: string[] } {
  return {
    events: [...plan.changed.events, ...plan.retracted.events].map((e) => e.id),
    commitments: [...plan.changed.commitments, ...plan.retracted.commitments].map((c) => c.id),
  };
}
