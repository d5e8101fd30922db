import type { SourceDataset } from "./source-datasets.ts";
/**
 * Who may do what, defined once for the API and the web. Pure and free of zod, so the web can ask the same
 * function which buttons to show without shipping a schema library: the API looks up the actor and the record,
 * then asks `authorise`. The zod schemas of these vocabularies are in `access-schemas.ts`, their ids and words in
 * `vocabulary/access.ts`.
 */

import { organisationKinds, roles, tokenScopes, workflowStatuses } from "./vocabulary/access.ts";

export { organisationKinds, roles, tokenScopes, workflowStatuses };
export type OrganisationKind = (typeof organisationKinds)[number];
export type Role = (typeof roles)[number];

/** Which roles each kind of organisation may hand out: a newsroom never edits, a ministry never verifies receipt. */
export const rolesByOrganisationKind: Record<OrganisationKind, readonly Role[]> = {
  partner_ministry: ["ministry_editor", "ministry_approver"],
  beneficiary_ministry: ["recipient_verifier"],
  ngo: ["ngo_analyst"],
  newsroom: [],
  maintainers: ["administrator", "ngo_analyst"],
};

/** API token scopes: a token reads, or reads and writes, on behalf of its organisation. */
export type TokenScope = (typeof tokenScopes)[number];

/**
 * The roles a token acts with: its creator's, except approval. Machines upload; publishing stays a person's
 * decision, so a ministry's uploads always pass a second pair of eyes.
 */
export function tokenRoles(creatorRoles: readonly Role[]): Role[] {
  return creatorRoles.filter((role) => role !== "ministry_approver");
}

export type WorkflowStatus = (typeof workflowStatuses)[number];

/**
 * A ministry's correction or retraction of a published record is a proposal until its own approver publishes it
 * (or returns it, with the reason): submitted → published | returned. The public sees the published record meanwhile.
 */
export const proposalStatuses = ["submitted", "published", "returned"] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const actions = [
  "record.create",
  "record.update",
  "record.correct",
  "record.retract",
  "record.submit",
  "record.publish",
  "record.return",
  "record.propose",
  "proposal.publish",
  "proposal.return",
  "dispute.open",
  "dispute.withdraw",
  "dispute.resolve",
  "annotation.create",
  "delivery.confirm",
  "import.run",
  "reference.edit",
  "rates.load",
  "organisation.manage",
  "token.manage",
] as const;
export type Action = (typeof actions)[number];

/** The actor as the API knows it after sign-in or token check; `null` is the public. */
export interface Actor {
  userId?: string | undefined;
  organisation: { id: string; kind: OrganisationKind; party?: string | undefined };
  roles: readonly Role[];
  /** Set when the actor is an API token: what the token itself may do, whatever its organisation's roles. */
  tokenScopes?: readonly TokenScope[] | undefined;
}

/** What the rule needs to know of the record acted on. */
export interface Target {
  /** The donor whose record it is (a commitment's donor; an event's or tranche's commitment's donor). */
  donor?: string | undefined;
  /** The recipient, for confirmations of receipt. */
  recipient?: string | undefined;
  /**
   * The organisation that owns the record: the one that drafted it, proposed the change, opened the dispute, or
   * holds the token.
   */
  organisation?: string | undefined;
  status?: WorkflowStatus | ProposalStatus | undefined;
  /** Whose figures the record holds: a publisher's are changed by its next release, never by hand. */
  sourceDataset?: SourceDataset | undefined;
}

function publishersFigures(target: Target): boolean {
  return target.sourceDataset !== undefined && target.sourceDataset !== "tracker";
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** Whether an actor may take an action on a target, and if not, why — the reason is shown to the user and logged. */
export function authorise(actor: Actor | null, action: Action, target: Target = {}): Decision {
  if (!actor) return deny("sign in first: the public reads published data only");
  if (actor.tokenScopes && !actor.tokenScopes.includes("write")) return deny("this API token may only read");
  if (action === "token.manage") {
    if (actor.tokenScopes) return deny("tokens are managed by a signed-in person, not by another token");
    if (target.organisation !== actor.organisation.id) return deny("only your own organisation's tokens");
    return allow;
  }
  const has = (role: Role) => actor.roles.includes(role);
  if (has("administrator")) return allow;
  const party = actor.organisation.party;
  const ownDonor = party !== undefined && target.donor === party;
  const ownOrganisation = target.organisation === actor.organisation.id;

  // A publisher's figures (Kiel's, SIPRI's) are its own: they change with its next release, never by hand.
  if ((action.startsWith("record.") || action === "import.run") && publishersFigures(target)) {
    return deny(
      "a publisher's figures are its own: they change with its next release, imported by the tracker's maintainers; dispute a figure instead",
    );
  }
  switch (action) {
    case "record.create":
    case "import.run":
      if (!has("ministry_editor")) return deny("only a ministry editor may change records");
      if (!ownDonor) return deny(`a ministry may only change its own country's records (${party ?? "none"})`);
      return allow;
    case "record.update":
    case "record.retract":
    case "record.submit":
      // Drafts are the business of the organisation that wrote them, not of every ministry of its country.
      if (!has("ministry_editor")) return deny("only a ministry editor may change records");
      if (!ownDonor) return deny(`a ministry may only change its own country's records (${party ?? "none"})`);
      if (target.status === "published") {
        return deny(
          action === "record.retract"
            ? "a published record is retracted through a proposal its ministry's approver publishes"
            : "a published record is corrected, with a reason, not edited",
        );
      }
      if (!ownOrganisation) return deny("a ministry changes its own organisation's drafts only");
      if (action === "record.submit" && target.status !== "draft")
        return deny("only a draft can be submitted");
      return allow;
    case "record.correct":
      // Administrators (allowed above) correct and retract published records directly; a ministry proposes.
      return deny("a published record changes through a proposal its ministry's approver publishes");
    case "record.propose":
      if (!has("ministry_editor")) return deny("only a ministry editor may change records");
      if (!ownDonor) return deny(`a ministry may only change its own country's records (${party ?? "none"})`);
      if (target.status !== "published")
        return deny("only a published record is corrected; a draft is edited");
      return allow;
    case "record.publish":
    case "record.return":
      if (!has("ministry_approver")) return deny("only a ministry approver may publish or return a record");
      if (!ownDonor) return deny("a ministry may only publish its own country's records");
      if (!ownOrganisation) return deny("an approver publishes its own organisation's drafts only");
      if (target.status !== "submitted") return deny("only a submitted record can be published or returned");
      return allow;
    case "proposal.publish":
    case "proposal.return":
      if (!has("ministry_approver")) return deny("only a ministry approver may publish or return a proposal");
      if (!ownDonor) return deny("a ministry may only publish its own country's records");
      if (!ownOrganisation) return deny("an approver decides its own organisation's proposals only");
      if (target.status !== "submitted")
        return deny("only a submitted proposal can be published or returned");
      return allow;
    case "dispute.open":
      if (has("ngo_analyst") || has("recipient_verifier") || has("ministry_editor")) return allow;
      return deny("only analysts, verifiers and ministry editors may dispute a record");
    case "dispute.withdraw":
      return ownOrganisation ? allow : deny("only the organisation that opened a dispute may withdraw it");
    case "annotation.create":
      return has("ngo_analyst") ? allow : deny("only NGO analysts may annotate");
    case "delivery.confirm":
      if (!has("recipient_verifier")) return deny("only the recipient's verifiers may confirm receipt");
      if (party === undefined || target.recipient !== party)
        return deny("a verifier confirms deliveries to its own country only");
      return allow;
    case "dispute.resolve":
    case "reference.edit":
    case "rates.load":
    case "organisation.manage":
      return deny("only the tracker's administrators may do this");
  }
}

/**
 * Whether an actor may see a record or proposal in a workflow status: published ones are public; anything else
 * only the organisation that wrote it sees (and the tracker's administrators). Another ministry of the same
 * country does not: an unpublished record answers it as one that does not exist.
 */
export function maySee(
  actor: Actor | null,
  target: { status: WorkflowStatus | ProposalStatus; organisation: string | null },
): boolean {
  if (target.status === "published") return true;
  if (!actor) return false;
  return actor.roles.includes("administrator") || target.organisation === actor.organisation.id;
}

/**
 * Confidences at or above the recipient's confirmation of receipt: a delivery with one of these waits for no
 * confirmation (the API's list of deliveries to confirm, and the web's "Confirm receipt", ask this), and a
 * confirmation never lowers it.
 */
export const confirmedConfidences: readonly string[] = ["confirmed_by_recipient", "independently_verified"];

/** Whether a delivery of this confidence still waits for its recipient to confirm it was received. */
export function awaitsConfirmation(confidence: string): boolean {
  return !confirmedConfidences.includes(confidence);
}

/**
 * The confidence a role may state for a figure: a donor reports, only the recipient confirms, only the tracker's
 * maintainers record independent verification. "disputed" is set by opening a dispute, never by hand.
 */
export function confidenceAllowed(actor: Actor, confidence: string): boolean {
  if (actor.roles.includes("administrator")) return confidence !== "disputed";
  if (actor.roles.includes("recipient_verifier") && confidence === "confirmed_by_recipient") return true;
  return ["reported_by_donor", "estimated", "undisclosed"].includes(confidence);
}

/**
 * Fields a ministry or analyst may set, per record kind: anything else in a request is refused (no mass
 * assignment). Workflow status, versions and synthetic flags are never set through these; administrators, who
 * maintain the reference data, may set every field the record's schema has.
 */
export const settableFields = {
  commitment: [
    "id",
    "donor",
    "recipient",
    "agreement",
    "title",
    "category",
    "measure",
    "measureBasis",
    "period",
    "conditions",
    "sources",
    "schedule",
  ],
  tranche: ["id", "commitment", "position", "due", "measure", "note"],
  event: ["id", "commitment", "stage", "date", "period", "measure", "confidence", "sources", "note"],
} as const;
