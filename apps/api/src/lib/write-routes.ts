import { Slug, WorkflowStatus } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireSignIn } from "./auth/authorise.ts";
import { writeSecurity } from "./auth/schemes.ts";
import { ErrorBody } from "./errors.ts";
import { IdempotencyHeaders } from "./idempotency.ts";
import { errorResponses, json, notFoundResponse } from "./openapi.ts";
import { ProposalView } from "./proposal-views.ts";
import { ReadMeta } from "./representation.ts";

/** Why a change was made: recorded on its change set and shown in the record's history. */
export const Reason = z.string().trim().min(3).max(2000).openapi({
  description: "Why: recorded on the change set and shown in the record's history.",
  example: "The donor corrected the figure in its second report",
});

export const IfMatchHeaders = z.object({
  "if-match": z
    .string()
    .regex(
      /^"([1-9]\d{0,8}|v\d{1,15}-[A-Za-z0-9_-]{22})"$/,
      'expected the ETag of the version you read, e.g. "3"',
    )
    .optional()
    .openapi({
      description:
        'The ETag of what the change is based on: the record\'s version ("3", a signed-in read\'s ETag) or a public read\'s ETag ("v42-…", current if the record is unchanged since dataset version 42). Required: 428 without it, 412 if stale.',
      example: '"1"',
    }),
});

/** Of a record schema's output, the fields an update may set: all but the id; null clears an optional one. */
export type Settable<R> = {
  [K in Exclude<keyof R, "id">]?: undefined extends R[K] ? R[K] | null : R[K];
};

/**
 * The `set` of an update, from a record schema's fields: every field optional, none with a default (a default
 * would quietly reset a field the update did not mention), unknown fields refused (no mass assignment).
 */
export function settable<S extends z.ZodObject>(record: S, name: string) {
  const fields = Object.fromEntries(
    Object.entries(record.shape)
      .filter(([field]) => field !== "id")
      .map(([field, schema]) => {
        const bare = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
        const inner = bare instanceof z.ZodOptional ? (bare.unwrap() as z.ZodType) : undefined;
        return [field, inner ? inner.nullable().optional() : bare.optional()];
      }),
  );
  return z
    .object(fields)
    .strict()
    .refine((set) => Object.keys(set).length > 0, "set at least one field")
    .openapi(name, {
      description:
        "The fields to change, each replaced whole; null removes an optional field. The id never changes.",
    }) as unknown as z.ZodType<Settable<z.output<S>>>;
}

/** One version in a history: who made it, when, why, and what it changed. */
const HistoryVersion = {
  version: z.number().int().positive(),
  action: z.enum(["create", "update", "retract", "submit", "publish", "return"]),
  recordedAt: z.iso.datetime(),
  supersededAt: z.iso.datetime().nullable(),
  actor: z.string(),
  origin: z.string(),
  reason: z.string().nullable(),
  changeSet: z.number().int(),
  proposal: z.string().nullable().openapi({
    description:
      "The proposal this version published, when a ministry's approver applied one (see proposals).",
  }),
};

const Change = z
  .object({ field: z.string(), before: z.unknown(), after: z.unknown() })
  .openapi("FieldChange");
const FieldValue = z
  .object({ value: z.unknown(), version: z.number().int(), recordedAt: z.iso.datetime() })
  .openapi("FieldValue");

const refusals = {
  401: json(ErrorBody, "Not signed in, or the API token is unknown, expired or revoked."),
  403: json(
    ErrorBody,
    "Your role may not do this to this record (another donor's, a field your role may not set, or a missing CSRF token); nothing was written.",
  ),
  429: json(ErrorBody, "Too many requests with this token; Retry-After says when to try again."),
  415: json(ErrorBody, "The body is not JSON."),
  422: json(
    ErrorBody,
    "The record refers to something that does not exist, or is measured unlike its parent.",
  ),
};
/** A ministry's change of a published record: kept as a proposal for its approver; the record is unchanged. */
const proposed = {
  202: json(
    z.object({ data: ProposalView, meta: ReadMeta }),
    "A ministry's change of a published record is a proposal, published only by its own approver (POST /v1/proposals/{id}/status); the public sees the record as published until then. Location names the proposal.",
  ),
};

const preconditions = {
  409: json(ErrorBody, "The record was retracted, or live records still refer to it."),
  412: json(ErrorBody, "If-Match names a version that is no longer current; nothing was written."),
  428: json(ErrorBody, "If-Match is missing: read the record first and send its ETag."),
};

/**
 * The write routes and the history of one kind of ledger record: create, update, retract and history. There is
 * no route that deletes a record or alters its history.
 */
export function ledgerRoutes<
  P extends string,
  Id extends z.ZodType,
  Create extends z.ZodType,
  Set extends z.ZodType,
  View extends z.ZodType,
  Rec extends z.ZodType,
>(o: { path: P; tag: string; noun: string; id: Id; create: Create; set: Set; view: View; record: Rec }) {
  const params = z.object({ id: o.id });
  const written = z.object({ data: o.view, meta: ReadMeta });
  return {
    create: createRoute({
      method: "post",
      path: o.path,
      tags: [o.tag],
      summary: `Record a new ${o.noun}`,
      description: "The id may be omitted: one is made from the record's words and a random suffix.",
      security: writeSecurity,
      middleware: [requireSignIn] as const,
      request: {
        headers: IdempotencyHeaders,
        body: { ...json(o.create, `The ${o.noun}, and optionally why it is recorded.`), required: true },
      },
      responses: {
        201: json(written, `The new ${o.noun}; Location and ETag name it and its version.`),
        409: json(ErrorBody, "The id is taken: ids are never reused, even after a retraction."),
        ...refusals,
        ...errorResponses,
      },
    }),
    update: createRoute({
      method: "patch",
      path: `${o.path}/{id}` as `${P}/{id}`,
      tags: [o.tag],
      summary: `Correct a ${o.noun}, giving the reason`,
      description:
        "Records a new version; the old one stays readable in the history. A ministry's correction of a published record becomes a proposal for its own approver (202). A record you may not see answers 404, as one that does not exist.",
      security: writeSecurity,
      middleware: [requireSignIn] as const,
      request: {
        params,
        headers: IfMatchHeaders,
        body: {
          ...json(z.object({ set: o.set, reason: Reason }).strict(), "What to change and why."),
          required: true,
        },
      },
      responses: {
        200: json(written, `The ${o.noun} as corrected, with its new ETag.`),
        ...proposed,
        ...notFoundResponse,
        ...preconditions,
        ...refusals,
        ...errorResponses,
      },
    }),
    retract: createRoute({
      method: "post",
      path: `${o.path}/{id}/retract` as `${P}/{id}/retract`,
      tags: [o.tag],
      summary: `Retract a ${o.noun}, giving the reason`,
      description:
        "Withdraws the record from lists; every earlier version stays readable. A ministry's retraction of a published record becomes a proposal for its own approver (202).",
      security: writeSecurity,
      middleware: [requireSignIn] as const,
      request: {
        params,
        headers: IfMatchHeaders,
        body: { ...json(z.object({ reason: Reason }).strict(), "Why it is retracted."), required: true },
      },
      responses: {
        200: json(written, `The ${o.noun} as retracted.`),
        ...proposed,
        ...notFoundResponse,
        ...preconditions,
        ...refusals,
        ...errorResponses,
      },
    }),
    history: createRoute({
      method: "get",
      path: `${o.path}/{id}/history` as `${P}/{id}/history`,
      tags: [o.tag],
      summary: `Every version of a ${o.noun}: who, when, why and what changed`,
      description:
        "The public, and other organisations, see the published versions only; the organisation that wrote a draft (and the tracker's administrators) see its every version.",
      request: { params },
      responses: {
        200: json(
          z.object({
            data: z.object({
              id: z.string(),
              versions: z.array(
                z.object({
                  ...HistoryVersion,
                  status: WorkflowStatus.describe("Where the version stood in its workflow."),
                  changes: z.array(Change),
                  record: o.record,
                }),
              ),
              fields: z.record(z.string(), z.array(FieldValue)).openapi({
                description:
                  "For each field, its successive values with the version and time each took effect (as OCDS versioned releases).",
              }),
              remarks: z
                .array(
                  z.object({
                    kind: z.enum(["dispute", "confirmation", "annotation"]),
                    id: z.string(),
                    ...HistoryVersion,
                    changes: z.array(Change),
                    record: z.record(z.string(), z.unknown()),
                  }),
                )
                .openapi({
                  description:
                    "Every version of the disputes, confirmations and annotations of the record, in order.",
                }),
              proposals: z.array(ProposalView.safeExtend({ changes: z.array(Change) })).openapi({
                description:
                  "Proposals to correct or retract the record that you may see: published ones for everyone, your own organisation's whatever became of them. `changes` compares each with the version it was based on.",
              }),
            }),
          }),
          "The versions, oldest first.",
        ),
        ...notFoundResponse,
        ...errorResponses,
      },
    }),
  };
}

/**
 * The workflow step of a ministry's record: submit a draft, publish or return a submitted one. Each step is a
 * version in the record's history.
 */
export function workflowRoute<P extends string, View extends z.ZodType>(o: {
  path: P;
  tag: string;
  noun: string;
  view: View;
}) {
  return createRoute({
    method: "post",
    path: `${o.path}/{id}/status` as `${P}/{id}/status`,
    tags: [o.tag],
    summary: `Submit, publish or return a ${o.noun}`,
    description:
      "draft → submitted (the ministry's editor) → published (its approver); an approver may return a submitted record to draft. Published records stay published: they are corrected with a reason.",
    security: writeSecurity,
    middleware: [requireSignIn] as const,
    request: {
      params: z.object({ id: Slug }),
      headers: IfMatchHeaders,
      body: {
        ...json(
          z.object({ status: WorkflowStatus, reason: Reason.optional() }).strict(),
          "The status to move to, and optionally why.",
        ),
        required: true,
      },
    },
    responses: {
      200: json(
        z.object({ data: o.view, meta: ReadMeta }),
        `The ${o.noun} in its new status, with its new ETag.`,
      ),
      ...notFoundResponse,
      ...preconditions,
      ...refusals,
      ...errorResponses,
    },
  });
}
