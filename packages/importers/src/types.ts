import type { CommitmentRecord, Party, StageEvent, TrancheRecord } from "@commitments/core";

/**
 * Bytes as they arrive: a Node stream (a file, an HTTP request body) or any async iterable of chunks, such as a
 * web ReadableStream. Nothing is read ahead of what the parser has consumed.
 */
export type ByteSource = AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;

/**
 * Something wrong with one row (a CSV line, an XML element): where it is, which column, what the cell held and
 * what is wrong. `row` is the 1-based line of the file on which the row starts.
 */
export interface ImportProblem {
  row: number;
  column?: string;
  value?: string;
  message: string;
}

/** Records in the core ledger shapes, each one valid against its core schema. */
export interface ImportedRecords {
  /** Parties the file introduces (an IATI publisher that is not a state): created when the ledger has none. */
  parties?: Party[];
  commitments: CommitmentRecord[];
  tranches: TrancheRecord[];
  events: StageEvent[];
}

/**
 * One item per source row. A row either yields records, all valid, or problems and no records at all: a row is
 * never half imported. `warnings` are things a reviewer should know about records that were imported anyway. A row
 * outside what the import takes (a deal with another recipient, an activity for another country) is `skipped`
 * with the reason, in words the report counts it under: it is neither written nor a problem.
 */
export type ImportItem =
  | { row: number; records: ImportedRecords; warnings?: ImportProblem[] }
  | { row: number; problems: ImportProblem[] }
  | { row: number; skipped: string };

export function emptyRecords(): ImportedRecords {
  return { commitments: [], tranches: [], events: [] };
}

export function isProblemItem(item: ImportItem): item is { row: number; problems: ImportProblem[] } {
  return "problems" in item;
}

/** Options every importer takes. */
export interface CommonImportOptions {
  /** The longest cell or text node accepted, in characters; longer ones become problems. Default 32,768. */
  maxCellLength?: number;
}

export const defaultMaxCellLength = 32_768;
