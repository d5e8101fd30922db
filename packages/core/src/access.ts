import { z } from "zod";

/**
 * Who may do what, defined once for the API and the web. Pure: the API looks up the actor and the record,
 * then asks `authorise`; the web asks the same function to decide which buttons to show.
 */

export const OrganisationKind = z
  .enum(["partner_ministry", "beneficiary_ministry", "ngo", "newsroom", "maintainers"])
  .meta({ id: "OrganisationKind", description: "What kind of body an account belongs to." });
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const Role = z
  .enum(["ngo_analyst", "ministry_editor", "ministry_approver", "recipient_verifier", "administrator"])
  .meta({
    id: "Role",
    description: "What a signed-in member of an organisation may do. The public needs no role.",
  });
export type Role = z.infer<typeof Role>;

/** Which roles each kind of organisation may hand out: a newsroom never edits, a ministry never verifies receipt. */
export const rolesByOrganisationKind: Record<OrganisationKind, readonly Role[]> = {
  partner_ministry: ["ministry_editor", "ministry_approver"],
  beneficiary_ministry: ["recipient_verifier"],
  ngo: ["ngo_analyst"],
  newsroom: [],
  maintainers: ["administrator", "ngo_analyst"],
};

/** API token scopes: a token reads, or reads and writes, on behalf of its organisation. */
export const TokenScope = z.enum(["read", "write"]).meta({ id: "TokenScope" });
export type TokenScope = z.infer<typeof TokenScope>;

export const WorkflowStatus = z.enum(["draft", "submitted", "published"]).meta({
  id: "WorkflowStatus",
  description: "draft → submitted → published; only published records are public.",
});
export type WorkflowStatus = z.infer<typeof WorkflowStatus>;

export const Action = z.enum([
  "record.create",
  "record.update",
  "record.retract",
  "record.submit",
  "record.publish",
  "record.correct",
  "dispute.open",
  "dispute.resolve",
  "annotation.create",
  "delivery.confirm",
  "import.run",
  "rates.load",
  "organisation.manage",
]);
export type Action = z.infer<typeof Action>;

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
  /** The organisation that created the record, for approvals of its drafts. */
  ownerOrganisation?: string | undefined;
  status?: WorkflowStatus | undefined;
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

const writeActions: ReadonlySet<Action> = new Set(Action.options.filter((a) => a !== "annotation.create"));

/** Whether an actor may take an action on a target, and if not, why — the reason is shown to the user and logged. */
export function authorise(actor: Actor | null, action: Action, target: Target = {}): Decision {
  if (!actor) return deny("sign in first: the public reads published data only");
  if (
    actor.tokenScopes &&
    !actor.tokenScopes.includes("write") &&
    (writeActions.has(action) || action === "annotation.create")
  ) {
    return deny("this API token may only read");
  }
  const has = (role: Role) => actor.roles.includes(role);
  if (has("administrator")) return allow;
  const party = actor.organisation.party;
  const ownDonor = party !== undefined && target.donor === party;

  switch (action) {
    case "record.create":
    case "record.update":
    case "record.retract":
    case "record.submit":
    case "record.correct":
    case "import.run":
      if (!has("ministry_editor")) return deny("only a ministry editor may change records");
      if (!ownDonor) return deny(`a ministry may only change its own country's records (${party ?? "none"})`);
      if (action === "record.update" && target.status === "published") {
        return deny("a published record is corrected, with a reason, not edited");
      }
      return allow;
    case "record.publish":
      if (!has("ministry_approver")) return deny("only a ministry approver may publish");
      if (!ownDonor) return deny("a ministry may only publish its own country's records");
      if (target.status !== "submitted") return deny("only a submitted record can be published");
      return allow;
    case "dispute.open":
      if (has("ngo_analyst") || has("recipient_verifier") || has("ministry_editor")) return allow;
      return deny("only analysts, verifiers and ministry editors may dispute a record");
    case "annotation.create":
      return has("ngo_analyst") ? allow : deny("only NGO analysts may annotate");
    case "delivery.confirm":
      if (!has("recipient_verifier")) return deny("only the recipient's verifiers may confirm receipt");
      if (party === undefined || target.recipient !== party)
        return deny("a verifier confirms deliveries to its own country only");
      return allow;
    case "dispute.resolve":
    case "rates.load":
    case "organisation.manage":
      return deny("only the tracker's administrators may do this");
  }
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
 * Fields each action may set, per record kind: anything else in a request is refused (no mass assignment).
 * Workflow status, versions, synthetic flags and ids of others' records are never set through these.
 */
export const settableFields = {
  commitment: [
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
  ],
  tranche: ["commitment", "position", "due", "measure", "note"],
  event: ["commitment", "stage", "date", "period", "measure", "confidence", "sources", "note"],
} as const;
