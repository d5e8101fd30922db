import { Slug, TrancheRecord } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";
import { AsOfQuery, PageInfo, PageQuery, ReadMeta } from "../../lib/representation.ts";
import { ledgerRoutes, settable, workflowRoute } from "../../lib/write-routes.ts";
import { CommitmentFilters, DraftsQuery, TrancheCreate, TrancheView } from "../../schemas/records.ts";

export const listTranches = createRoute({
  method: "get",
  path: "/v1/tranches",
  tags: ["Tranches"],
  summary: "Planned instalments of commitments: how much is due by when",
  request: {
    query: z
      .object({
        commitment: Slug.optional().openapi({ description: "Tranches of this commitment." }),
        ...CommitmentFilters,
        ...DraftsQuery,
        ...AsOfQuery,
        ...PageQuery,
      })
      .strict(),
  },
  responses: {
    200: json(
      z.object({ data: z.array(TrancheView), page: PageInfo, meta: ReadMeta }),
      "The matching tranches, in id order.",
    ),
    ...errorResponses,
  },
});

export const getTranche = createRoute({
  method: "get",
  path: "/v1/tranches/{id}",
  tags: ["Tranches"],
  summary: "One tranche",
  request: { params: z.object({ id: Slug }), query: z.object({ ...AsOfQuery, ...DraftsQuery }).strict() },
  responses: {
    200: json(z.object({ data: TrancheView, meta: ReadMeta }), "The tranche."),
    ...notFoundResponse,
    ...errorResponses,
  },
});

export const trancheWrites = ledgerRoutes({
  path: "/v1/tranches",
  tag: "Tranches",
  noun: "tranche",
  id: Slug,
  create: TrancheCreate,
  set: settable(TrancheRecord, "TrancheChanges"),
  view: TrancheView,
  record: TrancheRecord,
});

export const trancheStatus = workflowRoute({
  path: "/v1/tranches",
  tag: "Tranches",
  noun: "tranche",
  view: TrancheView,
});
