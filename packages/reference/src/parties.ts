import { isoStates, organisations, type Party } from "@commitments/core";

/** Every ISO 3166-1 state and the organisations the seeds name: core's lists, reused as they are. */
export const referenceParties: readonly Party[] = [...isoStates(), ...organisations];
