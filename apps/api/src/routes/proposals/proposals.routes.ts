import { ProposalStatus, proposalTargetKinds, Slug } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireSignIn } from "../../lib/auth/authorise.ts";
import { writeSecurity } from "../../lib/auth/schemes.ts";
import { ErrorBody } from "../../lib/errors.ts";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";
import { ProposalView } from "../../lib/proposal-views.ts";
import { PageInfo, PageQuery, ReadMeta } from "../../lib/representation.ts";
import { Reason } from "../../lib/write-routes.ts";

/*
 * Proposals: a ministry's corrections and retractions of published records, waiting for its own approver. They
 * are made by PATCH and POST …/retract on the record (answered 202); here they are listed, read with what they
 * would change, and published or returned.
 */

const signedIn = {
  401: json(ErrorBody, "Not signed in, or the API token is unknown, expired or revoked."),
};

export const listProposals = createRoute({
  method: "get",
  path: "/v1/proposals",
  tags: ["Proposals"],
  summary: "Your organisation's proposals: corrections and retractions of published records",
  description:
    "A ministry sees its own organisation's proposals (an approver, with status=submitted, what waits for it); the tracker's administrators every one.",
  security: writeSecurity,
  middleware: [requireSignIn] as const,
  request: {
    query: z
      .object({
        status: ProposalStatus.optional(),
        targetKind: z.enum(proposalTargetKinds).optional(),
        targetId: Slug.optional(),
        ...PageQuery,
      })
      .strict(),
  },
  responses: {
    200: json(
      z.object({ data: z.array(ProposalView), page: PageInfo, meta: ReadMeta }),
      "The proposals, in id order.",
    ),
    ...signedIn,
    ...errorResponses,
  },
});

const Change = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const ProposalDetail = z
  .object({
    proposal: ProposalView,
    published: z
      .object({
        version: z.number().int(),
        retracted: z.boolean(),
        record: z.record(z.string(), z.unknown()),
      })
      .openapi({ description: "The record as the public sees it now." }),
    changes: z.array(Change).openapi({
      description:
        "What publishing would change of the record as published now (a retraction changes no field: it withdraws the record).",
    }),
    current: z.boolean().openapi({
      description:
        "Whether the record is still at the proposal's base version: if not, publishing is refused (412); return it and propose again.",
    }),
  })
  .openapi("ProposalDetail");

export const getProposal = createRoute({
  method: "get",
  path: "/v1/proposals/{id}",
  tags: ["Proposals"],
  summary: "One proposal, with what it would change of the published record",
  description:
    "Published proposals are public; any other only the proposing organisation (and the tracker's administrators) may read: to anyone else it does not exist (404).",
  request: { params: z.object({ id: Slug }) },
  responses: {
    200: json(z.object({ data: ProposalDetail, meta: ReadMeta }), "The proposal and its diff."),
    ...notFoundResponse,
    ...errorResponses,
  },
});

export const decideProposal = createRoute({
  method: "post",
  path: "/v1/proposals/{id}/status",
  tags: ["Proposals"],
  summary: "Publish or return a proposal, giving the reason",
  description:
    "The proposing ministry's approver (a person: tokens never publish) publishes a submitted proposal, which becomes the record's next version (or its retraction) in a change set naming the approver and the proposer, or returns it. Refused (412) when the record changed since the proposal's base version.",
  security: writeSecurity,
  middleware: [requireSignIn] as const,
  request: {
    params: z.object({ id: Slug }),
    body: {
      ...json(
        z.object({ status: z.enum(["published", "returned"]), reason: Reason }).strict(),
        "The decision, and why: kept with the proposal and shown in the record's history.",
      ),
      required: true,
    },
  },
  responses: {
    200: json(z.object({ data: ProposalView, meta: ReadMeta }), "The proposal as decided."),
    ...notFoundResponse,
    ...signedIn,
    403: json(ErrorBody, "Only the proposing ministry's approver decides it; nothing was written."),
    409: json(
      ErrorBody,
      "The proposal was decided already, or live records still refer to a record it retracts.",
    ),
    412: json(
      ErrorBody,
      "The record changed since the proposal's base version: return it, and propose again.",
    ),
    415: json(ErrorBody, "The body is not JSON."),
    422: json(ErrorBody, "The corrected record no longer holds against the ledger (a reference is gone)."),
    429: json(ErrorBody, "Too many requests with this token; Retry-After says when to try again."),
    ...errorResponses,
  },
});
