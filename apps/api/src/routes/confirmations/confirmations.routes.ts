import { Confirmation, Slug } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireSignIn } from "../../lib/auth/authorise.ts";
import { writeSecurity } from "../../lib/auth/schemes.ts";
import { ErrorBody } from "../../lib/errors.ts";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";
import { ConfirmationView } from "../../lib/remarks.ts";
import { AsOfQuery, PageInfo, PageQuery, ReadMeta } from "../../lib/representation.ts";
import { IfMatchHeaders } from "../../lib/write-routes.ts";

export const listConfirmations = createRoute({
  method: "get",
  path: "/v1/confirmations",
  tags: ["Confirmations"],
  summary: "The recipient's confirmations that deliveries arrived",
  request: { query: z.object({ event: Slug.optional(), ...AsOfQuery, ...PageQuery }).strict() },
  responses: {
    200: json(
      z.object({ data: z.array(ConfirmationView), page: PageInfo, meta: ReadMeta }),
      "Confirmations, in id order.",
    ),
    ...errorResponses,
  },
});

export const ConfirmationCreate = z
  .object({
    received: Confirmation.shape.received,
    note: Confirmation.shape.note,
    sources: Confirmation.shape.sources,
  })
  .strict()
  .openapi("ConfirmationCreate");

export const confirmDelivery = createRoute({
  method: "post",
  path: "/v1/events/{id}/confirmations",
  tags: ["Confirmations"],
  summary: "Confirm a delivery as received (the recipient's verifiers)",
  description:
    "Confirms the version of the delivery event named by If-Match, and raises its confidence to confirmed_by_recipient in the same change set. To say a delivery did not arrive as recorded, open a dispute instead.",
  security: writeSecurity,
  middleware: [requireSignIn] as const,
  request: {
    params: z.object({ id: Slug }),
    headers: IfMatchHeaders,
    body: { ...json(ConfirmationCreate, "When it was received, and any note or source."), required: true },
  },
  responses: {
    201: json(z.object({ data: ConfirmationView, meta: ReadMeta }), "The confirmation."),
    ...notFoundResponse,
    401: json(ErrorBody, "Not signed in, or the API token is unknown, expired or revoked."),
    403: json(ErrorBody, "Only the recipient's verifiers confirm receipt."),
    409: json(ErrorBody, "The event is not a published delivery."),
    412: json(ErrorBody, "If-Match names a version of the event that is no longer current."),
    428: json(ErrorBody, "If-Match is missing: confirm the version you read."),
    ...errorResponses,
  },
});
