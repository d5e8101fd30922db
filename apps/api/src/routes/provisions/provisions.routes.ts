import { type ProvisionKind, ProvisionRecord, provisionKinds, Slug } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";
import { AsOfQuery, PageInfo, PageQuery, ReadMeta } from "../../lib/representation.ts";
import { ledgerRoutes, Reason, settable } from "../../lib/write-routes.ts";
import { ProvisionView } from "../../schemas/records.ts";

export const listProvisions = createRoute({
  method: "get",
  path: "/v1/provisions",
  tags: ["Provisions"],
  summary: "Provisions of agreements: consultation, assistance, mutual defence and the rest",
  request: {
    query: z
      .object({
        agreement: Slug.optional().openapi({ description: "Provisions of this agreement." }),
        kind: z.enum(provisionKinds as [ProvisionKind, ...ProvisionKind[]]).optional(),
        ...AsOfQuery,
        ...PageQuery,
      })
      .strict(),
  },
  responses: {
    200: json(
      z.object({ data: z.array(ProvisionView), page: PageInfo, meta: ReadMeta }),
      "The matching provisions, in id order.",
    ),
    ...errorResponses,
  },
});

export const getProvision = createRoute({
  method: "get",
  path: "/v1/provisions/{id}",
  tags: ["Provisions"],
  summary: "One provision",
  request: { params: z.object({ id: Slug }), query: z.object(AsOfQuery).strict() },
  responses: {
    200: json(z.object({ data: ProvisionView, meta: ReadMeta }), "The provision."),
    ...notFoundResponse,
    ...errorResponses,
  },
});

export const ProvisionCreate = z
  .object({ ...ProvisionRecord.shape, id: Slug.optional(), reason: Reason.optional() })
  .strict()
  .openapi("ProvisionCreate");

export const provisionWrites = ledgerRoutes({
  path: "/v1/provisions",
  tag: "Provisions",
  noun: "provision",
  id: Slug,
  create: ProvisionCreate,
  set: settable(ProvisionRecord, "ProvisionChanges"),
  view: ProvisionView,
  record: ProvisionRecord,
});
