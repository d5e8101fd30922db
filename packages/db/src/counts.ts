import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { changeSets } from "./schema.ts";

/** How many change sets the ledger holds: each write adds one, a refused write none. */
export async function countChangeSets(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(changeSets);
  return row?.n ?? 0;
}

/**
 * Everything a request could write, counted: ledger change sets and the state of every account table. Two equal
 * fingerprints around a refused request show it wrote nothing.
 */
export async function writeFingerprint(db: Db): Promise<string> {
  const result = await db.execute(sql`select
    (select count(*) from change_sets)::int as change_sets,
    (select count(*) from organisations)::int as organisations,
    (select count(*) from users)::int as users,
    (select count(*) from users where disabled_at is not null)::int as disabled_users,
    (select count(*) from api_tokens)::int as tokens,
    (select count(*) from api_tokens where revoked_at is not null)::int as revoked_tokens,
    (select count(*) from sessions)::int as sessions,
    (select count(*) from sessions where revoked_at is not null)::int as ended_sessions`);
  return JSON.stringify((result as unknown as { rows: unknown[] }).rows[0]);
}
