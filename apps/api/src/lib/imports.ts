import { createHash } from "node:crypto";
import { type Actor, authorise } from "@commitments/core";
import {
  type Db,
  type ImportProgress,
  type ImportReport,
  importRecords,
  type Placement,
} from "@commitments/db";
import { type ByteSource, type FormatId, formats } from "@commitments/importers";
import { ApiError } from "./errors.ts";
import type { ImportPool } from "./import-pool.ts";
import { type FormatOptions, importerFor, type ReadJob, readFile, refusalsOf } from "./import-reading.ts";

/*
 * One way into the import pipeline for the API and the command line: the format's importer with its options, the
 * file streamed through a hash and a size limit, and the actor's rights as core's `authorise` gives them.
 */

export const importFormatIds = formats.map((format) => format.id) as [FormatId, ...FormatId[]];

/**
 * The largest file an import takes unless the operator says otherwise (IMPORT_MAX_BYTES). Rows are streamed,
 * never held, so this bounds time and disk, not memory.
 */
export const maxImportBytes = 512 * 1024 * 1024;

/** Problems listed in an import's report; the rest are counted. */
const maxProblems = 10_000;

/** Who imports: core's actor (null for the tracker itself, on the command line) and the change set's fields. */
export interface Importer {
  actor: Actor | null;
  label: string;
  organisationId?: string | undefined;
  userId?: string | undefined;
  tokenId?: string | undefined;
}

export interface ImportRequest {
  format: FormatId;
  options: FormatOptions;
  /** The file's bytes as they arrive. */
  input: ByteSource | ReadableStream<Uint8Array>;
  name: string;
  dryRun: boolean;
  importer: Importer;
  id?: string | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** The largest file taken, in bytes; `maxImportBytes` by default. */
  maxBytes?: number | undefined;
  /** The threads that read the file; without them, it is read in this process. */
  readers?: ImportPool | undefined;
}

/** The refusal of a file over `maxBytes`. */
export function importTooLarge(maxBytes: number): ApiError {
  const size = maxBytes % 2 ** 20 === 0 ? `${maxBytes / 2 ** 20} MiB` : `${maxBytes} bytes`;
  return new ApiError("PAYLOAD_TOO_LARGE", `Import files are limited to ${size}`);
}

/**
 * Streams a file through its importer into the pipeline. The file's SHA-256 and size are taken as it passes; if
 * the importer stops early (a header it cannot read) the rest is still read, so the hash is the whole file's.
 */
export async function runImport(db: Db, request: ImportRequest): Promise<ImportReport> {
  const importer = importerFor(request.format, request.options);
  if (!importer.ok) {
    throw new ApiError("VALIDATION_FAILED", importer.message, [
      { location: "query", path: importer.option, message: importer.message },
    ]);
  }
  const hash = createHash("sha256");
  const maxBytes = request.maxBytes ?? maxImportBytes;
  let bytes = 0;
  const source = (request.input as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
  const take = async () => {
    // A chunk already buffered comes back as a microtask, and parsing it is too: without this turn of the event
    // loop, a file that arrives faster than it is read would keep every other request waiting, progress included.
    await new Promise((resolve) => setImmediate(resolve));
    const next = await source.next();
    if (next.done) return null;
    const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
    bytes += chunk.length;
    if (bytes > maxBytes) throw importTooLarge(maxBytes);
    hash.update(chunk);
    return chunk;
  };
  // Not a for-await over the source: stopping the parser early must not cancel the upload before it is hashed.
  async function* chunks() {
    for (let chunk = await take(); chunk !== null; chunk = await take()) yield chunk;
  }
  const { actor } = request.importer;
  const administrator = actor === null || actor.roles.includes("administrator");
  // A publisher's dataset is the publisher's word, imported by the tracker's maintainers only.
  if (actor !== null && importer.sourceDataset !== "tracker") {
    const decision = authorise(actor, "import.run", {
      donor: actor.organisation.party,
      sourceDataset: importer.sourceDataset,
    });
    if (!decision.allowed) throw new ApiError("FORBIDDEN", decision.reason);
  }
  const placement: Placement = administrator
    ? { status: "published", organisation: request.importer.organisationId ?? null }
    : { status: "draft", organisation: request.importer.organisationId ?? null };
  const job: ReadJob = { format: request.format, options: request.options, actor, maxProblems };
  return importRecords(db, {
    id: request.id,
    staged: request.readers ? request.readers.read(job, chunks()) : readFile(job, chunks()),
    maxProblems,
    sourceDataset: importer.sourceDataset,
    // A publisher's release corrects the published figures of its dataset: only the tracker itself does that,
    // never a ministry, whose records change through their workflow.
    release: administrator ? importer.release : undefined,
    file: async () => {
      while ((await take()) !== null) {}
      return {
        name: request.name,
        sha256: hash.digest("hex"),
        bytes,
        format: request.format,
        importerVersion: importer.importerVersion,
      };
    },
    changeSet: {
      actor: request.importer.label,
      organisationId: request.importer.organisationId,
      userId: request.importer.userId,
      tokenId: request.importer.tokenId,
    },
    placement,
    // A ministry sees its own drafts and published records: its file is never compared with another's drafts.
    sees: administrator
      ? { drafts: "all" }
      : { drafts: "organisation", organisation: request.importer.organisationId ?? "" },
    // The same rules as every other write: a ministry imports its own donor's records, at confidences it may state.
    refuse: refusalsOf(actor),
    dryRun: request.dryRun,
    onProgress: request.onProgress,
  });
}
