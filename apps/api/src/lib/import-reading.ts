import { type Actor, authorise, confidenceAllowed, type SourceDataset } from "@commitments/core";
import type { ImportItem, ImportParams, StagedRows } from "@commitments/db";
import { stageItems } from "@commitments/db/stage";
import {
  type ByteSource,
  type FormatId,
  type FormatRelease,
  formatById,
  type IatiOptions,
  type ImportFormat,
  type KielOptions,
  type SipriOptions,
} from "@commitments/importers";

/*
 * The reading of an import's file: the format's importer with its options parses it, and core's rules for the
 * actor refuse what they may not state, row by row. Nothing here touches the database, so it runs on a thread of
 * the import pool (import-pool.ts, import-worker.mjs) or, for the command line and the starter data, in the
 * importing process; the pipeline (@commitments/db) stages and checks what it yields either way.
 */

/** What some formats need to know that their files do not say. */
export interface FormatOptions {
  /** Kiel: the release's label, data period (YYYY-MM) and date (YYYY-MM-DD), as its release_info.csv gives them. */
  release?: string | undefined;
  releasePeriod?: string | undefined;
  releaseDate?: string | undefined;
  /** IATI: the donor of every figure, when the organisation identifiers of the file do not name the right one. */
  donor?: string | undefined;
  /** IATI and SIPRI: whose receipts to import (default UA). */
  recipient?: string | undefined;
}

type Parse = (input: ByteSource) => AsyncGenerator<ImportItem>;

/** A format's importer with its options: the parser, whose figures the file holds, and the release it is. */
export interface FormatImporter {
  importerVersion: string;
  parse: Parse;
  sourceDataset: SourceDataset;
  release: FormatRelease | undefined;
}

/** The importer of a format with its options; for a missing option, its name and why it is needed. */
export function importerFor(
  id: FormatId,
  options: FormatOptions,
): ({ ok: true } & FormatImporter) | { ok: false; option: string; message: string } {
  const format = formatById(id);
  if (!format) return { ok: false, option: "format", message: "not a format the tracker imports" };
  const recipient = options.recipient === undefined ? {} : { recipient: options.recipient };
  const found = <O>(f: ImportFormat<O>, parsed: O) => ({
    ok: true as const,
    importerVersion: f.importerVersion,
    parse: (input: ByteSource) => f.parse(input, parsed),
    sourceDataset: f.sourceDataset,
    release: f.release?.(parsed),
  });
  switch (format.id) {
    case "kiel-data-explorer":
    case "kiel-weapons": {
      const { release: label, releasePeriod: period, releaseDate: published } = options;
      if (!label || !period || !published) {
        const option = !label ? "release" : !period ? "releasePeriod" : "releaseDate";
        return {
          ok: false,
          option,
          message:
            "Kiel's files need their release, which every figure cites: its label (release), data period (releasePeriod, YYYY-MM) and date (releaseDate, YYYY-MM-DD), as release_info.csv gives them",
        };
      }
      const release = { release: /Release (\d+)/.exec(label)?.[1] ?? label, label, period, published };
      return found<KielOptions>(format, { release });
    }
    case "iati-activity":
      return found<IatiOptions>(format, {
        ...recipient,
        ...(options.donor === undefined ? {} : { donor: options.donor }),
      });
    case "sipri-trade-register":
      return found<SipriOptions>(format, recipient);
    default:
      return found(format, {});
  }
}

/** What a reading thread is given to read a file: plain data, as a message between threads carries it. */
export interface ReadJob {
  format: FormatId;
  options: FormatOptions;
  /** Whose rights apply (the confidences they may state); null for the tracker itself. */
  actor: Actor | null;
  /** Problems listed in the report; the rest are counted. */
  maxProblems: number;
}

/** A file's bytes read by its format's importer into the staging lines of the pipeline, a batch at a time. */
export function readFile(job: ReadJob, input: ByteSource): AsyncGenerator<StagedRows> {
  const importer = importerFor(job.format, job.options);
  // The request's options were checked before any byte was read.
  if (!importer.ok) throw new Error(`${importer.option}: ${importer.message}`);
  return stageItems(importer.parse(input), {
    sourceDataset: importer.sourceDataset,
    refuse: refusalsOf(job.actor),
    maxProblems: job.maxProblems,
  });
}

/** The same rules as every other write: a ministry imports its own donor's records, at confidences it may state. */
export function refusalsOf(actor: Actor | null): ImportParams["refuse"] {
  if (actor === null) return undefined;
  return {
    donor: (donor) => {
      const decision = authorise(actor, "import.run", { donor });
      return decision.allowed ? null : decision.reason;
    },
    confidence: (confidence) =>
      confidenceAllowed(actor, confidence) ? null : `your role may not state the confidence "${confidence}"`,
  };
}
