import { z } from "zod";
import { PartialDate } from "./dates.ts";

export const SourceKind = z
  .enum(["seed_document", "official", "dataset", "research", "media", "synthetic"])
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
  .enum([
    "reported_by_donor",
    "confirmed_by_recipient",
    "independently_verified",
    "estimated",
    "disputed",
    "undisclosed",
  ])
  .meta({ id: "Confidence", description: "How sure the tracker is of a figure." });
export type Confidence = z.infer<typeof Confidence>;

export const confidenceLabels: Record<Confidence, string> = {
  reported_by_donor: "Reported by donor",
  confirmed_by_recipient: "Confirmed by recipient",
  independently_verified: "Independently verified",
  estimated: "Estimated",
  disputed: "Disputed",
  undisclosed: "Undisclosed",
};
