import {
  CategoryId,
  CommitmentRecord,
  PartyId,
  ProvisionRecord,
  Slug,
  SourceDataset,
  StageEvent,
  Tier,
  TrancheRecord,
} from "@commitments/core";
import { z } from "@hono/zod-openapi";
import { RemarksMeta } from "../lib/remarks.ts";
import { VersionMeta } from "../lib/representation.ts";

/*
 * The records as the API shows them, and the filters of their lists: shared by the routes of commitments,
 * tranches, events, provisions, the series and the exports, so no route folder reaches into another's.
 */

export const CommitmentView = CommitmentRecord.safeExtend(VersionMeta)
  .safeExtend(RemarksMeta)
  .openapi("CommitmentView");
export const TrancheView = TrancheRecord.safeExtend(VersionMeta)
  .safeExtend(RemarksMeta)
  .openapi("TrancheView");
export const EventView = StageEvent.safeExtend(VersionMeta).safeExtend(RemarksMeta).openapi("EventView");

/** Drafts: the public and most accounts read published records only; a ministry may ask for its own drafts too. */
export const DraftsQuery = {
  drafts: z.enum(["exclude", "include"]).default("exclude").openapi({
    description:
      "include: also the drafts you may see (your own donor's as a ministry; all as an administrator).",
  }),
};

export const CommitmentFilters = {
  donor: PartyId.optional(),
  recipient: PartyId.optional(),
  agreement: Slug.optional(),
  category: CategoryId.optional().openapi({ description: "A category and everything under it." }),
  tier: z
    .union([Tier, z.literal("none")])
    .optional()
    .openapi({
      description: "The tier of the commitment's agreement; none for commitments under no agreement.",
    }),
  source: SourceDataset.optional().openapi({
    description:
      "Whose figures: one source's commitments only (kiel, sipri, iati, or tracker for the records kept in the tracker). Figures of two sources may count the same aid twice.",
  }),
};

export const ProvisionView = ProvisionRecord.safeExtend(VersionMeta).openapi("ProvisionView");
