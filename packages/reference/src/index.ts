import {
  Agreement,
  type Agreement as AgreementRecord,
  Commitment,
  type Commitment as CommitmentRecord,
  Party,
  type Party as PartyRecord,
  type StageEvent,
} from "@commitments/core";
import { referenceAgreements } from "./agreements.ts";
import { referenceCommitments } from "./commitments.ts";
import { referenceParties } from "./parties.ts";

export { referenceAgreements } from "./agreements.ts";
export { referenceCommitments } from "./commitments.ts";
export { referenceParties } from "./parties.ts";
export * from "./sources.ts";
export * from "./synthetic.ts";

export interface ReferenceDataset {
  parties: PartyRecord[];
  agreements: AgreementRecord[];
  commitments: CommitmentRecord[];
  /** The seeds report no deliveries, so the reference dataset has no stage events. */
  events: StageEvent[];
}

/** The reference dataset, parsed through the core schemas: defaults applied, and invalid data throws here. */
export function referenceDataset(): ReferenceDataset {
  return {
    parties: referenceParties.map((p) => Party.parse(p)),
    agreements: referenceAgreements.map((a) => Agreement.parse(a)),
    commitments: referenceCommitments.map((c) => Commitment.parse(c)),
    events: [],
  };
}
export * from "./designations.ts";
export * from "./starter.ts";
