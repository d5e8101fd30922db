import { Dispute, DisputeStatus, RecordRef, remarkTargetKinds, Slug } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireSignIn } from "../../lib/auth/authorise.ts";
import { writeSecurity } from "../../lib/auth/schemes.ts";
import { ErrorBody } from "../../lib/errors.ts";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";
import { DisputeView } from "../../lib/remarks.ts";
import { AsOfQuery, PageInfo, PageQuery, ReadMeta } from "../../lib/representation.ts";
import { IfMatchHeaders, Reason } from "../../lib/write-routes.ts";

const refusals = {
  401: json(ErrorBody, "Not signed in, or the API token is unknown, expired or revoked."),
  403: json(ErrorBody, "Your role may not do this; nothing was written."),
  409: json(ErrorBody, "The dispute is no longer open, or the record is not published."),
  412: json(ErrorBody, "If-Match names a version that is no longer current."),
  422: json(ErrorBody, "The disputed record does not exist, or the figure is measured unlike it."),
  428: json(ErrorBody, "If-Match is missing."),
};

export const listDisputes = createRoute({
  method: "get",
  path: "/v1/disputes",
  tags: ["Disputes"],
  summary: "Disputes: another organisation's figure and source for a record",
  request: {
    query: z
      .object({
        targetKind: z.enum(remarkTargetKinds).optional(),
        targetId: Slug.optional(),
        status: DisputeStatus.optional(),
        ...AsOfQuery,
        ...PageQuery,
      })
      .strict(),
  },
  responses: {
    200: json(
      z.object({ data: z.array(DisputeView), page: PageInfo, meta: ReadMeta }),
      "Disputes, in id order.",
    ),
    ...errorResponses,
  },
});

export const getDispute = createRoute({
  method: "get",
  path: "/v1/disputes/{id}",
  tags: ["Disputes"],
  summary: "One dispute",
  request: { params: z.object({ id: Slug }), query: z.object(AsOfQuery).strict() },
  responses: {
    200: json(z.object({ data: DisputeView, meta: ReadMeta }), "The dispute."),
    ...notFoundResponse,
    ...errorResponses,
  },
});

export const DisputeOpen = z
  .object({
    id: Slug.optional(),
    target: RecordRef,
    statement: Dispute.shape.statement,
    figure: Dispute.shape.figure,
    sources: Dispute.shape.sources,
  })
  .strict()
  .openapi("DisputeOpen", {
    description: "What is disputed, why, the disputing organisation's own figure if any, and its sources.",
  });

export const openDispute = createRoute({
  method: "post",
  path: "/v1/disputes",
  tags: ["Disputes"],
  summary: "Dispute a published record, with your own figure and sources",
  security: writeSecurity,
  middleware: [requireSignIn] as const,
  request: { body: { ...json(DisputeOpen, "The dispute."), required: true } },
  responses: {
    201: json(z.object({ data: DisputeView, meta: ReadMeta }), "The dispute, open."),
    ...refusals,
    ...errorResponses,
  },
});

const closing = (summary: string, body: z.ZodType, path: "resolve" | "withdraw") =>
  createRoute({
    method: "post",
    path: `/v1/disputes/{id}/${path}`,
    tags: ["Disputes"],
    summary,
    security: writeSecurity,
    middleware: [requireSignIn] as const,
    request: {
      params: z.object({ id: Slug }),
      headers: IfMatchHeaders,
      body: { ...json(body, "How it ends, and why."), required: true },
    },
    responses: {
      200: json(z.object({ data: DisputeView, meta: ReadMeta }), "The dispute, closed."),
      ...notFoundResponse,
      ...refusals,
      ...errorResponses,
    },
  });

export const resolveDispute = closing(
  "Resolve a dispute: upheld (the record should be corrected) or rejected — administrators",
  z
    .object({ outcome: z.enum(["upheld", "rejected"]), resolution: Reason })
    .strict()
    .openapi("DisputeResolution"),
  "resolve",
);
export const withdrawDispute = closing(
  "Withdraw your organisation's dispute",
  z.object({ resolution: Reason }).strict().openapi("DisputeWithdrawal"),
  "withdraw",
);
