import { comparePartialDates } from "@commitments/core";
import { inArray } from "drizzle-orm";
import type { Db } from "./client.ts";
import { eventEntity, trancheEntity } from "./entities.ts";
import type { CommitmentFilters } from "./queries/filters.ts";
import { type CommitmentWithSchedule, listCommitments, type ReadOptions } from "./queries/reads.ts";
import { allRecords, type Page, publicVisibility } from "./records.ts";
import { stageEvents, tranches } from "./schema.ts";

/*
 * Reads for the exports: pages of whole commitments (with schedule and events). The flags of series figures come
 * with the series itself (series.ts), from the counts the series cells keep.
 */

/**
 * One page of commitments, in id order after the cursor, each with its schedule and its stage events, all as
 * they stood at the same moment and under the same visibility: three queries a page, whatever its size.
 */
export async function listCommitmentsWithSchedules(
  db: Db,
  filters: CommitmentFilters,
  options: ReadOptions,
): Promise<Page<CommitmentWithSchedule>> {
  const page = await listCommitments(db, filters, options);
  const ids = page.items.map((c) => c.record.id);
  if (ids.length === 0) return { items: [], next: page.next };
  const visibility = options.visibility ?? publicVisibility;
  const [schedule, events] = await Promise.all([
    allRecords(db, trancheEntity, [inArray(tranches.commitmentId, ids)], options.asOf, visibility),
    allRecords(db, eventEntity, [inArray(stageEvents.commitmentId, ids)], options.asOf, visibility),
  ]);
  const byCommitment = new Map<string, CommitmentWithSchedule>(
    page.items.map((commitment) => [commitment.record.id, { commitment, schedule: [], events: [] }]),
  );
  for (const t of schedule) byCommitment.get(t.record.commitment)?.schedule.push(t);
  for (const e of events) byCommitment.get(e.record.commitment)?.events.push(e);
  const items = [...byCommitment.values()];
  // The orders getCommitment gives: the schedule by position, events by date.
  for (const item of items) {
    item.schedule.sort(
      (a, b) => a.record.position - b.record.position || a.record.id.localeCompare(b.record.id),
    );
    item.events.sort(
      (a, b) => comparePartialDates(a.record.date, b.record.date) || a.record.id.localeCompare(b.record.id),
    );
  }
  return { items, next: page.next };
}
