import { createHash } from "node:crypto";
import { type Actor, authorise, confidenceAllowed, type SourceDataset } from "@commitments/core";
import {
  type Db,
  type ImportItem,
  type ImportProgress,
  type ImportReport,
  importRecords,
  type Placement,
} from "@commitments/db";
import {
  type ByteSource,
  type FormatId,
  type FormatRelease,
  formatById,
  formats,
  type IatiOptions,
  type ImportFormat,
  type KielOptions,
  type SipriOptions,
} from "@commitments/importers";
import { ApiError } from "./errors.ts";

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
  return importRecords(db, {
    id: request.id,
    items: importer.parse(chunks()),
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
    refuse:
      actor === null
        ? undefined
        : {
            donor: (donor) => {
              const decision = authorise(actor, "import.run", { donor });
              return decision.allowed ? null : decision.reason;
            },
            confidence: (confidence) =>
              confidenceAllowed(actor, confidence)
                ? null
                : `your role may not state the confidence "${confidence}"`,
          },
    dryRun: request.dryRun,
    onProgress: request.onProgress,
  });
}
