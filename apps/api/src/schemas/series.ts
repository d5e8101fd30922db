import {
  CurrencyCode,
  IsoDate,
  MonthOrYear,
  QuantityUnit,
  SeriesInterval,
  SourceDataset,
  Stage,
} from "@commitments/core";
import { z } from "@hono/zod-openapi";
import { AsOfQuery } from "../lib/representation.ts";
import { CommitmentFilters } from "./records.ts";

/** Filters on commitments, as the series and the fulfilment table take them (the cells keep no recipient). */
const { recipient: _recipient, donor: _donor, ...commitmentFiltersButRecipient } = CommitmentFilters;

/** One donor or up to 20 separated by commas, so several donors compare in one chart. */
export const DonorList = z
  .string()
  .regex(
    /^[A-Z][A-Z0-9_]{1,15}(,[A-Z][A-Z0-9_]{1,15}){0,19}$/,
    "expected party ids separated by commas, such as DE,GB,US (at most 20)",
  )
  .openapi({ description: "One donor, or several separated by commas: DE,GB,US.", example: "DE,GB,US" });

export const SeriesFilters = { donor: DonorList.optional(), ...commitmentFiltersButRecipient };

export const StagePair = {
  promised: Stage.default("committed").openapi({ description: "The stage counted as the promise." }),
  delivered: Stage.optional().openapi({
    description:
      "The stage counted as delivery. By default the furthest stage the figures' sources report: delivered, or allocated for the Kiel Institute, which reports allocations (aid delivered or earmarked in concrete packages), not deliveries. The answer says which stage it counts.",
  }),
};

const seriesGroupBy = ["all", "donor", "category", "tier", "agreement", "source"] as const;

export const SeriesQuery = z
  .object({
    groupBy: z.enum(seriesGroupBy).default("all").openapi({
      description:
        "One series per donor, top-level category, tier of the agreement, agreement, or source (whose figures); or one in all.",
    }),
    ...StagePair,
    interval: SeriesInterval.default("month"),
    measure: z.enum(["money", "quantity"]).optional().openapi({
      description:
        "money (the default), or quantity: counted items, one series per unit unless `unit` is given.",
    }),
    currency: z.enum(["EUR", "USD", "original"]).optional().openapi({
      description:
        "Money converted to EUR (the default) or USD, or in its original currencies, one series each.",
    }),
    convention: z.enum(["event_date", "fixed_date"]).optional().openapi({
      description:
        "event_date (the default): each figure at the rate of its own date; fixed_date: all at rateDate.",
    }),
    rateDate: IsoDate.optional().openapi({ description: "The rate date of the fixed_date convention." }),
    unit: QuantityUnit.optional().openapi({
      description: "Quantities in this unit only (implies measure=quantity).",
    }),
    ...SeriesFilters,
    // The domain's years (1900 to 2199) keep a monthly series to 3,600 periods at most.
    from: MonthOrYear.optional().openapi({
      description: "The first period wanted, YYYY or YYYY-MM from 1900 to 2199: the whole period holding it.",
      example: "2024-01",
    }),
    to: MonthOrYear.optional().openapi({
      description: "The last period wanted, YYYY or YYYY-MM from 1900 to 2199: the whole period holding it.",
      example: "2024-12",
    }),
    ...AsOfQuery,
  })
  .strict();

const Amount = z.string().openapi({ description: "An exact decimal; converted money has exactly 2 places." });

const EventCount = z.number().int().min(0);

const FlagCounts = z
  .object({
    synthetic: EventCount.openapi({
      description: "Events that are synthetic demo data (the event or its commitment flagged synthetic).",
    }),
    estimated: EventCount.openapi({ description: "Events of confidence estimated." }),
    disputed: EventCount.openapi({
      description: "Events under an open dispute, of the event itself or of its commitment.",
    }),
  })
  .openapi("SeriesFlagCounts", {
    description: "How many of the period's events of one stage carry each flag.",
  });

export const SeriesPoint = z
  .object({
    period: z.string().openapi({ example: "2024-Q1", description: "2024-03, 2024-Q1 or 2024." }),
    promised: Amount,
    delivered: Amount,
    cumulativePromised: Amount.openapi({ description: "Everything promised up to the end of the period." }),
    cumulativeDelivered: Amount.openapi({ description: "Everything delivered up to the end of the period." }),
    flags: z
      .object({
        promised: FlagCounts,
        delivered: FlagCounts,
      })
      .optional()
      .openapi({
        description:
          "The flagged events of this period, not cumulative: `promised` of the events counted in `promised`, `delivered` of those in `delivered`, so a chart can mark synthetic, estimated and disputed figures where they fall. Absent when none of the period's events is synthetic, estimated or disputed (read as zero counts). With `asOf`, as the records and disputes stood then.",
      }),
  })
  .openapi("SeriesPoint");

export const SeriesGroup = z
  .object({
    key: z.string().openapi({
      example: "DE",
      description: '"all", a donor, a category, a tier, an agreement ("none": under none) or a source.',
    }),
    label: z.string(),
    currency: CurrencyCode.optional().openapi({ description: "When the series is in original currencies." }),
    unit: QuantityUnit.optional().openapi({ description: "When the series counts quantities." }),
    sources: z.array(SourceDataset).openapi({ description: "Whose figures the group's points add up." }),
    reported: z.object({ promised: z.boolean(), delivered: z.boolean() }).openapi({
      description:
        "Whether any of the group's sources reports the promised and the delivered stage at all. Where none does, the group's figure for that stage is unknown to its sources, not zero (Kiel reports allocations, not deliveries): show it so, and read no share from it.",
    }),
    points: z.array(SeriesPoint),
  })
  .openapi("SeriesGroup");

const SeriesConversion = z
  .object({
    currency: z.enum(["EUR", "USD"]),
    convention: z.enum(["event_date", "fixed_date"]),
    rateDate: IsoDate.optional(),
    rates: z
      .array(z.object({ currency: CurrencyCode, perEur: Amount, date: IsoDate }))
      .optional()
      .openapi({
        description: "fixed_date: the rate used per currency (the latest at most 7 days before rateDate).",
      }),
    rateSource: z.string().openapi({ example: "the tracker's exchange-rate table, dataset version 42" }),
    rounding: z.string(),
    unconverted: z
      .array(z.object({ stage: Stage, currency: CurrencyCode, amount: Amount, events: z.number().int() }))
      .openapi({
        description: "Figures left out of the converted series for want of a rate, up to its end.",
      }),
  })
  .openapi("SeriesConversion");

const SeriesSource = z
  .object({
    id: SourceDataset,
    publisher: z.string().nullable().openapi({
      description:
        "Who publishes the figures; null for the tracker's own records, each of which cites its sources.",
    }),
    release: z.string().nullable().openapi({
      example: "Kiel Institute for the World Economy, Ukraine Support Tracker, Release 29 (04/2026)",
      description: "The release the figures are of, as the tracker held them at the series' moment.",
    }),
    stages: z.array(Stage).openapi({ description: "The stages the source reports." }),
    progressStage: Stage.describe("The furthest stage it reports."),
    promisesByCategory: z.boolean().openapi({
      description:
        "Whether it splits its promises by category; if not, promised and delivered never compare per category.",
    }),
  })
  .openapi("SeriesSource");

export const SeriesData = z
  .object({
    measure: z.enum(["money", "quantity"]),
    currency: z
      .enum(["EUR", "USD"])
      .nullable()
      .openapi({ description: "null: each group in its own currency or unit." }),
    unit: QuantityUnit.nullable(),
    interval: SeriesInterval,
    groupBy: z.enum(seriesGroupBy),
    promisedStage: Stage,
    deliveredStage: Stage.describe(
      "The stage counted as delivery: as asked, or the furthest stage the figures' sources report.",
    ),
    sources: z.array(SeriesSource).openapi({
      description:
        "Whose figures the series adds up, and the releases they are of: what a credit line names.",
    }),
    groups: z.array(SeriesGroup),
    conversion: SeriesConversion.nullable().openapi({
      description: "How money was converted; null when it was not.",
    }),
    original: z.array(z.object({ currency: CurrencyCode, promised: Amount, delivered: Amount })).openapi({
      description: "Money: the promised and delivered totals of the periods shown, per original currency.",
    }),
  })
  .openapi("Series");
