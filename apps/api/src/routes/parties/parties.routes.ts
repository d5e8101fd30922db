import { Party, PartyId, PartyKind } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, listOf, notFoundResponse, one } from "../../lib/openapi.ts";

export const listParties = createRoute({
  method: "get",
  path: "/v1/parties",
  tags: ["Parties"],
  summary: "States (ISO 3166-1) and organisations",
  request: { query: z.object({ kind: PartyKind.optional() }).strict() },
  responses: {
    200: json(listOf(Party), "The parties, by name."),
    ...errorResponses,
  },
});

export const getParty = createRoute({
  method: "get",
  path: "/v1/parties/{id}",
  tags: ["Parties"],
  summary: "One state or organisation",
  request: { params: z.object({ id: PartyId }) },
  responses: {
    200: json(one(Party), "The party."),
    ...notFoundResponse,
    ...errorResponses,
  },
});
