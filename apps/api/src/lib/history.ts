import {
  maySee,
  type ProposalTargetKind,
  proposalTargetKinds,
  type RecordRef,
  remarkTargetKinds,
} from "@commitments/core";
import {
  diff,
  getRecord,
  type HistoryEntry,
  isVisible,
  proposalsOn,
  recordHistory,
  remarkHistory,
} from "@commitments/db";
import type { Context } from "hono";
import { visibilityOf } from "./auth/visibility.ts";
import type { AppEnv } from "./context.ts";
import { ApiError } from "./errors.ts";
import { canonicalJson } from "./idempotency.ts";
import type { LedgerResource } from "./ledger-resource.ts";
import { proposalViews } from "./proposal-views.ts";

/**
 * Every version of a record the caller may see, oldest first, and for each field its successive values with the
 * version that brought each in: the record's whole story, readable field by field. The public, and any other
 * organisation, see the published versions only — a draft's earlier wording, and who edited it, stay with the
 * organisation that wrote it (and the tracker's administrators). Disputes, confirmations and annotations of the
 * record follow with their own versions, and the proposals to change it the caller may see (published ones for
 * everyone; the proposing organisation's own, whatever became of them).
 */
export async function historyOf<R extends { id: string }>(
  c: Context<AppEnv>,
  resource: LedgerResource<R, never, unknown>,
  id: string,
) {
  const db = c.get("db");
  const principal = c.get("principal");
  const visibility = visibilityOf(principal);
  const now = await getRecord(db, resource.entity, id, undefined, visibility);
  if (!now) throw new ApiError("NOT_FOUND", `No ${resource.noun} with id "${id}"`);
  const all = await recordHistory(db, resource.entity, id);
  const entries = await recordHistory(db, resource.entity, id, (version) => isVisible(version, visibility));
  const names = [...new Set(entries.flatMap((e) => Object.keys(e.record)))];
  const fields: Record<string, { value: unknown; version: number; recordedAt: string }[]> =
    Object.fromEntries(names.map((name) => [name, []]));
  for (const entry of entries) {
    // A retraction repeats the data of the version it withdraws; no field changes with it.
    if (entry.action === "retract") continue;
    for (const name of names) {
      const value = (entry.record as Record<string, unknown>)[name] ?? null;
      const values = fields[name] ?? [];
      const last = values.at(-1);
      if (last ? canonicalJson(last.value) === canonicalJson(value) : value === null) continue;
      values.push({ value, version: entry.version, recordedAt: entry.recordedAt.toISOString() });
    }
  }
  const kind = resource.entity.name;
  const remarks = remarkTargetKinds.includes(kind as RecordRef["kind"])
    ? await remarkHistory(db, { kind: kind as RecordRef["kind"], id })
    : [];
  const proposed = proposalTargetKinds.includes(kind as ProposalTargetKind)
    ? (await proposalsOn(db, { kind: kind as ProposalTargetKind, id })).items.filter((p) =>
        maySee(principal?.actor ?? null, p.record),
      )
    : [];
  const base = (version: number) => all.find((e) => e.version === version)?.record ?? {};
  return {
    data: {
      id,
      versions: entries.map((e) => ({ ...historyEntry(e), status: e.status, record: e.record })),
      fields,
      remarks: remarks.map(({ kind, entry }) => ({
        kind,
        id: entry.record.id,
        ...historyEntry(entry),
        record: entry.record,
      })),
      proposals: (await proposalViews(db, proposed)).map((p) => ({
        ...p,
        // What it changes of the version it was based on (a published one, so the caller may see it).
        changes: p.record ? diff(base(p.baseVersion), p.record) : [],
      })),
    },
  };
}

function historyEntry(e: HistoryEntry<unknown>) {
  return {
    version: e.version,
    action: e.action,
    recordedAt: e.recordedAt.toISOString(),
    supersededAt: e.supersededAt?.toISOString() ?? null,
    actor: e.actor,
    origin: e.origin,
    reason: e.reason,
    changeSet: e.changeSet,
    changes: e.changes,
    proposal: e.proposal,
  };
}
