import { z } from "zod";
import { organisationKinds, proposalStatuses, roles, tokenScopes, workflowStatuses } from "./access.ts";

/** The access vocabularies as schemas, for the API and the database; the rules themselves are in access.ts. */

export const OrganisationKind = z
  .enum(organisationKinds)
  .meta({ id: "OrganisationKind", description: "What kind of body an account belongs to." });
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const Role = z.enum(roles).meta({
  id: "Role",
  description: "What a signed-in member of an organisation may do. The public needs no role.",
});
export type Role = z.infer<typeof Role>;

export const TokenScope = z.enum(tokenScopes).meta({ id: "TokenScope" });
export type TokenScope = z.infer<typeof TokenScope>;

export const WorkflowStatus = z.enum(workflowStatuses).meta({
  id: "WorkflowStatus",
  description: "draft → submitted → published; only published records are public.",
});
export type WorkflowStatus = z.infer<typeof WorkflowStatus>;

export const ProposalStatus = z.enum(proposalStatuses).meta({
  id: "ProposalStatus",
  description:
    "submitted (waiting for the proposing ministry's approver) → published (applied to the record) or returned (with the reason).",
});
export type ProposalStatus = z.infer<typeof ProposalStatus>;
