import {
  commitmentEntity,
  type Db,
  type Entity,
  entities,
  getRecord,
  type Visibility,
} from "@commitments/db";

/** The record a notice speaks of, as its reader may know it. */
export interface NoticeRecord {
  kind: string;
  /** Null, with the title, where the reader may not see the record. */
  id: string | null;
  /** The commitment it belongs to (itself, for a commitment): where the web app shows it. */
  commitment: string | null;
  /** That commitment's title. */
  title: string | null;
}

/**
 * Names a notice's record by its commitment's title, read now with the reader's visibility: another organisation's
 * draft (withdrawn or not) is left unnamed, id and title alike. A published record, even retracted since, stays in
 * the public history, so naming it tells nothing the public cannot read.
 */
export async function aboutRecord(
  db: Db,
  record: { kind: string; id: string },
  visibility: Visibility,
): Promise<NoticeRecord> {
  const unnamed: NoticeRecord = { kind: record.kind, id: null, commitment: null, title: null };
  const entity = (entities as Record<string, Entity<{ id: string }>>)[record.kind];
  if (!entity) return unnamed;
  const found = await getRecord(db, entity, record.id, undefined, visibility);
  if (!found) return unnamed;
  const commitmentId =
    record.kind === "commitment" ? record.id : (found.record as { commitment?: string }).commitment;
  if (!commitmentId) return unnamed;
  const commitment =
    record.kind === "commitment"
      ? found
      : await getRecord(db, commitmentEntity, commitmentId, undefined, visibility);
  if (!commitment) return unnamed;
  return {
    kind: record.kind,
    id: record.id,
    commitment: commitmentId,
    title: (commitment.record as unknown as { title: string }).title,
  };
}
