export * from "./agreements.ts";
export * from "./categories.ts";
export * from "./commitments.ts";
export * from "./dates.ts";
export * from "./gradation.ts";
export * from "./money.ts";
export * from "./parties.ts";
export * from "./sources.ts";
