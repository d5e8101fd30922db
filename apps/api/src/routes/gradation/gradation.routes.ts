import { GuaranteeAttributes, InstrumentType, Tier } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, one } from "../../lib/openapi.ts";

const Words = z.object({ label: z.string(), description: z.string() });

export const InstrumentTypeDefinition = z
  .object({
    id: InstrumentType,
    tier: Tier,
    label: z.string(),
    description: z.string(),
    uk: Words.openapi({ description: "Its name and description in Ukrainian." }),
    tableExamples: z.array(z.string()),
  })
  .openapi("InstrumentTypeDefinition");

export const TierDefinition = z
  .object({
    id: Tier,
    rank: z.number().int(),
    label: z.string(),
    heading: z.string(),
    description: z.string(),
    uk: Words.extend({ heading: z.string() }).openapi({
      description: "Its name, heading and description in Ukrainian.",
    }),
    instrumentTypes: z.array(InstrumentTypeDefinition),
  })
  .openapi("TierDefinition");

export const Classification = z
  .object({ tier: Tier, instrumentType: InstrumentType, reasons: z.array(z.string()).min(1) })
  .openapi("Classification");

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
