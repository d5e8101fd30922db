import { z } from "zod";
import { ProposalStatus } from "./access-schemas.ts";
import { Slug } from "./agreements.ts";
import { OrganisationId } from "./remarks.ts";

/*
 * A ministry's correction or retraction of a published record, waiting for its own approver: the record as it
 * would become (or its retraction), the version it was based on, and why. A ledger record of its own, so who
 * proposed it and who decided, when and why, stay in its history. Publishing applies it as the record's next
 * version; a record changed since the base version refuses it.
 */

/** The records a ministry maintains, and so may propose changes to. */
export const proposalTargetKinds = ["commitment", "tranche", "event"] as const;
export type ProposalTargetKind = (typeof proposalTargetKinds)[number];

export const proposalKinds = ["correction", "retraction"] as const;

export const Proposal = z
  .object({
    id: Slug,
    target: z.object({ kind: z.enum(proposalTargetKinds), id: Slug }).strict(),
    /** The version of the published record the change was made on; publishing refuses if the record moved. */
    baseVersion: z.number().int().min(1),
    kind: z.enum(proposalKinds),
    /** The record as the correction would make it; absent for a retraction. */
    record: z.record(z.string(), z.unknown()).optional(),
    /** The proposing organisation, set from the signed-in account or token, never from the request. */
    organisation: OrganisationId,
    reason: z.string().trim().min(3).max(2000),
    status: ProposalStatus,
    /** Why the approver published or returned it. */
    decision: z.string().trim().min(3).max(2000).optional(),
  })
  .strict()
  .meta({
    id: "Proposal",
    description: "A ministry's correction or retraction of a published record, until its approver decides.",
  });
export type Proposal = z.infer<typeof Proposal>;
