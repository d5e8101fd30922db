import { CategoryId, IsoDate, Measure, PartyId, Slug, SourceDataset, Stage } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";
import { AsOfQuery, PageInfo, PageQuery, ReadMeta } from "../../lib/representation.ts";
import { SeriesFilters, StagePair } from "../../schemas/series.ts";

const Amount = z.string().openapi({ description: "An exact decimal in the commitment's own measure." });

export const FulfilmentFigures = z
  .object({
    on: IsoDate,
    promised: Amount.openapi({ description: "The promised stage's total counting by that day." }),
    delivered: Amount.openapi({ description: "The delivered stage's total counting by that day." }),
    ratio: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .openapi({ description: "delivered / promised, at most 1; null when nothing is promised." }),
    excess: Amount.openapi({ description: "What was delivered beyond the promise." }),
    scheduled: Amount.openapi({ description: "The sum of the tranches due by that day." }),
    adherence: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .openapi({ description: "delivered / scheduled, at most 1; null when nothing is due yet." }),
    delayDays: z
      .number()
      .int()
      .min(0)
      .openapi({ description: "Days since the oldest tranche not yet covered fell due; 0 on schedule." }),
    completion: z.object({ date: IsoDate, projected: z.boolean() }).nullable().openapi({
      description: "The day deliveries reached the promise, or a linear projection (projected: true).",
    }),
  })
  .openapi("FulfilmentFigures", { description: "The figures as of the day `on`." });

export const FulfilmentRow = z
  .object({
    commitment: Slug,
    title: z.string(),
    donor: PartyId,
    category: CategoryId,
    agreement: Slug.optional(),
    measure: Measure,
    sourceDataset: SourceDataset.describe("Whose figures the commitment holds."),
    promisedStage: Stage,
    deliveredStage: Stage.describe(
      "As asked, or by default the furthest stage the commitment's source reports.",
    ),
    reported: z.object({ promised: z.boolean(), delivered: z.boolean() }).openapi({
      description:
        "Whether the commitment's source reports each stage at all: a stage it does not report is unknown, not zero, and no ratio is read from it.",
    }),
    fulfilment: FulfilmentFigures.nullable(),
    problem: z
      .string()
      .nullable()
      .openapi({ description: "Why there are no figures (measures that do not add up)." }),
  })
  .openapi("Fulfilment", {
    description:
      "A commitment's fulfilment; every figure is in the commitment's own measure (its currency or unit).",
  });

const FulfilmentQuery = {
  ...StagePair,
  on: IsoDate.optional().openapi({ description: "The day to compute for; the day of asOf, or today." }),
  ...AsOfQuery,
};

export const getCommitmentFulfilment = createRoute({
  method: "get",
  path: "/v1/commitments/{id}/fulfilment",
  tags: ["Fulfilment"],
  summary: "How much of one commitment was delivered, against its schedule",
  request: { params: z.object({ id: Slug }), query: z.object(FulfilmentQuery).strict() },
  responses: {
    200: json(z.object({ data: FulfilmentRow, meta: ReadMeta }), "The commitment's fulfilment."),
    ...notFoundResponse,
    ...errorResponses,
  },
});

export const listFulfilment = createRoute({
  method: "get",
  path: "/v1/fulfilment",
  tags: ["Fulfilment"],
  summary: "A fulfilment table: one row per commitment",
  request: {
    query: z
      .object({ ...SeriesFilters, donor: PartyId.optional(), ...FulfilmentQuery, ...PageQuery })
      .strict(),
  },
  responses: {
    200: json(
      z.object({ data: z.array(FulfilmentRow), page: PageInfo, meta: ReadMeta }),
      "The matching commitments, in id order.",
    ),
    ...errorResponses,
  },
});
