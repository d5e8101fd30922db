import { CommitmentRecord, Slug } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";
import { AsOfQuery, PageInfo, PageQuery, ReadMeta } from "../../lib/representation.ts";
import { ledgerRoutes, settable, workflowRoute } from "../../lib/write-routes.ts";
import {
  CommitmentCreate,
  CommitmentDetail,
  CommitmentFilters,
  CommitmentView,
  DraftsQuery,
} from "../../schemas/records.ts";

export const listCommitments = createRoute({
  method: "get",
  path: "/v1/commitments",
  tags: ["Commitments"],
  summary: "Pledge lines: what was promised, by whom, under which agreement",
  request: { query: z.object({ ...CommitmentFilters, ...DraftsQuery, ...AsOfQuery, ...PageQuery }).strict() },
  responses: {
    200: json(
      z.object({ data: z.array(CommitmentView), page: PageInfo, meta: ReadMeta }),
      "The matching commitments, in id order.",
    ),
    ...errorResponses,
  },
});

export const getCommitment = createRoute({
  method: "get",
  path: "/v1/commitments/{id}",
  tags: ["Commitments"],
  summary: "One commitment with its schedule and its stage events",
  request: { params: z.object({ id: Slug }), query: z.object({ ...AsOfQuery, ...DraftsQuery }).strict() },
  responses: {
    200: json(
      z.object({ data: CommitmentDetail, meta: ReadMeta }),
      "The commitment, its tranches and its events.",
    ),
    ...notFoundResponse,
    ...errorResponses,
  },
});

export const commitmentWrites = ledgerRoutes({
  path: "/v1/commitments",
  tag: "Commitments",
  noun: "commitment",
  id: Slug,
  create: CommitmentCreate,
  set: settable(CommitmentRecord, "CommitmentChanges"),
  view: CommitmentDetail,
  record: CommitmentRecord,
});

export const commitmentStatus = workflowRoute({
  path: "/v1/commitments",
  tag: "Commitments",
  noun: "commitment",
  view: CommitmentDetail,
});
