import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { changeSets } from "./schema.ts";

/** How many change sets the ledger holds: each write adds one, a refused write none. */
export async function countChangeSets(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(changeSets);
  return row?.n ?? 0;
}
