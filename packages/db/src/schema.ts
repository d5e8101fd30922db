/*
 * The database's tables, as drizzle-kit reads them to generate the migrations: the ledger (versioned records, the
 * series' cells, rates), the accounts (organisations, people, sessions, tokens, limits, imports) and the notices.
 */
export * from "./schema/accounts.ts";
export * from "./schema/ledger.ts";
export * from "./schema/notices.ts";
