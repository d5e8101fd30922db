import type { Party, PartyKind } from "@commitments/core";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { parties } from "../schema.ts";

type PartyRow = typeof parties.$inferSelect;

export function partyFromRow(row: PartyRow): Party {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    ...(row.nameUk ? { nameUk: row.nameUk } : {}),
    ...(row.alpha3 ? { alpha3: row.alpha3 } : {}),
    ...(row.members ? { members: row.members } : {}),
  };
}

export async function listParties(db: Db, params: { kind?: PartyKind | undefined } = {}): Promise<Party[]> {
  const rows = await db
    .select()
    .from(parties)
    .where(params.kind ? eq(parties.kind, params.kind) : undefined)
    .orderBy(asc(parties.name));
  return rows.map(partyFromRow);
}

export async function getParty(db: Db, id: string): Promise<Party | undefined> {
  const [row] = await db.select().from(parties).where(eq(parties.id, id));
  return row ? partyFromRow(row) : undefined;
}

export async function insertParties(db: Db, list: readonly Party[]): Promise<void> {
  if (list.length === 0) return;
  await db
    .insert(parties)
    .values(
      list.map((p) => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        nameUk: p.nameUk ?? null,
        alpha3: p.alpha3 ?? null,
        members: p.members ?? null,
      })),
    )
    .onConflictDoNothing();
}
