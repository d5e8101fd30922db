import { Party, PartyId, PartyKind } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";
import { AsOfQuery, PageInfo, PageQuery, ReadMeta, VersionMeta } from "../../lib/representation.ts";
import { ledgerRoutes, Reason, settable } from "../../lib/write-routes.ts";

export const PartyView = Party.safeExtend(VersionMeta).openapi("PartyView");

export const listParties = createRoute({
  method: "get",
  path: "/v1/parties",
  tags: ["Parties"],
  summary: "States (ISO 3166-1) and organisations",
  request: { query: z.object({ kind: PartyKind.optional(), ...AsOfQuery, ...PageQuery }).strict() },
  responses: {
    200: json(
      z.object({ data: z.array(PartyView), page: PageInfo, meta: ReadMeta }),
      "The parties, in id order.",
    ),
    ...errorResponses,
  },
});

export const getParty = createRoute({
  method: "get",
  path: "/v1/parties/{id}",
  tags: ["Parties"],
  summary: "One state or organisation",
  request: { params: z.object({ id: PartyId }), query: z.object(AsOfQuery).strict() },
  responses: {
    200: json(z.object({ data: PartyView, meta: ReadMeta }), "The party."),
    ...notFoundResponse,
    ...errorResponses,
  },
});

export const PartyCreate = Party.safeExtend({ reason: Reason.optional() }).openapi("PartyCreate");

export const partyWrites = ledgerRoutes({
  path: "/v1/parties",
  tag: "Parties",
  noun: "party",
  id: PartyId,
  create: PartyCreate,
  set: settable(Party, "PartyChanges"),
  view: PartyView,
  record: Party,
});
