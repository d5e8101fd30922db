import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { imports } from "../schema.ts";
import type { ImportRun } from "./types.ts";

/** The runs, newest first: an organisation's own, or (undefined) everyone's. */
export async function listImports(
  db: Db,
  options: { organisationId?: string | undefined; limit: number },
): Promise<ImportRun[]> {
  return db
    .select()
    .from(imports)
    .where(
      options.organisationId === undefined ? undefined : eq(imports.organisationId, options.organisationId),
    )
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(options.limit);
}

export async function getImport(
  db: Db,
  importId: string,
  organisationId?: string,
): Promise<ImportRun | undefined> {
  const [row] = await db
    .select()
    .from(imports)
    .where(
      and(
        eq(imports.id, importId),
        organisationId === undefined ? undefined : eq(imports.organisationId, organisationId),
      ),
    );
  return row;
}
