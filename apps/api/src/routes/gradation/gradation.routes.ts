import { GuaranteeAttributes } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, one } from "../../lib/openapi.ts";
import { Classification, TierDefinition } from "../../schemas/gradation.ts";

export const getGradation = createRoute({
  method: "get",
  path: "/v1/gradation",
  tags: ["Gradation"],
  summary: "Table 1: the tiers of security guarantees and their fifteen instrument types",
  responses: {
    200: json(one(z.object({ tiers: z.array(TierDefinition) })), "The ladder, from soft to hard."),
    ...errorResponses,
  },
});

export const classify = createRoute({
  method: "post",
  path: "/v1/gradation/classify",
  tags: ["Gradation"],
  summary: "Place an instrument on Table 1 from what it establishes, with the reasons",
  request: {
    body: { content: { "application/json": { schema: GuaranteeAttributes } }, required: true },
  },
  responses: {
    200: json(one(Classification), "Its tier and instrument type, with the reasons."),
    ...errorResponses,
  },
});
