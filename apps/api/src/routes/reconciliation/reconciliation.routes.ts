import { PartyId, reconciliationStatusIds } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json } from "../../lib/openapi.ts";
import { AsOfQuery, ReadMeta } from "../../lib/representation.ts";
import { FigureSource } from "../../schemas/sources.ts";

const KielCount = z.object({
  donor: z.string(),
  item: z.string().openapi({ description: "The entry of Kiel's heavy-weapons list, exactly." }),
  count: z.number().int(),
  category: z.string(),
  locators: z.array(z.string()),
});

const SipriCount = z.object({
  donor: z.string(),
  designation: z.string().openapi({ description: "SIPRI's weapon designation, exactly." }),
  ordered: z.number().int(),
  delivered: z.number().int(),
  category: z.string(),
  locators: z.array(z.string()),
});

export const ReconciledSystem = z
  .object({
    donor: z.string(),
    system: z.object({ id: z.string(), name: z.string(), kielCategory: z.string(), note: z.string() }),
    kiel: z.object({ count: z.number().int(), items: z.array(KielCount) }).nullable(),
    sipri: z
      .object({ ordered: z.number().int(), delivered: z.number().int(), designations: z.array(SipriCount) })
      .nullable(),
    difference: z.number().int().nullable().openapi({
      description: "Kiel's count less SIPRI's delivered count; null when one source has no entry.",
    }),
    status: z.enum(reconciliationStatusIds),
  })
  .openapi("ReconciledSystem");

export const ReconciliationQuery = z
  .object({
    donor: PartyId.optional().openapi({ description: "One donor's systems only.", example: "GB" }),
    ...AsOfQuery,
  })
  .strict();

export const getReconciliation = createRoute({
  method: "get",
  path: "/v1/reconciliation",
  tags: ["Guarantors"],
  summary: "Kiel's heavy-weapons counts against SIPRI's register, per donor and weapon system",
  description:
    "Matched by the reference table of designations (exact names only, each entry with its reason); entries no system of the table names are listed unmatched on each side. Neither source's figure replaces the other's.",
  request: { query: ReconciliationQuery },
  responses: {
    200: json(
      z.object({
        data: z.object({
          systems: z.array(ReconciledSystem),
          unmatched: z.object({ kiel: z.array(KielCount), sipri: z.array(SipriCount) }),
          sources: z.array(FigureSource),
        }),
        meta: ReadMeta,
      }),
      "The donors' systems, by donor and system.",
    ),
    ...errorResponses,
  },
});
