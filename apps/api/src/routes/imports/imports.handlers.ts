import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import { CommitmentRecord } from "@commitments/core";
import {
  getImport as findImport,
  listImports as findImports,
  type ImportProgress,
  type ImportReport,
} from "@commitments/db";
import {
  formatById,
  templateGuide,
  writeTemplateCsv,
  writeTemplateExampleCsv,
  writeTemplateXlsx,
} from "@commitments/importers";
import { referenceCommitments } from "@commitments/reference";
import type { Context } from "hono";
import { allow, isAdministrator, principalOf } from "../../lib/auth/authorise.ts";
import type { AppEnv, Principal } from "../../lib/context.ts";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { importTooLarge, runImport } from "../../lib/imports.ts";
import type {
  createImport,
  getImport,
  listImports,
  templateCsv as templateCsvRoute,
  templateExampleCsv as templateExampleCsvRoute,
  templateXlsx as templateXlsxRoute,
} from "./imports.routes.ts";

/** Imports under way in this process, for their progress; the imports table has them once they end. */
const running = new Map<
  string,
  {
    organisationId: string;
    fileName: string;
    format: string;
    actor: string;
    at: Date;
    progress: ImportProgress;
  }
>();

const mayFollow = (principal: Principal, organisationId: string | null) =>
  isAdministrator(principal.actor) || organisationId === principal.organisationId;

export const create: AppRouteHandler<typeof createImport> = async (c) => {
  const principal = principalOf(c);
  // Whether the principal may import at all; each donor in the file is asked about as it is read.
  allow(principal, "import.run", { donor: principal.actor.organisation.party });
  const { format, dryRun, name, ...options } = c.req.valid("query");
  const id = c.req.valid("header")["x-import-id"] ?? crypto.randomUUID();
  checkMediaType(c, format);
  const maxBytes = c.get("maxImportBytes");
  // A declared size over the limit is refused unread; a chunked upload is counted as it arrives (runImport).
  if (Number(c.req.header("content-length") ?? 0) > maxBytes) throw importTooLarge(maxBytes);
  const db = c.get("db");
  if (running.has(id) || (await findImport(db, id))) {
    throw new ApiError("CONFLICT", `An import with id ${id} exists already`, [
      { location: "header", path: "x-import-id", message: "already used" },
    ]);
  }
  const body = c.req.raw.body;
  if (!body)
    throw new ApiError("VALIDATION_FAILED", "Send the file as the request body", [
      { location: "body", path: "", message: "empty" },
    ]);
  const fileName = name ?? `upload${formatById(format)?.extensions[0] ?? ""}`;
  const entry = {
    organisationId: principal.organisationId,
    fileName,
    format,
    actor: principal.label,
    at: new Date(),
    progress: { phase: "reading", rows: 0, problems: 0 } as ImportProgress,
  };
  running.set(id, entry);
  let report: ImportReport;
  try {
    report = await runImport(db, {
      format,
      options,
      input: body,
      name: fileName,
      dryRun: dryRun === "true",
      id,
      maxBytes,
      readers: c.get("importReaders"),
      importer: {
        actor: principal.actor,
        label: principal.label,
        organisationId: principal.organisationId,
        userId: principal.userId,
        tokenId: principal.tokenId,
      },
      onProgress: (progress) => {
        entry.progress = progress;
      },
    });
  } finally {
    running.delete(id);
  }
  const meta = { datasetVersion: report.datasetVersion, asOf: new Date().toISOString() };
  if (report.status === "refused") {
    // The error contract, with the whole report beside it: every row and column at fault.
    return c.json(
      {
        error: {
          code: "UNPROCESSABLE" as const,
          message: `The file has ${report.problemCount} problem(s): nothing was imported`,
          details: report.problems.slice(0, 100).map((p) => ({
            location: "body",
            path: `row ${p.row}${p.column === undefined ? "" : `, ${p.column}`}`,
            message: p.value === undefined ? p.message : `${p.message} (${p.value})`,
          })),
          requestId: c.get("requestId"),
        },
        data: report,
      },
      422,
    );
  }
  return report.status === "imported"
    ? c.json({ data: report, meta }, 201)
    : c.json({ data: report, meta }, 200);
};

function checkMediaType(c: Context<AppEnv>, format: string) {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const accepted = [...(formatById(format)?.mediaTypes ?? []), "application/octet-stream"];
  if (!accepted.includes(type)) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", `Send a ${format} file as ${accepted.join(" or ")}`, [
      {
        location: "header",
        path: "content-type",
        message: `expected ${accepted.join(" or ")}, got ${type || "nothing"}`,
      },
    ]);
  }
}

type Run = NonNullable<Awaited<ReturnType<typeof findImport>>>;

function runView(run: Run) {
  return {
    id: run.id,
    status: run.status,
    phase: "done" as const,
    rows: run.rows,
    problems: run.problemCount,
    fileName: run.fileName,
    format: run.format,
    sha256: run.sha256,
    bytes: run.bytes,
    records: run.records as ImportReport["records"],
    changeSet: run.changeSetId,
    actor: run.actor,
    at: run.createdAt.toISOString(),
  };
}

export const list: AppRouteHandler<typeof listImports> = async (c) => {
  const principal = principalOf(c);
  const { limit } = c.req.valid("query");
  const runs = await findImports(c.get("db"), {
    organisationId: isAdministrator(principal.actor) ? undefined : principal.organisationId,
    limit,
  });
  return c.json({ data: runs.map(runView) }, 200);
};

export const get: AppRouteHandler<typeof getImport> = async (c) => {
  const principal = principalOf(c);
  const { id } = c.req.valid("param");
  const underway = running.get(id);
  if (underway && mayFollow(principal, underway.organisationId)) {
    return c.json(
      {
        data: {
          id,
          status: "running" as const,
          ...underway.progress,
          fileName: underway.fileName,
          format: underway.format,
          sha256: null,
          bytes: null,
          records: null,
          changeSet: null,
          actor: underway.actor,
          at: underway.at.toISOString(),
        },
      },
      200,
    );
  }
  const run = await findImport(c.get("db"), id);
  // Another organisation's import is not found, not forbidden: its existence is not ours to confirm.
  if (!run || !mayFollow(principal, run.organisationId))
    throw new ApiError("NOT_FOUND", `No import with id "${id}"`);
  return c.json({ data: runView(run) }, 200);
};

const attachment = (format: string) => ({
  "Content-Disposition": `attachment; filename="commitments-tracker-template.${format}"`,
});

/** The template with no records: its header row only, written by the same writers as the exports. */
export const templateCsv: AppRouteHandler<typeof templateCsvRoute> = async (c) => {
  let text = "";
  for await (const line of writeTemplateCsv([])) text += line;
  return c.body(text, 200, {
    "Content-Type": "text/csv; charset=utf-8; header=present",
    ...attachment("csv"),
  });
};

/** The example a clerk is shown: a real funding line of the reference data, with its source, as recorded. */
function templateExampleRecords() {
  const facility = referenceCommitments.find((c) => c.id === "eu-ukraine-facility-2024-2027");
  return {
    commitments: facility ? [CommitmentRecord.parse(facility)] : [],
    tranches: [],
    events: [],
  };
}

export const templateExampleCsv: AppRouteHandler<typeof templateExampleCsvRoute> = async (c) => {
  const { lang = "en" } = c.req.valid("query");
  let text = "";
  for await (const line of writeTemplateExampleCsv(templateExampleRecords(), lang)) text += line;
  return c.body(text, 200, {
    "Content-Type": "text/csv; charset=utf-8; header=present",
    "Content-Disposition": 'attachment; filename="commitments-tracker-template-example.csv"',
  });
};

export const templateXlsx: AppRouteHandler<typeof templateXlsxRoute> = async (c) => {
  const out = new PassThrough();
  const { lang = "en" } = c.req.valid("query");
  const [, bytes] = await Promise.all([
    writeTemplateXlsx([], out, templateGuide(templateExampleRecords(), lang)),
    buffer(out),
  ]);
  return c.body(new Uint8Array(bytes), 200, {
    "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ...attachment("xlsx"),
  });
};
