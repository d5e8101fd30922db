import { CategoryId, Commitment, PartyId, Slug, StageEvent } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, listOf, notFoundResponse, one } from "../../lib/openapi.ts";

export const listCommitments = createRoute({
  method: "get",
  path: "/v1/commitments",
  tags: ["Commitments"],
  summary: "Pledge lines: what was promised, by whom, under which agreement",
  request: {
    query: z
      .object({
        donor: PartyId.optional(),
        agreement: Slug.optional(),
        category: CategoryId.optional().openapi({ description: "A category and everything under it." }),
      })
      .strict(),
  },
  responses: {
    200: json(listOf(Commitment), "The matching commitments."),
    ...errorResponses,
  },
});

export const CommitmentDetail = z
  .object({ commitment: Commitment, events: z.array(StageEvent) })
  .openapi("CommitmentDetail");

export const getCommitment = createRoute({
  method: "get",
  path: "/v1/commitments/{id}",
  tags: ["Commitments"],
  summary: "One commitment with its schedule and its stage events",
  request: { params: z.object({ id: Slug }) },
  responses: {
    200: json(one(CommitmentDetail), "The commitment and its events, oldest first."),
    ...notFoundResponse,
    ...errorResponses,
  },
});
