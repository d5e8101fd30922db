import { InstrumentType, ladderStandingIds, PartyId, PartyKind, Stage, Tier } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";
import { AsOfQuery, ReadMeta } from "../../lib/representation.ts";
import { AgreementView } from "../../schemas/agreements.ts";
import { ChartThemeQuery, chartBusy } from "../../schemas/charts.ts";
import { FigureSource } from "../../schemas/sources.ts";

const Measure = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("money"), amount: z.string(), currency: z.string() }),
  z.object({ kind: z.literal("quantity"), count: z.string(), unit: z.string() }),
]);

export const DeliveryFigure = z
  .object({
    source: FigureSource,
    stage: Stage,
    category: z.string().openapi({ description: "The tracker category the figures are filed under." }),
    measure: Measure,
    events: z.number().int().openapi({ description: "The events summed." }),
    records: z.number().int().openapi({ description: "The lines, deals or list items they belong to." }),
  })
  .openapi("DeliveryFigure", {
    description: "The sum of one source's published figures at one stage, in one category, currency or unit.",
  });

export const ItemFigure = z
  .object({
    source: FigureSource,
    stage: Stage,
    category: z.string(),
    item: z.string().openapi({ description: "The item as the source names it." }),
    unit: z.string(),
    count: z.string(),
    locators: z.array(z.string()).openapi({ description: "Where in the source each counted entry stands." }),
  })
  .openapi("ItemFigure");

export const GuarantorInstrument = AgreementView.safeExtend({
  via: PartyId.nullable().openapi({
    description: "The group (G7, NATO, the EU…) through which the party is a guarantor; null if directly.",
  }),
  stands: z.boolean().openapi({
    description:
      "Whether its status (signed, in force, reshaped, conditional) places the guarantor on the ladder.",
  }),
}).openapi("GuarantorInstrument");

const Money = z.object({ amount: z.string(), currency: z.literal("EUR") });

export const GuarantorView = z
  .object({
    party: z.object({
      id: z.string(),
      name: z.string(),
      nameUk: z.string().nullable(),
      kind: PartyKind.nullable(),
    }),
    rung: z
      .object({ tier: Tier, rank: z.number().int(), instrumentType: InstrumentType, agreement: z.string() })
      .nullable()
      .openapi({ description: "The highest rung among the party's own standing instruments; null if none." }),
    standing: z.enum(ladderStandingIds),
    instruments: z.array(GuarantorInstrument),
    ladder: z.object({
      volume: Money.nullable().openapi({
        description:
          "Kiel's military allocations, in euros: the volume the ladder chart sets against the rung.",
      }),
      committed: Money.nullable().openapi({ description: "Kiel's commitments, all types, in euros." }),
      allocated: Money.nullable().openapi({ description: "Kiel's allocations, all types, in euros." }),
      share: z.number().nullable().openapi({
        description:
          "Kiel's allocations as a share of its commitments (0.83 is 83 %); null without commitments.",
      }),
      source: FigureSource,
    }),
    figures: z.array(DeliveryFigure),
    heavyWeapons: z.array(ItemFigure).openapi({ description: "Kiel's heavy-weapons list, item by item." }),
  })
  .openapi("GuarantorView");

export const GuarantorsQuery = z.object(AsOfQuery).strict();

export const Guarantors = z
  .object({
    guarantors: z.array(GuarantorView),
    medianVolume: Money.nullable().openapi({
      description: "The median of the guarantors' military allocations by Kiel: above it counts as weapons.",
    }),
    sources: z.array(FigureSource),
  })
  .openapi("Guarantors");

export const listGuarantors = createRoute({
  method: "get",
  path: "/v1/guarantors",
  tags: ["Guarantors"],
  summary: "Every guarantor's rung on Table 1 beside its delivery record from every source",
  request: { query: GuarantorsQuery },
  responses: {
    200: json(z.object({ data: Guarantors, meta: ReadMeta }), "Guarantors, the largest military aid first."),
    ...errorResponses,
  },
});

export const getGuarantor = createRoute({
  method: "get",
  path: "/v1/guarantors/{party}",
  tags: ["Guarantors"],
  summary: "One guarantor: its instruments with Ukraine and what each source says it delivered",
  request: { params: z.object({ party: PartyId }), query: GuarantorsQuery },
  responses: {
    200: json(
      z.object({
        data: GuarantorView.safeExtend({ medianVolume: Money.nullable(), sources: z.array(FigureSource) }),
        meta: ReadMeta,
      }),
      "The guarantor.",
    ),
    ...notFoundResponse,
    ...errorResponses,
  },
});

export const guarantorsCsv = createRoute({
  method: "get",
  path: "/v1/guarantors.csv",
  tags: ["Guarantors"],
  summary: "The guarantor view as CSV: one row per guarantor and figure, each with its source and release",
  request: { query: GuarantorsQuery.extend({ party: PartyId.optional() }) },
  responses: {
    200: { content: { "text/csv": { schema: z.string() } }, description: "CSV, header first." },
    ...errorResponses,
  },
});

/** How to draw the ladder: the chart's language, size, ground and volume axis. */
export const LadderQuery = GuarantorsQuery.extend({
  lang: z.enum(["en", "uk"]).default("en"),
  width: z.coerce.number().int().min(320).max(2400).default(960),
  height: z.coerce.number().int().min(320).max(1600).default(560),
  theme: ChartThemeQuery,
  scale: z.enum(["linear", "log"]).default("linear").openapi({
    description:
      "The volume axis: linear, or log (whole powers of ten), which spreads guarantors giving millions apart from those giving tens of billions.",
  }),
});
export type LadderParams = z.infer<typeof LadderQuery>;

const ladderDescription =
  "Drawn on the chart threads by the same function as the web page (@commitments/charts), with its title, its description (<desc>: who stands where), a hover text per guarantor and a footer naming Kiel's release. GET /embed/guarantors gives it in a page other sites may frame (theme=light|dark|auto).";

export const guarantorsSvg = createRoute({
  method: "get",
  path: "/v1/charts/guarantors.svg",
  tags: ["Guarantors"],
  summary:
    "The ladder chart: every guarantor's rung against the military aid Kiel counts it allocated, as SVG",
  description: ladderDescription,
  request: { query: LadderQuery },
  responses: {
    200: { content: { "image/svg+xml": { schema: z.string() } }, description: "The chart." },
    ...chartBusy,
    ...errorResponses,
  },
});

export const guarantorsPng = createRoute({
  method: "get",
  path: "/v1/charts/guarantors.png",
  tags: ["Guarantors"],
  summary: "The ladder chart as PNG, the same picture as the SVG",
  description: ladderDescription,
  request: { query: LadderQuery },
  responses: {
    200: {
      content: { "image/png": { schema: z.string().openapi({ format: "binary" }) } },
      description: "The chart.",
    },
    ...chartBusy,
    ...errorResponses,
  },
});
