export * from "./client.ts";
export * from "./entities.ts";
export * from "./ledger.ts";
export * from "./queries/filters.ts";
export * from "./queries/reads.ts";
export * from "./records.ts";
export * from "./reference.ts";
export * as schema from "./schema.ts";
