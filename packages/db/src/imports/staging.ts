import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "../client.ts";
import * as schema from "../schema.ts";
import { columnsOf, entityOf } from "./stage.ts";
import { type Kind, kinds } from "./types.ts";

/*
 * Staging: each row's records are COPY-ed, in batches, into temporary tables on a connection of the import's own.
 * Temporary tables go with their connection, so a process killed mid-import leaves nothing behind.
 */

export const id = (name: string) => sql.identifier(name);
export const list = (names: readonly string[], prefix?: string): SQL =>
  sql.join(
    names.map((name) => (prefix ? sql`${id(prefix)}.${id(name)}` : id(name))),
    sql`, `,
  );

/** A connection of the import's own, and COPY on it. */
export interface ImportConnection {
  db: Db;
  /** Copies lines of CSV into a table's columns. */
  copy(table: string, columns: readonly string[], lines: readonly string[]): Promise<void>;
  release(broken: boolean): void;
}

/** Lines of CSV turned into text this many at a time, a turn of the event loop between: a batch is megabytes. */
const linesPerChunk = 1_000;

/** The CSV text of `lines`, a chunk at a time, each line ended. */
async function* csvChunks(lines: readonly string[]): AsyncGenerator<string> {
  for (let i = 0; i < lines.length; i += linesPerChunk) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    yield `${lines.slice(i, i + linesPerChunk).join("\n")}\n`;
  }
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const copyInto = (table: string, columns: readonly string[]) =>
  `copy ${quoted(table)} (${columns.map(quoted).join(", ")})`;

/** Runs SQL with an optional blob, as PGlite and a PGlite transaction (on its thread or not) both do. */
type LiteQuery = Pick<PGlite, "query">;

export async function importConnection(db: Db): Promise<ImportConnection> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client === undefined) return inTransaction(db);
  if (client instanceof pg.Pool || client instanceof pg.Client) {
    // Temporary tables belong to one connection: take one from the pool for the whole import.
    const conn = client instanceof pg.Pool ? await client.connect() : client;
    const own = drizzlePg(conn, { schema, casing: "snake_case" }) as unknown as Db;
    return {
      db: own,
      copy: async (table, columns, lines) => {
        const copy = conn.query(copyFrom(`${copyInto(table, columns)} from stdin with (format csv)`));
        await pipeline(Readable.from(csvChunks(lines)), copy);
      },
      release: (broken) => {
        if (conn !== client) (conn as pg.PoolClient).release(broken);
      },
    };
  }
  // PGlite has one connection, shared by everyone; the temporary tables' names are the import's own.
  return { db, copy: liteCopy(client as LiteQuery), release: () => {} };
}

function liteCopy(lite: LiteQuery): ImportConnection["copy"] {
  return async (table, columns, lines) => {
    const chunks: string[] = [];
    for await (const chunk of csvChunks(lines)) chunks.push(chunk);
    await lite.query(`${copyInto(table, columns)} from '/dev/blob' with (format csv)`, [], {
      blob: new Blob(chunks),
    });
  };
}

/**
 * Inside a caller's transaction (a load that must roll back with it): its own connection, whose client Drizzle
 * keeps on the transaction's session; the load's writes then nest as a savepoint.
 */
function inTransaction(tx: Db): ImportConnection {
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  const copy: ImportConnection["copy"] =
    client instanceof pg.Client
      ? async (table, columns, lines) => {
          await pipeline(
            Readable.from(csvChunks(lines)),
            client.query(copyFrom(`${copyInto(table, columns)} from stdin with (format csv)`)),
          );
        }
      : liteCopy(client as LiteQuery);
  return { db: tx, copy, release: () => {} };
}

/** Temporary tables named for this import, shaped as the ledger tables' data columns plus the source row. */
export async function createStagingTables(conn: ImportConnection): Promise<Record<Kind, string>> {
  const tables = Object.fromEntries(
    kinds.map((kind) => [kind, `import_${randomBytes(6).toString("hex")}_${kind}`]),
  ) as Record<Kind, string>;
  for (const kind of kinds) {
    await conn.db.execute(
      sql`create temporary table ${id(tables[kind])} as select 0::integer as source_row, ${list(
        columnsOf[kind].map((c) => c.name),
      )} from ${entityOf[kind].table} with no data`,
    );
  }
  return tables;
}

export async function dropStagingTables(
  conn: ImportConnection,
  tables: Record<Kind, string>,
): Promise<boolean> {
  let broken = false;
  await conn.db.execute(sql`drop table if exists ${list(kinds.map((kind) => tables[kind]))}`).catch(() => {
    broken = true;
  });
  return broken;
}
