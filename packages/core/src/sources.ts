import { z } from "zod";
import { PartialDate } from "./dates.ts";
import { confidenceIds } from "./vocabulary/flow.ts";
import { sourceKindIds } from "./vocabulary/sources.ts";

export const SourceKind = z
  .enum(sourceKindIds)
  .meta({ id: "SourceKind", description: "What kind of publication a source is." });
export type SourceKind = z.infer<typeof SourceKind>;

/** Where a figure or fact comes from. Every record carries at least one. */
export const Source = z
  .object({
    title: z.string().trim().min(1).max(500),
    kind: SourceKind,
    publisher: z.string().trim().min(1).max(200).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    published: PartialDate.optional(),
    /** Page, section, footnote or table: where in the source the fact stands. */
    locator: z.string().trim().min(1).max(300).optional(),
    /** The words of the source, where a short quotation pins the fact down. */
    quote: z.string().trim().min(1).max(2000).optional(),
  })
  .strict()
  .meta({ id: "Source", description: "A citation: where a fact or figure comes from." });
export type Source = z.infer<typeof Source>;

export const Sources = z.array(Source).min(1, "every record needs at least one source").max(50);

/**
 * How sure the tracker is of a figure, in the vocabulary of the serious trackers: who says so, and whether
 * anyone else has checked.
 */
export const Confidence = z
  .enum(confidenceIds)
  .meta({ id: "Confidence", description: "How sure the tracker is of a figure." });
export type Confidence = z.infer<typeof Confidence>;
