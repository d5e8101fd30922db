import { IsoDate, PartialDate, PartyId } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireSignIn } from "../../lib/auth/authorise.ts";
import { writeSecurity } from "../../lib/auth/schemes.ts";
import { ErrorBody } from "../../lib/errors.ts";
import { importFormatIds, maxImportBytes } from "../../lib/imports.ts";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";
import { ReadMeta } from "../../lib/representation.ts";

export const importsPath = "/v1/imports";

const Counts = z.object({
  total: z.number().int().openapi({ description: "Records of this kind in the file." }),
  new: z.number().int().openapi({ description: "Of them, records the ledger did not hold." }),
  changed: z.number().int().openapi({
    description:
      "A publisher's release: records the ledger held with other values, corrected to the release's.",
  }),
  retracted: z.number().int().openapi({
    description:
      "A publisher's release: records the ledger held that the release no longer carries, retracted.",
  }),
});
// Runs recorded before releases were followed count only total and new.
const RunCounts = Counts.partial({ changed: true, retracted: true });

const Problem = z
  .object({
    row: z
      .number()
      .int()
      .openapi({ description: "The 1-based line the row starts on; 0 for the file as a whole." }),
    column: z.string().optional(),
    value: z.string().optional(),
    message: z.string(),
  })
  .openapi("ImportProblem");

export const ImportReport = z
  .object({
    id: z.uuid(),
    status: z.enum(["dry_run", "refused", "imported", "unchanged"]).openapi({
      description:
        "dry_run: checked only; refused: the file has problems and nothing was written; imported: written in one change set; unchanged: the ledger already held every record as it is.",
    }),
    rows: z.number().int().openapi({ description: "Source rows read: CSV lines, XML activities." }),
    records: z.object({ parties: Counts, commitments: Counts, tranches: Counts, events: Counts }).openapi({
      description:
        "Records per kind in the file, how many the ledger did not hold yet, and for a publisher's release how many it corrected and retracted. Parties: those the file introduces (an IATI publisher).",
    }),
    problems: z.array(Problem).openapi({ description: "Every problem, in file order, up to 10,000." }),
    problemCount: z.number().int(),
    warnings: z.array(Problem).openapi({
      description:
        "What a reviewer should know about rows that were read, such as a total that does not add up.",
    }),
    warningCount: z.number().int(),
    skipped: z.record(z.string(), z.number().int()).openapi({
      description:
        "Rows outside what the import takes, counted per reason (a deal with another recipient, an activity for another country): neither written nor problems.",
    }),
    changeSet: z.number().int().nullable(),
    datasetVersion: z.number().int(),
  })
  .openapi("ImportReport");

const ImportRun = z
  .object({
    id: z.uuid(),
    status: z.enum(["running", "dry_run", "refused", "imported", "unchanged"]),
    phase: z.enum(["reading", "checking", "writing", "done"]),
    rows: z.number().int(),
    problems: z.number().int().openapi({ description: "Problems found so far." }),
    fileName: z.string(),
    format: z.string(),
    sha256: z.string().nullable().openapi({ description: "Known once the file is read." }),
    bytes: z.number().int().nullable(),
    records: z
      .object({
        parties: RunCounts.optional(),
        commitments: RunCounts,
        tranches: RunCounts,
        events: RunCounts,
      })
      .nullable(),
    changeSet: z.number().int().nullable(),
    actor: z.string(),
    at: z.iso.datetime().openapi({ description: "When it started (running) or ended." }),
  })
  .openapi("ImportRun");

const refusals = {
  401: json(ErrorBody, "Not signed in, or the API token is unknown, expired or revoked."),
  403: json(ErrorBody, "Your role may not import (ministry editors import their own donor's records)."),
};

const optionalText = (description: string) =>
  z.string().trim().min(1).max(300).optional().openapi({ description });

const file = { schema: z.string().openapi({ type: "string", format: "binary" }) };

export const createImport = createRoute({
  method: "post",
  path: importsPath,
  tags: ["Imports"],
  summary: "Import a file: the template (CSV, XLSX), SIPRI, Kiel or IATI, all or nothing",
  description: `The file is the raw request body, streamed into its importer (at most ${maxImportBytes / 2 ** 20} MiB unless the operator set IMPORT_MAX_BYTES). Every row is checked, against the others and the ledger; if any has a problem nothing is written and every problem is listed (422), else the records are written in one change set: a ministry's as its drafts, an administrator's published. Records the ledger already holds as they are are skipped, so the same file twice changes nothing. Send X-Import-Id (a UUID you make) to follow the import with GET /v1/imports/{id} while it runs.`,
  security: writeSecurity,
  middleware: [requireSignIn] as const,
  request: {
    query: z
      .object({
        format: z.enum(importFormatIds),
        dryRun: z
          .enum(["true", "false"])
          .default("false")
          .openapi({ description: "Check only; write nothing." }),
        name: optionalText("The file's name, recorded with the import."),
        release: optionalText("Kiel: the release's label, as release_info.csv gives it."),
        releasePeriod: PartialDate.optional().openapi({
          description: "Kiel: the month the release's data run to.",
        }),
        releaseDate: IsoDate.optional().openapi({ description: "Kiel: the release's date." }),
        donor: PartyId.optional().openapi({
          description:
            "IATI: the donor of every figure, instead of the one each figure's provider or the publishing organisation names.",
        }),
        recipient: PartyId.optional().openapi({
          description: "IATI and SIPRI: whose receipts to import (UA).",
        }),
      })
      .strict(),
    headers: z.object({
      "x-import-id": z
        .uuid()
        .optional()
        .openapi({ description: "Your id for this import, to follow its progress; a fresh one otherwise." }),
    }),
    body: {
      content: {
        "text/csv": file,
        "application/xml": file,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": file,
        "application/octet-stream": file,
      },
      description: "The file, as it is.",
      required: true,
    },
  },
  responses: {
    201: json(z.object({ data: ImportReport, meta: ReadMeta }), "Imported, in the change set named."),
    200: json(
      z.object({ data: ImportReport, meta: ReadMeta }),
      "A dry run's report, or nothing new: the ledger holds every record already.",
    ),
    413: json(ErrorBody, "The file is too large."),
    415: json(ErrorBody, "Not a media type of the format."),
    409: json(ErrorBody, "The X-Import-Id is taken."),
    422: json(
      ErrorBody.extend({ data: ImportReport }),
      "The file has problems: nothing was written. `data` lists every one, by row and column.",
    ),
    ...refusals,
    ...errorResponses,
  },
});

export const listImports = createRoute({
  method: "get",
  path: importsPath,
  tags: ["Imports"],
  summary: "Your organisation's imports, newest first (an administrator's: everyone's)",
  security: writeSecurity,
  middleware: [requireSignIn] as const,
  request: {
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict(),
  },
  responses: {
    200: json(z.object({ data: z.array(ImportRun) }), "The imports."),
    401: refusals[401],
    ...errorResponses,
  },
});

/** The blank template: public, like the data dictionary that describes its columns. */
function template(format: "csv" | "xlsx", mediaType: string, example: string) {
  return createRoute({
    method: "get",
    path: `${importsPath}/template.${format}`,
    tags: ["Imports"],
    summary: `The blank import template as ${format.toUpperCase()}: its header row, to fill in`,
    description:
      format === "xlsx"
        ? "The tracker's template as a workbook a clerk can fill: the records sheet (header only, drop-downs of names and labels on every coded column, every column formatted as text so a spreadsheet keeps dates and amounts as typed), an instructions sheet (every column, on which rows, an example) and an example sheet (a real, cited record written with names and local formats), in the language asked. Import reads the first sheet only: reading it back gives no records and no problems."
        : "The columns of the tracker's template (format template-csv), one row per record to add below them; GET /v1/exports/dictionary describes each column. Names, local amounts and day-first dates are read as the XLSX template's instructions say. Reading it back gives no records and no problems.",
    request: {
      query: z.object({
        lang: z
          .enum(["en", "uk"])
          .optional()
          .openapi({ description: "The language of the instructions, example and drop-downs (XLSX)." }),
      }),
    },
    responses: {
      200: {
        description: `The template as ${format.toUpperCase()}.`,
        headers: z.object({
          "Content-Disposition": z.string().openapi({
            example: `attachment; filename="commitments-tracker-template.${format}"`,
          }),
        }),
        content: { [mediaType]: { schema: z.string().openapi({ format: "binary", example }) } },
      },
      ...errorResponses,
    },
  });
}

export const templateCsv = template("csv", "text/csv", "record,id,commitment,donor,recipient,…\r\n");
export const templateXlsx = template(
  "xlsx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "",
);

export const templateExampleCsv = createRoute({
  method: "get",
  path: `${importsPath}/template-example.csv`,
  tags: ["Imports"],
  summary:
    "An example of the CSV template filled in: a real, cited record written with names and local formats",
  description:
    "The rows of the XLSX template's example sheet under the CSV template's header, in the language asked: what a filled-in file looks like. It imports as it is (by an account that may write its donor's records).",
  request: {
    query: z.object({
      lang: z
        .enum(["en", "uk"])
        .optional()
        .openapi({ description: "The language its names and formats are in." }),
    }),
  },
  responses: {
    200: {
      description: "The example as CSV.",
      headers: z.object({
        "Content-Disposition": z.string().openapi({
          example: 'attachment; filename="commitments-tracker-template-example.csv"',
        }),
      }),
      content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...errorResponses,
  },
});

export const getImport = createRoute({
  method: "get",
  path: `${importsPath}/{id}`,
  tags: ["Imports"],
  summary: "One import: its progress while it runs, its outcome after",
  security: writeSecurity,
  middleware: [requireSignIn] as const,
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: json(z.object({ data: ImportRun }), "The import."),
    401: refusals[401],
    ...notFoundResponse,
    ...errorResponses,
  },
});
