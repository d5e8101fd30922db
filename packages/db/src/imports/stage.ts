import type { StageEvent } from "@commitments/core";
import { commitmentEntity, eventEntity, partyEntity, trancheEntity } from "../entities.ts";
import { csvCell, dataColumns } from "../ledger-columns.ts";
import {
  type ImportItem,
  type ImportParams,
  type ImportProblem,
  type Kind,
  kinds,
  type StagedRows,
} from "./types.ts";

/*
 * The reading of a file, row by row: each item an importer yields becomes the CSV lines the pipeline COPY-es into
 * its staging tables, with the problems one record shows on its own. No database is touched here, so the reading
 * runs wherever the file is parsed: in the importing process, or on a thread of the API's import pool
 * (apps/api/src/lib/import-pool.ts), which sends the batches to the pipeline as they are made.
 */

export const entityOf = {
  parties: partyEntity,
  commitments: commitmentEntity,
  tranches: trancheEntity,
  events: eventEntity,
} as const;
export const nounOf = {
  parties: "party",
  commitments: "commitment",
  tranches: "tranche",
  events: "event",
} as const;

export const columnsOf = Object.fromEntries(
  kinds.map((kind) => [kind, dataColumns(entityOf[kind] as never)]),
) as Record<Kind, { key: string; name: string }[]>;

interface StageOptions {
  /** Whose figures the file's commitments are: the import's to say, not the file's. */
  sourceDataset: string;
  refuse?: Pick<NonNullable<ImportParams["refuse"]>, "confidence"> | undefined;
  /** Problems and warnings listed in all; the rest are counted. */
  maxProblems: number;
  /** Source rows per batch. */
  batchRows?: number | undefined;
}

/** The items of a file as batches of staging lines, in file order. */
export async function* stageItems(
  items: AsyncIterable<ImportItem>,
  { sourceDataset, refuse, maxProblems, batchRows = 1_000 }: StageOptions,
): AsyncGenerator<StagedRows> {
  let batch = emptyBatch();
  // Counted over the whole file, so no more than `maxProblems` of each are ever listed.
  let problemsSeen = 0;
  let warningsSeen = 0;
  const problem = (found: ImportProblem) => {
    batch.problemCount += 1;
    if (problemsSeen++ < maxProblems) batch.problems.push(found);
  };
  const warning = (found: ImportProblem) => {
    batch.warningCount += 1;
    if (warningsSeen++ < maxProblems) batch.warnings.push(found);
  };
  for await (const item of items) {
    batch.rows += 1;
    if ("problems" in item) {
      for (const found of item.problems) problem(found);
    } else if ("skipped" in item) {
      batch.skipped[item.skipped] = (batch.skipped[item.skipped] ?? 0) + 1;
    } else {
      for (const found of item.warnings ?? []) warning(found);
      for (const kind of kinds) {
        for (const found of (item.records[kind] ?? []) as { id: string }[]) {
          const record = kind === "commitments" ? withDataset(found, sourceDataset) : found;
          const problems = recordProblems(kind, record, item.row, refuse);
          for (const found of problems) problem(found);
          // Checked across rows as well, so every fault of a row is reported; unless COPY could not take it.
          if (problems.some((p) => p.message === unstorableMessage)) continue;
          batch.lines[kind].push(stagedLine(kind, item.row, record));
        }
      }
    }
    if (batch.rows >= batchRows) {
      yield batch;
      batch = emptyBatch();
    }
  }
  if (batch.rows > 0) yield batch;
}

function emptyBatch(): StagedRows {
  return {
    rows: 0,
    lines: { parties: [], commitments: [], tranches: [], events: [] },
    problems: [],
    problemCount: 0,
    warnings: [],
    warningCount: 0,
    skipped: {},
  };
}

function withDataset(record: { id: string }, dataset: string): { id: string; sourceDataset?: string } {
  const { sourceDataset: _, ...rest } = record as { id: string; sourceDataset?: string };
  return dataset === "tracker" ? rest : { ...rest, sourceDataset: dataset };
}

const unstorableMessage = "contains a NUL character or a lone surrogate";

/** What one record shows on its own: text the database cannot hold, a confidence the actor may not state. */
function recordProblems(
  kind: Kind,
  record: { id: string },
  row: number,
  refuse: StageOptions["refuse"],
): ImportProblem[] {
  const found: ImportProblem[] = [];
  for (const [field, value] of Object.entries(record)) {
    if (unstorable(value)) found.push({ row, column: field, message: unstorableMessage });
  }
  const confidence = kind === "events" ? (record as StageEvent).confidence : undefined;
  const refused = confidence === undefined ? null : (refuse?.confidence?.(confidence) ?? null);
  if (refused !== null) found.push({ row, column: "confidence", value: confidence, message: refused });
  return found;
}

/** A record's row as a CSV line for COPY: the source row first, then its data columns. */
function stagedLine(kind: Kind, row: number, record: { id: string }): string {
  const values = entityOf[kind].toRow(record as never) as Record<string, unknown>;
  return [row, ...columnsOf[kind].map((c) => values[c.key])].map(csvCell).join(",");
}

/** Any NUL or surrogate code unit: text without one (nearly all) needs no closer look. */
const suspect = /[\0\uD800-\uDFFF]/;

/** PostgreSQL text holds no NUL character, and a lone surrogate is not text: refused by name, not by a failed COPY. */
function unstorable(value: unknown): boolean {
  if (typeof value === "string")
    return suspect.test(value) && (value.includes("\0") || /\p{Cs}/u.test(value));
  if (value !== null && typeof value === "object") return Object.values(value).some(unstorable);
  return false;
}
