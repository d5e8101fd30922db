import { AgreementRecord, InstrumentType, PartyId, Provision, Slug, Tier } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";
import { AsOfQuery, PageInfo, PageQuery, ReadMeta } from "../../lib/representation.ts";
import { ledgerRoutes, Reason, settable } from "../../lib/write-routes.ts";
import { AgreementView } from "../../schemas/agreements.ts";

export const AgreementFilters = z
  .object({
    tier: Tier.optional(),
    instrumentType: InstrumentType.optional(),
    party: PartyId.optional().openapi({ description: "A guarantor or beneficiary, e.g. GB or EU." }),
    framework: Slug.optional().openapi({ description: "Agreements under this framework." }),
    ...AsOfQuery,
    ...PageQuery,
  })
  .strict();

export const listAgreements = createRoute({
  method: "get",
  path: "/v1/agreements",
  tags: ["Agreements"],
  summary: "Agreements and other instruments, each placed on Table 1",
  request: { query: AgreementFilters },
  responses: {
    200: json(
      z.object({ data: z.array(AgreementView), page: PageInfo, meta: ReadMeta }),
      "The matching agreements, in id order.",
    ),
    ...errorResponses,
  },
});

export const getAgreement = createRoute({
  method: "get",
  path: "/v1/agreements/{id}",
  tags: ["Agreements"],
  summary: "One agreement with its provisions and status history",
  request: { params: z.object({ id: Slug }), query: z.object(AsOfQuery).strict() },
  responses: {
    200: json(z.object({ data: AgreementView, meta: ReadMeta }), "The agreement."),
    ...notFoundResponse,
    ...errorResponses,
  },
});

/**
 * A new agreement, with its provisions if any: they become records of their own, in the same change set. The
 * whole record is checked against AgreementRecord once its id is known.
 */
export const AgreementCreate = z
  .object({
    ...AgreementRecord.shape,
    id: Slug.optional(),
    provisions: z.array(Provision).max(100).optional().openapi({
      description: "Created as provisions <id>-p1, <id>-p2, … in this order.",
    }),
    reason: Reason.optional(),
  })
  .strict()
  .openapi("AgreementCreate");

export const agreementWrites = ledgerRoutes({
  path: "/v1/agreements",
  tag: "Agreements",
  noun: "agreement",
  id: Slug,
  create: AgreementCreate,
  set: settable(AgreementRecord, "AgreementChanges"),
  view: AgreementView,
  record: AgreementRecord,
});
