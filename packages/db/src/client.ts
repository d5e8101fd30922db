import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { PGliteThread } from "./pglite-thread.ts";
import * as schema from "./schema.ts";

/** The database as queries see it: the same type on PostgreSQL and on PGlite. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  /** Applies the committed migrations; safe to run on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** A PostgreSQL connection string. When absent, the embedded PGlite store is used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; omitted means in memory (tests). */
  dataDir?: string | undefined;
  /** Sees every query and its parameters (tests read the plans of what an endpoint asks). */
  logger?: Logger | undefined;
}

const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/** PostgreSQL when a connection string is given, embedded PGlite otherwise: the same schema and queries on both. */
export async function createDb(options: DbOptions = {}): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server closes (a restart, a failover, a dropped database) is an error event on the
    // pool; unhandled, it would crash the process. The pool discards that connection and opens another on demand.
    pool.on("error", (error) => console.warn(`database: an idle connection was closed: ${error.message}`));
    const db = drizzlePg(pool, { schema, casing: "snake_case", logger: options.logger ?? false });
    return {
      db: db as unknown as Db,
      kind: "postgres",
      migrate: () => migratePg(db, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  // PGlite runs without fsync: safe against a crashed process, not against power loss. PostgreSQL is the
  // production store.
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // On a worker thread of its own: a PGlite query holds the thread it runs on until it ends, and on the event loop
  // every other request (even /health) would wait behind a heavy read.
  const client = new PGliteThread(options.dataDir);
  await client.waitReady;
  // drizzle takes `{ client }` for a client that is not a PGlite instance; it uses query, exec and transaction.
  const db = drizzlePglite({
    client: client as unknown as PGlite,
    schema,
    casing: "snake_case",
    logger: options.logger ?? false,
  });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}
