import type { Target } from "@commitments/core";
import {
  type ChangeSet,
  commitmentEntity,
  type Db,
  type Entity,
  getRecord,
  LedgerError,
  type Placement,
  type Versioned,
  type Visibility,
} from "@commitments/db";
import type { z } from "zod";
import { visibilityOf } from "./auth/visibility.ts";
import type { Principal } from "./context.ts";
import { ApiError, validationError } from "./errors.ts";

/**
 * Who may write a kind of record: the tracker's administrators only (reference data: parties, agreements,
 * provisions), or a ministry for its own donor's records (commitments, tranches, events), which then pass
 * draft → submitted → published.
 */
export type Access<R> =
  | { kind: "reference" }
  | {
      kind: "donor";
      /** The fields a ministry may set in a request; anything else is refused (no mass assignment). */
      fields: readonly string[];
      /**
       * The donor and recipient the record belongs to (a tranche's or event's through its commitment, as far as
       * `visibility` lets the writer see it: another organisation's draft commitment is no commitment to them).
       */
      target(tx: Db, record: R, visibility: Visibility): Promise<Target>;
    };

/**
 * The donor, recipient and source of a tranche or event: its commitment's, if the writer may see that commitment.
 * A publisher's figures are changed by its next release only: a ministry disputes them instead.
 */
export async function commitmentTarget(tx: Db, commitment: string, visibility: Visibility): Promise<Target> {
  const found = await getRecord(tx, commitmentEntity, commitment, undefined, visibility);
  if (!found || found.retracted)
    throw new LedgerError("REFERENCE_NOT_FOUND", `no commitment "${commitment}"`, "commitment");
  return {
    donor: found.record.donor,
    recipient: found.record.recipient,
    sourceDataset: found.record.sourceDataset,
  };
}

/** How the API writes and shows one kind of ledger record. */
export interface LedgerResource<R extends { id: string }, Body, View> {
  /** The record's name in messages: "agreement". */
  noun: string;
  access: Access<R>;
  /** Its collection: "/v1/agreements". */
  path: string;
  entity: Entity<R>;
  /** The core schema every version must satisfy: an update's merged record is checked against it. */
  schema: z.ZodType<R>;
  /** Writes what a create body describes, in the change set and workflow place; returns the new record's id. */
  create(tx: Db, cs: ChangeSet, body: Body, placement: Placement): Promise<string>;
  /** The representation GET answers with, as it stands now, and the version its ETag names. */
  view(db: Db, id: string): Promise<{ version: number; data: View } | undefined>;
}

/** A write's answer: the representation, and the change set it was recorded in. */
export interface Written<View> {
  data: View;
  meta: { datasetVersion: number; asOf: string };
}

/** A record assembled from a create body, checked against its core schema; failures name the body's fields. */
export function checked<T>(schema: z.ZodType<T>, record: unknown): T {
  const parsed = schema.safeParse(record);
  if (!parsed.success) throw validationError(parsed.error, "json");
  return parsed.data;
}

/** The change set of a write: who, through the API, and why. */
export function changeSetOf(principal: Principal, reason: string | undefined) {
  return {
    actor: principal.label,
    origin: "api" as const,
    reason,
    organisationId: principal.organisationId,
    userId: principal.userId,
    tokenId: principal.tokenId,
  };
}

/** The version an update is based on, from If-Match: one quoted version number. */
export function basedOn(ifMatch: string | undefined): number {
  if (ifMatch === undefined) {
    throw new ApiError(
      "PRECONDITION_REQUIRED",
      'If-Match is required: send the ETag you read, e.g. If-Match: "3"',
      [{ location: "header", path: "if-match", message: "missing" }],
    );
  }
  if (!/^"\d+"$/.test(ifMatch)) {
    throw new ApiError(
      "VALIDATION_FAILED",
      'If-Match names a version of this record here, e.g. If-Match: "3"',
      [{ location: "header", path: "if-match", message: "expected the record's version" }],
    );
  }
  return Number(ifMatch.slice(1, -1));
}

/**
 * The current version of a record the principal may see, or "not found": a record the principal may not see (a
 * draft of another organisation) answers exactly as one that does not exist, before anything is compared with it.
 */
export async function visibleRecord<R extends { id: string }>(
  tx: Db,
  principal: Principal,
  resource: LedgerResource<R, never, unknown>,
  id: string,
): Promise<Versioned<R>> {
  const found = await getRecord(tx, resource.entity, id, undefined, visibilityOf(principal));
  if (!found) throw new LedgerError("NOT_FOUND", `no ${resource.noun} "${id}"`);
  return found;
}

/**
 * What an update is based on: a record's version ("3", as a signed-in read's ETag names it), or the dataset
 * version a public read answered from (its ETag "v42-…"): the record is current if no change set after 42 touched it.
 */
export type Precondition = { version: number } | { datasetVersion: number };

/** The precondition of If-Match (already checked to be one of the two forms). */
export function precondition(ifMatch: string | undefined): Precondition {
  const dataset = ifMatch === undefined ? null : /^"v(\d+)-/.exec(ifMatch);
  return dataset ? { datasetVersion: Number(dataset[1]) } : { version: basedOn(ifMatch) };
}

/**
 * Checks, once the principal's authority is established, that If-Match still names the current version; the
 * version the write is based on.
 */
export function checkCurrent(
  resource: { noun: string },
  found: Versioned<{ id: string }>,
  expected: Precondition,
): number {
  const current =
    "version" in expected ? found.version === expected.version : found.changeSet <= expected.datasetVersion;
  if (!current) {
    throw new LedgerError(
      "VERSION_MISMATCH",
      "version" in expected
        ? `${resource.noun} "${found.record.id}" is at version ${found.version}, not ${expected.version}`
        : `${resource.noun} "${found.record.id}" was changed after dataset version ${expected.datasetVersion}`,
    );
  }
  if (found.retracted)
    throw new LedgerError("RETRACTED", `${resource.noun} "${found.record.id}" was retracted`);
  return found.version;
}

/** What `authorise` needs of a record: its donor and recipient, its workflow status and organisation. */
export async function targetOf<R extends { id: string }>(
  tx: Db,
  principal: Principal,
  access: Access<R>,
  record: R,
  placement: Placement,
): Promise<Target> {
  const target = access.kind === "donor" ? await access.target(tx, record, visibilityOf(principal)) : {};
  return { ...target, status: placement.status, organisation: placement.organisation ?? undefined };
}
