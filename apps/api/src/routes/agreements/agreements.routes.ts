import { Agreement, AgreementStatus, InstrumentType, PartyId, Slug, Tier } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, listOf, notFoundResponse, one } from "../../lib/openapi.ts";
import { Classification } from "../gradation/gradation.routes.ts";

/** An agreement as the API shows it: with its rung on Table 1, why, and where it stands now. */
export const AgreementView = Agreement.safeExtend({
  tier: Tier,
  classification: Classification,
  currentStatus: AgreementStatus.optional(),
}).openapi("AgreementView");

export const AgreementFilters = z
  .object({
    tier: Tier.optional(),
    instrumentType: InstrumentType.optional(),
    party: PartyId.optional().openapi({ description: "A guarantor or beneficiary, e.g. GB or EU." }),
    framework: Slug.optional().openapi({ description: "Agreements under this framework." }),
  })
  .strict();

export const listAgreements = createRoute({
  method: "get",
  path: "/v1/agreements",
  tags: ["Agreements"],
  summary: "Agreements and other instruments, each placed on Table 1",
  request: { query: AgreementFilters },
  responses: {
    200: json(listOf(AgreementView), "The matching agreements, oldest first."),
    ...errorResponses,
  },
});

export const getAgreement = createRoute({
  method: "get",
  path: "/v1/agreements/{id}",
  tags: ["Agreements"],
  summary: "One agreement with its provisions and status history",
  request: { params: z.object({ id: Slug }) },
  responses: {
    200: json(one(AgreementView), "The agreement."),
    ...notFoundResponse,
    ...errorResponses,
  },
});
