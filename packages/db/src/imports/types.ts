import type {
  CommitmentRecord,
  Party,
  Source,
  SourceDataset,
  StageEvent,
  TrancheRecord,
} from "@commitments/core";
import type { ChangeSetInput } from "../ledger.ts";
import type { Placement, Visibility } from "../records.ts";
import type { imports } from "../schema.ts";

/** Something wrong with a row of the file; `row` is the 1-based line, 0 the file as a whole. */
export interface ImportProblem {
  row: number;
  column?: string | undefined;
  value?: string | undefined;
  message: string;
}

/** What an importer yields for one source row (the shape of @commitments/importers' ImportItem). */
export type ImportItem =
  | {
      row: number;
      records: {
        parties?: Party[];
        commitments: CommitmentRecord[];
        tranches: TrancheRecord[];
        events: StageEvent[];
      };
      warnings?: ImportProblem[];
    }
  | { row: number; problems: ImportProblem[] }
  | { row: number; skipped: string };

/** Some rows read: their records as staging lines, and what was found wrong or left aside in them. */
export interface StagedRows {
  /** The source rows read. */
  rows: number;
  lines: Record<Kind, string[]>;
  /** Problems, the first of the file's up to its cap (`maxProblems`), and how many these rows had in all. */
  problems: ImportProblem[];
  problemCount: number;
  warnings: ImportProblem[];
  warningCount: number;
  /** Rows outside the import (another recipient), by reason. */
  skipped: Record<string, number>;
}

/** The file an import read: recorded with the run and in its change set. */
export interface ImportFile {
  name: string;
  sha256: string;
  format: string;
  importerVersion: string;
  bytes: number;
}

export type ImportStatus = (typeof imports.$inferSelect)["status"];
export type ImportPhase = "reading" | "checking" | "writing" | "done";
export interface ImportProgress {
  phase: ImportPhase;
  rows: number;
  problems: number;
}

export const kinds = ["parties", "commitments", "tranches", "events"] as const;
export type Kind = (typeof kinds)[number];

/**
 * Records per kind: in the file, new to the ledger, held by the ledger with other values and corrected to the
 * file's (a publisher's release only), and current in the ledger but no longer in the release, so retracted.
 */
export interface KindCounts {
  total: number;
  new: number;
  changed: number;
  retracted: number;
}
export type ImportCounts = Record<Kind, KindCounts>;

export interface ImportReport {
  id: string;
  status: ImportStatus;
  /** Source rows read (a CSV line, an XML activity). */
  rows: number;
  records: ImportCounts;
  /** The problems found, in file order, at most `maxProblems` of them. */
  problems: ImportProblem[];
  problemCount: number;
  /** What a reviewer should know about rows that were read (a total that does not add up), capped likewise. */
  warnings: ImportProblem[];
  warningCount: number;
  /** Rows outside what the import takes (another recipient, another country), counted per reason; never written. */
  skipped: Record<string, number>;
  /** The change set the records were written in; null unless imported. */
  changeSet: number | null;
  datasetVersion: number;
}

/**
 * A publisher's release, imported over the ledger's earlier figures of the same dataset. The file is the
 * publisher's word as it now stands: a record of the dataset it holds with other values is corrected (a new
 * version, the release as its reason), a record of a commitment it holds but no longer lists is retracted, and with
 * `whole`, so is every commitment an earlier import of the same file kind wrote that the release no longer holds.
 */
export interface Release {
  /**
   * The change set's reason: the release as its publisher names it, or as made from the source the file's first
   * record cites (its date is in the file). Absent: the source's publisher, title and date.
   */
  label?: string | ((source: Source) => string) | undefined;
  /**
   * The file is the publisher's whole dataset of its kind (Kiel's data_explorer, SIPRI's register for a recipient),
   * so commitments earlier imports of the same format (and recipient) wrote that it no longer holds are retracted.
   * Absent: only the commitments the file holds are brought to it (IATI: a file holds some of a publisher's
   * activities).
   */
  whole?: { format: string; recipient?: string | undefined } | undefined;
}

export interface ImportParams {
  /** The run's id (a client may choose it to follow progress); a random UUID if absent. */
  id?: string | undefined;
  /** The file's items, as its importer yields them; read (stage.ts) in this process. */
  items?: AsyncIterable<ImportItem> | undefined;
  /** Or the file already read into staging lines elsewhere (the API's import threads): one of the two. */
  staged?: AsyncIterable<StagedRows> | undefined;
  /** The file; a function is called once the items are read, when a streamed upload's hash and size are known. */
  file: ImportFile | (() => ImportFile | Promise<ImportFile>);
  /** Whose figures the file's commitments are; the tracker's own (the template) by default. */
  sourceDataset?: SourceDataset | undefined;
  /** A publisher's release that corrects the ledger's earlier figures of its dataset (see Release). */
  release?: Release | undefined;
  /** Who imports: the change set's actor and audit fields. */
  changeSet: Omit<ChangeSetInput, "origin" | "metadata">;
  /** Where new records go in the workflow: a ministry's drafts, or the tracker's published records. */
  placement: Placement;
  /** Why a donor's records, or a confidence, may not be imported by this actor; null when they may. */
  refuse?: {
    donor(donor: string): string | null;
    confidence?(confidence: string): string | null;
  };
  /**
   * Which records of the ledger the importer may see (all, for the tracker's own imports). A file's rows are
   * never compared with a record the importer may not see: its id is taken, and nothing more is said of it.
   */
  sees?: Visibility | undefined;
  dryRun?: boolean | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** Problems kept in the report; the count goes on. Default 10,000. */
  maxProblems?: number | undefined;
  /** Rows per COPY. Default 20,000. */
  batchRows?: number | undefined;
}

export type ImportRun = typeof imports.$inferSelect;
