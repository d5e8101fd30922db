import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDb, type DbHandle, type DbOptions } from "./client.ts";

/**
 * The databases every database test runs against: embedded PGlite always, and PostgreSQL as well when
 * TEST_DATABASE_URL points at a server. Each `open()` gives a fresh, migrated database of its own (a PGlite
 * directory, or a throw-away PostgreSQL database), so test files can run in parallel.
 */
export interface TestTarget {
  name: "pglite" | "postgres";
  open(options?: Pick<DbOptions, "logger">): Promise<TestDatabase>;
}

export interface TestDatabase extends DbHandle {
  /** Closes every connection and opens the same database again, as a restarted server would. */
  restart(): Promise<TestDatabase>;
  /** Closes and deletes the database. */
  dispose(): Promise<void>;
}

export function testTargets(): TestTarget[] {
  const url = process.env.TEST_DATABASE_URL;
  const targets: TestTarget[] = [{ name: "pglite", open: openPglite }];
  if (url) targets.push({ name: "postgres", open: (options) => openPostgres(url, options) });
  return targets;
}

/**
 * For the longest tests (thousands of hostile requests and files): the one store of this run, PostgreSQL when
 * TEST_DATABASE_URL names one (CI's database leg) and PGlite otherwise (npm test), so each store runs them once.
 */
export function soleTestTarget(): TestTarget[] {
  return testTargets().slice(-1);
}

async function openPglite(options: Pick<DbOptions, "logger"> = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), "ct-pglite-"));
  return open({ ...options, dataDir }, async () => rmSync(dataDir, { recursive: true, force: true }));
}

async function openPostgres(
  adminUrl: string,
  options: Pick<DbOptions, "logger"> = {},
): Promise<TestDatabase> {
  const database = await throwAwayDatabase(adminUrl);
  return open({ ...options, databaseUrl: database.url }, database.drop);
}

/**
 * A new, empty PostgreSQL database beside the one `adminUrl` names, for a test that runs servers of its own.
 * Named after that database, so whoever created that one can find and drop these.
 */
export async function throwAwayDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${new URL(adminUrl).pathname.slice(1) || "ct"}_${randomBytes(6).toString("hex")}`;
  await admin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(adminUrl, `drop database if exists ${name} with (force)`) };
}

async function open(options: DbOptions, remove: () => Promise<void>): Promise<TestDatabase> {
  const handle: DbHandle = await createDb(options);
  await handle.migrate();
  return {
    ...handle,
    restart: async () => {
      await handle.close();
      return open(options, remove);
    },
    dispose: async () => {
      await handle.close();
      await remove();
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
