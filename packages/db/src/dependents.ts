import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { type Entity, type EntityName, rowsOf } from "./entities.ts";
import { visibleAt } from "./ledger.ts";

/** A live record that points at another, and so keeps it from being retracted. */
export interface Dependent {
  entity: EntityName;
  id: string;
}

/** The live records that refer to a record, at most `limit` of them, so a refusal can name them. */
export async function liveDependents<R extends { id: string }>(
  db: Db,
  entity: Entity<R>,
  id: string,
  limit = 20,
): Promise<Dependent[]> {
  const found: Dependent[] = [];
  for (const dependent of entity.dependents) {
    if (found.length >= limit) break;
    const rows = rowsOf<{ id: string }>(
      await db.execute(
        sql`select ${dependent.table.id} as id from ${dependent.table}
            where ${sql.identifier(dependent.column)} = ${id} and ${visibleAt(dependent.table)}
            order by ${dependent.table.id} limit ${limit - found.length}`,
      ),
    );
    found.push(...rows.map((row) => ({ entity: dependent.entity, id: row.id })));
  }
  return found;
}
