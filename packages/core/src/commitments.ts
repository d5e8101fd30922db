import { z } from "zod";
import { Slug } from "./agreements.ts";
import { CategoryId } from "./categories.ts";
import { compareDays, dateRange, PartialDate } from "./dates.ts";
import { EventMeasure, Measure } from "./money.ts";
import { PartyId } from "./parties.ts";
import { SourceDataset } from "./source-datasets.ts";
import { Confidence, Sources } from "./sources.ts";
import { Stage } from "./stage.ts";
import { measureBasisIds } from "./vocabulary/flow.ts";

/** A period from one partial date to another, both inclusive. */
export const Period = z
  .object({ start: PartialDate, end: PartialDate })
  .strict()
  // By the days the partial dates stand for: "2024-03" to "2024" runs to the end of 2024, a valid period.
  .refine((p) => compareDays(dateRange(p.end).end, dateRange(p.start).start) >= 0, {
    path: ["end"],
    message: "the period ends before it starts",
  })
  .meta({ id: "Period" });
export type Period = z.infer<typeof Period>;

/** One planned instalment of a commitment: how much is due by when. */
export const Tranche = z
  .object({
    due: PartialDate,
    measure: Measure,
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .strict()
  .meta({ id: "Tranche", description: "A planned instalment of a commitment." });
export type Tranche = z.infer<typeof Tranche>;

const commitmentFields = {
  id: Slug,
  donor: PartyId,
  recipient: PartyId.default("UA"),
  agreement: Slug.optional(),
  title: z.string().trim().min(1).max(500),
  category: CategoryId,
  measure: Measure,
  /** Whether the measure is for the whole period or per year (e.g. "EUR 5 bn a year"). */
  measureBasis: z.enum(measureBasisIds).default("total"),
  period: Period.optional(),
  conditions: z.array(z.string().trim().min(1).max(1000)).max(50).default([]),
  sources: Sources,
  synthetic: z.boolean().default(false),
  /**
   * Whose figures the line holds: a publisher's dataset imported as published (set by its importer), or, absent,
   * the tracker's own records.
   */
  sourceDataset: SourceDataset.exclude(["tracker"]).optional(),
};

/** A pledge line: what a donor promised, measured in money or in a quantity of an item, with its schedule. */
export const Commitment = z
  .object({ ...commitmentFields, schedule: z.array(Tranche).max(600).default([]) })
  .strict()
  .superRefine((c, ctx) => {
    c.schedule.forEach((tranche, i) => {
      if (!sameMeasureKind(c.measure, tranche.measure)) {
        ctx.addIssue({
          code: "custom",
          path: ["schedule", i, "measure"],
          message: "a tranche must be measured like its commitment (same currency, or same unit and item)",
        });
      }
    });
  })
  .meta({ id: "Commitment", description: "A pledge line with its planned schedule." });
export type Commitment = z.infer<typeof Commitment>;
export type CommitmentInput = z.input<typeof Commitment>;

/** A commitment as the ledger keeps it: its tranches are records of their own. */
export const CommitmentRecord = z.object(commitmentFields).strict().meta({
  id: "CommitmentRecord",
  description: "A commitment without its schedule, as written to the ledger.",
});
export type CommitmentRecord = z.infer<typeof CommitmentRecord>;

/** A tranche as a record of its own, addressable and versioned. */
export const TrancheRecord = z
  .object({
    id: Slug,
    commitment: Slug,
    /** Its place in the commitment's schedule. */
    position: z.number().int().min(0).max(999),
    due: PartialDate,
    measure: Measure,
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .strict()
  .meta({
    id: "TrancheRecord",
    description: "One planned instalment of a commitment, as written to the ledger.",
  });
export type TrancheRecord = z.infer<typeof TrancheRecord>;

/** A dated step of a commitment through the flow stages, with its own source and confidence. */
export const StageEvent = z
  .object({
    id: Slug,
    commitment: Slug,
    stage: Stage,
    /** When it happened, to the precision the source gives. */
    date: PartialDate,
    /** For figures reported for a span, e.g. deliveries "2022; 2023" or a monthly total. */
    period: Period.optional(),
    /** Negative money is a reversal or a decommitment, as the source reports it. */
    measure: EventMeasure,
    confidence: Confidence,
    sources: Sources,
    note: z.string().trim().min(1).max(2000).optional(),
    synthetic: z.boolean().default(false),
  })
  .strict()
  .meta({
    id: "StageEvent",
    description: "A dated, sourced step of a commitment: pledged, committed, allocated or delivered.",
  });
export type StageEvent = z.infer<typeof StageEvent>;
export type StageEventInput = z.input<typeof StageEvent>;

/** Two measures can be added up only if they are in the same currency, or count the same unit of the same item. */
export function sameMeasureKind(a: Measure, b: Measure): boolean {
  if (a.kind === "money" && b.kind === "money") return a.currency === b.currency;
  if (a.kind === "quantity" && b.kind === "quantity") return a.unit === b.unit && a.item === b.item;
  return false;
}
