import { z } from "zod";
import { Slug } from "./agreements.ts";
import { PartialDate } from "./dates.ts";
import { Measure } from "./money.ts";
import { Sources } from "./sources.ts";
import { disputeStatuses } from "./vocabulary/remarks.ts";

/*
 * What others say about a record: disputes (another organisation's own figure and source, shown beside the
 * disputed one until resolved), confirmations of receipt by the recipient, and annotations. Each is a ledger
 * record of its own, so it has a history, and none changes the record it speaks of except a confirmation, which
 * raises the confidence of the delivery it confirms.
 */

export const remarkTargetKinds = ["commitment", "tranche", "event", "agreement", "provision"] as const;

/** The record a remark is about. */
export const RecordRef = z
  .object({ kind: z.enum(remarkTargetKinds), id: Slug })
  .strict()
  .meta({ id: "RecordRef", description: "A ledger record, by kind and id." });
export type RecordRef = z.infer<typeof RecordRef>;

export const DisputeStatus = z.enum(disputeStatuses).meta({
  id: "DisputeStatus",
  description:
    "open until the tracker's maintainers uphold it (the record should be corrected) or reject it, or the disputing organisation withdraws it.",
});
export type DisputeStatus = z.infer<typeof DisputeStatus>;

/** An organisation id: a UUID for accounts made by the API, or a short name for those made by hand. */
export const OrganisationId = z.string().trim().min(1).max(100);

export const Dispute = z
  .object({
    id: Slug,
    target: RecordRef,
    /** The disputing organisation, set from the signed-in account, never from the request. */
    organisation: OrganisationId,
    statement: z.string().trim().min(3).max(4000),
    /** The disputing organisation's own figure, where it disputes a figure. */
    figure: Measure.optional(),
    sources: Sources,
    status: DisputeStatus.default("open"),
    /** Why it was resolved or withdrawn. */
    resolution: z.string().trim().min(3).max(2000).optional(),
  })
  .strict()
  .meta({
    id: "Dispute",
    description: "Another organisation's figure and source for a record, with its status.",
  });
export type Dispute = z.infer<typeof Dispute>;

export const Confirmation = z
  .object({
    id: Slug,
    /** The delivery event confirmed, and the version of it the recipient saw. */
    event: Slug,
    eventVersion: z.number().int().min(1),
    organisation: OrganisationId,
    /** When the delivery was received, to the precision the recipient gives. */
    received: PartialDate.optional(),
    note: z.string().trim().min(1).max(2000).optional(),
    sources: Sources.optional(),
  })
  .strict()
  .meta({ id: "Confirmation", description: "The recipient's confirmation that a delivery arrived." });
export type Confirmation = z.infer<typeof Confirmation>;

export const Annotation = z
  .object({
    id: Slug,
    target: RecordRef,
    organisation: OrganisationId,
    text: z.string().trim().min(1).max(4000),
    sources: Sources.optional(),
  })
  .strict()
  .meta({ id: "Annotation", description: "A note an analyst attaches to a record." });
export type Annotation = z.infer<typeof Annotation>;
