export * from "./client.ts";
export * from "./queries/agreements.ts";
export * from "./queries/commitments.ts";
export * from "./queries/parties.ts";
export * from "./reference.ts";
export * as schema from "./schema.ts";
