import {
  type CommitmentRecord,
  type Fulfilment,
  fulfilment,
  type IsoDate,
  type MeasureProblem,
  type Result,
  type Stage,
  sourceDatasets,
} from "@commitments/core";
import { inArray } from "drizzle-orm";
import type { Db } from "../client.ts";
import { eventEntity, trancheEntity } from "../entities.ts";
import type { CommitmentFilters } from "../queries/filters.ts";
import { getCommitment, listCommitments } from "../queries/reads.ts";
import { allRecords, type Page, type Versioned } from "../records.ts";
import { stageEvents, tranches } from "../schema.ts";

export interface FulfilmentReadOptions {
  /** The day the figures are computed for. */
  on: IsoDate;
  promised: Stage;
  /** Undefined: the furthest stage the commitment's source reports (allocated for Kiel's figures). */
  delivered?: Stage | undefined;
  /** Read the ledger as it stood at this moment. */
  asOf?: Date | undefined;
}

/** A commitment with its fulfilment figures, or the problem that prevents them (measures that do not add up). */
export interface CommitmentFulfilment {
  commitment: Versioned<CommitmentRecord>;
  /** The stages counted, and whether the commitment's source reports each at all. */
  stages: { promised: Stage; delivered: Stage };
  reported: { promised: boolean; delivered: boolean };
  fulfilment: Result<Fulfilment, MeasureProblem>;
}

/** The stages a commitment's fulfilment counts: as asked, delivery by default its source's furthest stage. */
function stagesOf(commitment: CommitmentRecord, options: FulfilmentReadOptions) {
  const source = sourceDatasets[commitment.sourceDataset ?? "tracker"];
  const stages = { promised: options.promised, delivered: options.delivered ?? source.progressStage };
  return {
    stages,
    reported: {
      promised: source.stages.includes(stages.promised),
      delivered: source.stages.includes(stages.delivered),
    },
  };
}

/** One commitment's fulfilment, in its own measure, from its schedule and events as they stood at `asOf`. */
export async function commitmentFulfilment(
  db: Db,
  id: string,
  options: FulfilmentReadOptions,
): Promise<CommitmentFulfilment | undefined> {
  const detail = await getCommitment(db, id, options.asOf);
  if (!detail || detail.commitment.retracted) return undefined;
  return {
    commitment: detail.commitment,
    ...stagesOf(detail.commitment.record, options),
    fulfilment: compute(
      detail.commitment.record,
      detail.schedule.map((t) => t.record),
      detail.events.map((e) => e.record),
      options,
    ),
  };
}

/** A page of commitments (in id order) with their fulfilment: three queries a page, whatever its length. */
export async function listFulfilment(
  db: Db,
  filters: CommitmentFilters,
  options: FulfilmentReadOptions & { after?: string | undefined; limit: number },
): Promise<Page<CommitmentFulfilment>> {
  const page = await listCommitments(db, filters, options);
  const ids = page.items.map((c) => c.record.id);
  const [schedule, events] = ids.length
    ? await Promise.all([
        allRecords(db, trancheEntity, [inArray(tranches.commitmentId, ids)], options.asOf),
        allRecords(db, eventEntity, [inArray(stageEvents.commitmentId, ids)], options.asOf),
      ])
    : [[], []];
  return {
    next: page.next,
    items: page.items.map((commitment) => {
      const id = commitment.record.id;
      return {
        commitment,
        ...stagesOf(commitment.record, options),
        fulfilment: compute(
          commitment.record,
          schedule.filter((t) => t.record.commitment === id).map((t) => t.record),
          events.filter((e) => e.record.commitment === id).map((e) => e.record),
          options,
        ),
      };
    }),
  };
}

function compute(
  commitment: CommitmentRecord,
  schedule: Parameters<typeof fulfilment>[0]["schedule"],
  events: Parameters<typeof fulfilment>[1],
  options: FulfilmentReadOptions,
) {
  const { stages } = stagesOf(commitment, options);
  return fulfilment({ measure: commitment.measure, schedule: schedule ?? [] }, events, options.on, {
    promisedStage: stages.promised,
    deliveredStage: stages.delivered,
  });
}
