import type { Action, Actor, Decision, OrganisationKind, Role, Target } from "@commitments/core/access";
import { authorise } from "@commitments/core/access";
import { type AccountMessages, messages } from "./messages.ts";

// The access rules come from core's zod-free module (`@commitments/core/access`), the very function the API asks:
// what the page offers and what the API allows cannot drift apart. The API still checks every request itself.

/** What the rules need of a session (the API's GET /v1/session answer): who, for which organisation, in what roles. */
export interface SessionActor {
  user: { id: string } | null;
  organisation: { id: string; kind: OrganisationKind; party: string | null };
  roles: readonly Role[];
}

/** The signed-in person as the API's `authorise` sees them. */
export function actorOf(session: SessionActor): Actor {
  return {
    userId: session.user?.id,
    organisation: {
      id: session.organisation.id,
      kind: session.organisation.kind,
      party: session.organisation.party ?? undefined,
    },
    roles: session.roles,
  };
}

export interface Ability {
  action: Action;
  /** What the action lets one do, to follow "You can". */
  label: string;
  allowed: boolean;
  /** Core's reason, when not allowed, in the language of `t`. */
  reason?: string;
}

/**
 * What the person may do, asked of `authorise` for representative actions on the records they would typically
 * act on: their own country's records, their own organisation's drafts and tokens. One record may still be
 * refused for reasons of its own (a published record is corrected, not edited), so this is a guide, not a promise.
 */
export function abilitiesOf(
  session: SessionActor,
  countryName: (party: string) => string,
  t: AccountMessages = messages.en,
): Ability[] {
  const actor = actorOf(session);
  const party = actor.organisation.party;
  const own = actor.organisation.id;
  const asks: { action: keyof AccountMessages["abilities"]; target: Target }[] = [
    { action: "record.create", target: { donor: party } },
    { action: "record.publish", target: { donor: party, organisation: own, status: "submitted" } },
    { action: "delivery.confirm", target: { recipient: party } },
    { action: "dispute.open", target: {} },
    { action: "annotation.create", target: {} },
    { action: "reference.edit", target: {} },
    { action: "rates.load", target: {} },
    { action: "organisation.manage", target: {} },
    { action: "token.manage", target: { organisation: own } },
  ];
  return asks.map(({ action, target }) => {
    const label = t.abilities[action](party ? countryName(party) : null);
    const decision = authorise(actor, action, target);
    return decision.allowed
      ? { action, label, allowed: true }
      : { action, label, allowed: false, reason: t.reason(decision.reason) };
  });
}

/** Whether the person may manage their organisation's API tokens (the API answers 403 otherwise). */
export function mayManageTokens(session: SessionActor): boolean {
  return authorise(actorOf(session), "token.manage", { organisation: session.organisation.id }).allowed;
}

/**
 * Whether the person may import files, asked as the API asks before it reads an upload: for their own country's
 * records. Each row's donor is still checked as the file is read.
 */
export function importDecision(session: SessionActor): Decision {
  const actor = actorOf(session);
  return authorise(actor, "import.run", { donor: actor.organisation.party });
}

/**
 * The country whose deliveries the person confirms as received, as the API decides for a delivery to it: their
 * organisation's own, for the recipient's verifiers; null for anyone else.
 */
export function confirmingParty(session: SessionActor): string | null {
  const party = session.organisation.party;
  if (!party) return null;
  return authorise(actorOf(session), "delivery.confirm", { recipient: party }).allowed ? party : null;
}
