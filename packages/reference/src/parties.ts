import { donorGroups, isoStates, organisations, type Party } from "@commitments/core";

/** Every ISO 3166-1 state, the organisations the seeds name and the donor groups: core's lists, as they are. */
export const referenceParties: readonly Party[] = [...isoStates(), ...organisations, ...donorGroups];
