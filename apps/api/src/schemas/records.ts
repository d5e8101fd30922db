import {
  CategoryId,
  CommitmentRecord,
  PartyId,
  ProvisionRecord,
  Slug,
  SourceDataset,
  StageEvent,
  Tier,
  Tranche,
  TrancheRecord,
} from "@commitments/core";
import { z } from "@hono/zod-openapi";
import { RemarksMeta } from "../lib/remarks.ts";
import { VersionMeta } from "../lib/representation.ts";
import { Reason } from "../lib/write-routes.ts";

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

export const CommitmentDetail = z
  .object({ commitment: CommitmentView, schedule: z.array(TrancheView), events: z.array(EventView) })
  .openapi("CommitmentDetail");

/**
 * A new commitment, with its schedule if any: each instalment becomes a tranche record in the same change set.
 * The whole is checked against Commitment once its id is known (a tranche must be measured like it).
 */
export const CommitmentCreate = z
  .object({
    ...CommitmentRecord.shape,
    id: Slug.optional(),
    schedule: z.array(Tranche).max(600).optional().openapi({
      description: "Created as tranches <id>-t1, <id>-t2, … in this order.",
    }),
    reason: Reason.optional(),
  })
  .strict()
  .openapi("CommitmentCreate");

export const TrancheCreate = z
  .object({ ...TrancheRecord.shape, id: Slug.optional(), reason: Reason.optional() })
  .strict()
  .openapi("TrancheCreate");

export const EventCreate = z
  .object({ ...StageEvent.shape, id: Slug.optional(), reason: Reason.optional() })
  .strict()
  .openapi("EventCreate");
