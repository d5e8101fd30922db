export * from "./access.ts";
// Explicit, so these names are the schemas (with their types) rather than the bare types of access.ts.
export { OrganisationKind, Role, TokenScope, WorkflowStatus } from "./access-schemas.ts";
export * from "./agreements.ts";
export * from "./categories.ts";
export * from "./commitments.ts";
export * from "./dates.ts";
export * from "./decimal.ts";
export * from "./exchange-rates.ts";
export * from "./fulfilment.ts";
export * from "./gradation.ts";
export * from "./json-schema.ts";
export * from "./money.ts";
export * from "./parties.ts";
export * from "./rates-csv.ts";
export * from "./remarks.ts";
export * from "./result.ts";
export * from "./series.ts";
export * from "./sources.ts";
