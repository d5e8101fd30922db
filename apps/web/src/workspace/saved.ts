import type { WorkflowStatus } from "@commitments/core/access";

/** The three kinds of record a ministry keeps, each with its own collection in the API. */
export type RecordKind = "commitment" | "tranche" | "event";

/**
 * What a write answers, as far as the workspace reads it: which record, at which version, in what status; for a
 * change of a published record, the proposal it became (the record itself is unchanged until it is published).
 */
export interface Saved {
  kind: RecordKind;
  id: string;
  version: number;
  status: WorkflowStatus;
  proposal?: string;
  /** What a new promise saved with its commitment: the stage its amount was recorded at, and its instalments. */
  parts?: { stage: "committed" | "pledged" | "none" | null; instalments: number };
}

/** A record as a write left it: which, at which version, in what status. */
export interface RecordState {
  id: string;
  version: number;
  status: WorkflowStatus;
}

/** The `data` of a write's answer: a tranche or event, a commitment with its parts, or a proposal. */
export type WriteAnswer = RecordState | { commitment: RecordState } | { id: string; target: { id: string } };

/**
 * A write's answer as `Saved`: the record as saved (201, 200: `{ data: record }`, a commitment's under
 * `data.commitment`; a tranche's or event's `commitment` is only the id of the one it belongs to), or for a change
 * of a published record the proposal it became (202: `{ data: proposal }`).
 */
export function savedOf(
  kind: RecordKind,
  status: number,
  existing: RecordState | undefined,
  data: WriteAnswer,
): Saved {
  if (status === 202) return proposedSave(kind, existing, data as { id: string; target: { id: string } });
  const record =
    kind === "commitment" ? (data as { commitment: RecordState }).commitment : (data as RecordState);
  return { kind, id: record.id, version: record.version, status: record.status };
}

/** A change of a published record answered 202: the record is as it was; the proposal waits for the approver. */
function proposedSave(
  kind: RecordKind,
  existing: { version: number; status: WorkflowStatus } | undefined,
  proposal: { id: string; target: { id: string } },
): Saved {
  return {
    kind,
    id: proposal.target.id,
    version: existing?.version ?? 1,
    status: existing?.status ?? "published",
    proposal: proposal.id,
  };
}
