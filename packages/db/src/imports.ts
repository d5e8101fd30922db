import { randomBytes, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { CommitmentRecord, StageEvent, TrancheRecord } from "@commitments/core";
import type { PGlite } from "@electric-sql/pglite";
import { and, desc, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "./client.ts";
import { commitmentEntity, type Entity, eventEntity, rowsOf, trancheEntity } from "./entities.ts";
import { type ChangeSetInput, datasetVersion, openChangeSet, writeTransaction } from "./ledger.ts";
import type { Placement, Visibility } from "./records.ts";
import * as schema from "./schema.ts";
import { imports } from "./schema.ts";
import { refreshSeriesOfChangeSet } from "./series-cells.ts";

/*
 * One pipeline for every import format. The importers turn a file into items, one per source row; this loads
 * them all or nothing:
 *
 * 1. reading: each row's records are COPY-ed, in batches, into temporary tables on a connection of the import's
 *    own. Nothing is held in memory but one batch and the problems found, and no transaction is open meanwhile, so
 *    a slow upload blocks no other request (PGlite runs one transaction at a time).
 * 2. checking: set-based queries over the staged rows find what no single row shows: ids repeated in the file,
 *    references to nothing, measures unlike their commitment's, ids the ledger holds with other content, donors
 *    the importer may not write for. Every problem is reported, up to `maxProblems`, with the total.
 * 3. writing, only when nothing is wrong and it is not a dry run: one write transaction, one change set, INSERT …
 *    SELECT from the staged rows into the version tables, the series cells of the months touched, and the import's
 *    record. A process killed at any point leaves nothing: the temporary tables go with the connection.
 *
 * Records the ledger already holds with the same content are skipped, so importing a file again changes nothing.
 */

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
      records: { commitments: CommitmentRecord[]; tranches: TrancheRecord[]; events: StageEvent[] };
      warnings?: ImportProblem[];
    }
  | { row: number; problems: ImportProblem[] }
  | { row: number; skipped: string };

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

const kinds = ["commitments", "tranches", "events"] as const;
type Kind = (typeof kinds)[number];
export type ImportCounts = Record<Kind, { total: number; new: number }>;

export interface ImportReport {
  id: string;
  status: ImportStatus;
  /** Source rows read (a CSV line, an XML activity). */
  rows: number;
  /** Records per kind in the file, and how many of them the ledger did not hold yet. */
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

export interface ImportParams {
  /** The run's id (a client may choose it to follow progress); a random UUID if absent. */
  id?: string | undefined;
  items: AsyncIterable<ImportItem>;
  /** The file; a function is called once the items are read, when a streamed upload's hash and size are known. */
  file: ImportFile | (() => ImportFile | Promise<ImportFile>);
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

/** Imports above this many records are followed by ANALYZE, so the planner sees the tables as they now are. */
const analyzeAbove = 10_000;

// --- The driver-specific part: a connection of the import's own, and COPY on it --------------------------------

interface ImportConnection {
  db: Db;
  /** Copies CSV text into a table's columns. */
  copy(table: string, columns: readonly string[], csv: string): Promise<void>;
  release(broken: boolean): void;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const copyInto = (table: string, columns: readonly string[]) =>
  `copy ${quoted(table)} (${columns.map(quoted).join(", ")})`;

async function importConnection(db: Db): Promise<ImportConnection> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof pg.Pool || client instanceof pg.Client) {
    // Temporary tables belong to one connection: take one from the pool for the whole import.
    const conn = client instanceof pg.Pool ? await client.connect() : client;
    const own = drizzlePg(conn, { schema, casing: "snake_case" }) as unknown as Db;
    return {
      db: own,
      copy: async (table, columns, csv) => {
        const copy = conn.query(copyFrom(`${copyInto(table, columns)} from stdin with (format csv)`));
        await pipeline(Readable.from([csv]), copy);
      },
      release: (broken) => {
        if (conn !== client) (conn as pg.PoolClient).release(broken);
      },
    };
  }
  // PGlite has one connection, shared by everyone; the temporary tables' names are the import's own.
  const lite = client as PGlite;
  return {
    db,
    copy: async (table, columns, csv) => {
      await lite.query(`${copyInto(table, columns)} from '/dev/blob' with (format csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    release: () => {},
  };
}

// --- Staging -----------------------------------------------------------------------------------------------------

const entityOf = { commitments: commitmentEntity, tranches: trancheEntity, events: eventEntity } as const;
const nounOf = { commitments: "commitment", tranches: "tranche", events: "event" } as const;
const ledgerColumns = new Set([
  "version",
  "changeSetId",
  "validFrom",
  "validTo",
  "retracted",
  "status",
  "organisationId",
]);

/** The data columns of a ledger table, as record keys and SQL names: what a record's `toRow` gives. */
function dataColumns(entity: Entity<{ id: string }>): { key: string; name: string }[] {
  return Object.entries(getTableColumns(entity.table))
    .filter(([key]) => !ledgerColumns.has(key))
    .map(([key, column]) => ({
      key,
      name: column.keyAsName ? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : column.name,
    }));
}
const columnsOf = {
  commitments: dataColumns(commitmentEntity as never),
  tranches: dataColumns(trancheEntity as never),
  events: dataColumns(eventEntity as never),
};

const id = (name: string) => sql.identifier(name);
const list = (names: readonly string[], prefix?: string) =>
  sql.join(
    names.map((name) => (prefix ? sql`${id(prefix)}.${id(name)}` : id(name))),
    sql`, `,
  );

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `"${text.replaceAll('"', '""')}"`;
}

// PostgreSQL text holds no NUL character, and a lone surrogate is not text: refused by name, not by a failed COPY.
function unstorable(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\0") || /\p{Cs}/u.test(value);
  if (value !== null && typeof value === "object") return Object.values(value).some(unstorable);
  return false;
}

/** The problems kept for the report: the first `cap`, and how many there were in all. */
class Problems {
  readonly list: ImportProblem[] = [];
  count = 0;
  constructor(readonly cap: number) {}
  add(problem: ImportProblem) {
    this.count += 1;
    if (this.list.length < this.cap) this.list.push(problem);
  }
  /** Rows to fetch from a check: what still fits, and at least one, so the check's total is counted. */
  get room() {
    return Math.max(this.cap - this.list.length, 1);
  }
}

/**
 * Imports a file's items into the ledger, all or nothing, and records the run. Refused (or a dry run), it writes
 * nothing to the ledger and says why, row by row.
 */
export async function importRecords(db: Db, params: ImportParams): Promise<ImportReport> {
  const importId = params.id ?? randomUUID();
  const problems = new Problems(params.maxProblems ?? 10_000);
  const warnings = new Problems(params.maxProblems ?? 10_000);
  const batchRows = params.batchRows ?? 20_000;
  const tables = Object.fromEntries(
    kinds.map((kind) => [kind, `import_${randomBytes(6).toString("hex")}_${kind}`]),
  ) as Record<Kind, string>;
  let rows = 0;
  const skipped: Record<string, number> = {};
  const progress = (phase: ImportPhase) => params.onProgress?.({ phase, rows, problems: problems.count });

  const conn = await importConnection(db);
  try {
    for (const kind of kinds) {
      await conn.db.execute(
        sql`create temporary table ${id(tables[kind])} as select 0::integer as source_row, ${list(
          columnsOf[kind].map((c) => c.name),
        )} from ${entityOf[kind].table} with no data`,
      );
    }
    // --- reading: stage every record, a batch at a time ----------------------------------------------------------
    const pending: Record<Kind, string[]> = { commitments: [], tranches: [], events: [] };
    const flush = async (kind: Kind) => {
      if (pending[kind].length === 0) return;
      const names = ["source_row", ...columnsOf[kind].map((c) => c.name)];
      await conn.copy(tables[kind], names, pending[kind].join("\n"));
      pending[kind] = [];
    };
    progress("reading");
    for await (const item of params.items) {
      rows += 1;
      if ("problems" in item) {
        for (const problem of item.problems) problems.add(problem);
      } else if ("skipped" in item) {
        skipped[item.skipped] = (skipped[item.skipped] ?? 0) + 1;
      } else {
        for (const warning of item.warnings ?? []) warnings.add(warning);
        for (const kind of kinds) {
          for (const record of item.records[kind] as { id: string }[]) {
            for (const problem of recordProblems(kind, record, item.row, params.refuse))
              problems.add(problem);
            // Checked across rows as well, so every fault of a row is reported; unless COPY could not take it.
            if (Object.values(record).some(unstorable)) continue;
            const values = entityOf[kind].toRow(record as never);
            pending[kind].push(
              [item.row, ...columnsOf[kind].map((c) => values[c.key])].map(csvCell).join(","),
            );
            if (pending[kind].length >= batchRows) await flush(kind);
          }
        }
      }
      if (rows % 1000 === 0) progress("reading");
    }
    for (const kind of kinds) await flush(kind);
    const file = typeof params.file === "function" ? await params.file() : params.file;

    // --- checking, and writing when all is well --------------------------------------------------------------
    progress("checking");
    for (const kind of kinds) {
      await conn.db.execute(sql`create index on ${id(tables[kind])} (id)`);
      // Temporary tables are never analysed on their own; the checks' plans depend on it.
      await conn.db.execute(sql`analyze ${id(tables[kind])}`);
    }
    const work = async (tx: Db): Promise<ImportReport> => {
      const counts = await check(tx, tables, problems, params.refuse, params.sees ?? { drafts: "all" });
      const report = (status: ImportStatus, changeSet: number | null, version: number): ImportReport => ({
        id: importId,
        status,
        rows,
        records: counts,
        problems: [...problems.list].sort((a, b) => a.row - b.row),
        problemCount: problems.count,
        warnings: warnings.list,
        warningCount: warnings.count,
        skipped,
        changeSet,
        datasetVersion: version,
      });
      const record = async (outcome: ImportReport) => {
        await tx.insert(imports).values({
          id: importId,
          fileName: file.name,
          sha256: file.sha256,
          bytes: file.bytes,
          format: file.format,
          importerVersion: file.importerVersion,
          actor: params.changeSet.actor,
          organisationId: params.changeSet.organisationId ?? null,
          userId: params.changeSet.userId ?? null,
          tokenId: params.changeSet.tokenId ?? null,
          status: outcome.status,
          rows,
          records: counts,
          problemCount: outcome.problemCount,
          changeSetId: outcome.changeSet,
        });
        return outcome;
      };
      const current = async () => (await datasetVersion(tx)).version;
      if (params.dryRun) return record(report("dry_run", null, await current()));
      if (problems.count > 0) return record(report("refused", null, await current()));
      const added = kinds.reduce((n, kind) => n + counts[kind].new, 0);
      // The same file again: every record is already there as it is. No empty change set.
      if (added === 0) return record(report("unchanged", null, await current()));

      progress("writing");
      const cs = await openChangeSet(tx, {
        ...params.changeSet,
        origin: "import",
        reason: params.changeSet.reason ?? `import of ${file.name}`,
        metadata: { import: importId, ...file, rows },
      });
      for (const kind of kinds) {
        const { table } = entityOf[kind];
        const names = columnsOf[kind].map((c) => c.name);
        await tx.execute(sql`insert into ${table} (${list(names)}, version, change_set_id, valid_from, valid_to,
            retracted, status, organisation_id)
          select ${list(names, "s")}, 1, ${cs.id}::bigint, ${cs.recordedAt.toISOString()}::timestamptz, null,
            false, ${params.placement.status}::text, ${params.placement.organisation}::text
          from ${id(tables[kind])} s where not exists (select 1 from ${table} l where l.id = s.id)`);
      }
      if (added > analyzeAbove) {
        await tx.execute(sql`analyze commitments, tranches, stage_events`);
      }
      await refreshSeriesOfChangeSet(tx, cs);
      return record(report("imported", cs.id, cs.id));
    };
    const report = params.dryRun ? await work(conn.db) : await writeTransaction(conn.db, work);
    progress("done");
    return report;
  } finally {
    // The staging tables go with the import. Should that fail, a PostgreSQL connection is closed rather than
    // returned to the pool, which drops them too.
    let broken = false;
    for (const kind of kinds) {
      await conn.db.execute(sql`drop table if exists ${id(tables[kind])}`).catch(() => {
        broken = true;
      });
    }
    conn.release(broken);
  }
}

/** What one record shows on its own: text the database cannot hold, a confidence the actor may not state. */
function recordProblems(
  kind: Kind,
  record: { id: string },
  row: number,
  refuse: ImportParams["refuse"],
): ImportProblem[] {
  const found: ImportProblem[] = [];
  for (const [field, value] of Object.entries(record)) {
    if (unstorable(value)) {
      found.push({ row, column: field, message: "contains a NUL character or a lone surrogate" });
    }
  }
  const confidence = kind === "events" ? (record as StageEvent).confidence : undefined;
  const refused = confidence === undefined ? null : (refuse?.confidence?.(confidence) ?? null);
  if (refused !== null) found.push({ row, column: "confidence", value: confidence, message: refused });
  return found;
}

interface Found {
  row: number;
  column: string;
  value: string | null;
  message: string;
  total: number;
}

/** Whether the ledger row `l` is one the importer may see (records.ts's visibility, as SQL on an alias). */
function seenBy(visibility: Visibility): SQL {
  if (visibility.drafts === "all") return sql`true`;
  if (visibility.drafts === "none") return sql`l.status = 'published'`;
  return sql`(l.status = 'published' or l.organisation_id = ${visibility.organisation})`;
}

/**
 * The checks across rows and against the ledger, set-based over the staged tables. Adds what it finds to
 * `problems`; returns the records per kind and how many are new.
 */
async function check(
  tx: Db,
  tables: Record<Kind, string>,
  problems: Problems,
  refuse: ImportParams["refuse"],
  sees: Visibility,
): Promise<ImportCounts> {
  const seen = seenBy(sees);
  // Each check selects (row, column, value, message); what fits in the report is fetched, the rest counted.
  const run = async (query: SQL) => {
    const found = rowsOf<Found>(
      await tx.execute(sql`select x.*, count(*) over ()::int as total from (${query}) x
        order by x."row" limit ${problems.room}`),
    );
    for (const f of found) {
      problems.add({
        row: f.row,
        column: f.column,
        ...(f.value === null ? {} : { value: f.value }),
        message: f.message,
      });
    }
    problems.count += (found[0]?.total ?? 0) - found.length;
  };
  const c = id(tables.commitments);
  const staged = (kind: Kind) => id(tables[kind]);
  // Every commitment a record of the file may belong to: in the file, or current in the ledger and seen by the
  // importer (another organisation's draft is no parent: it answers as one that does not exist).
  const parents = sql`(select distinct on (id) id, donor, measure_kind, currency, unit, item from ${c}
      order by id, source_row)
    union all
    (select id, donor, measure_kind, currency, unit, item from commitments l
      where l.valid_to is null and not l.retracted and ${seen}
        and not exists (select 1 from ${c} s where s.id = l.id))`;

  for (const kind of kinds) {
    const s = staged(kind);
    const { table } = entityOf[kind];
    const noun = nounOf[kind];
    // An id twice in the file: the later rows are problems, whatever they hold.
    await run(sql`select source_row as "row", 'id' as "column", id as value,
        'the ' || ${noun}::text || ' id appears already on row ' || first || ' of the file' as message
      from (select source_row, id, row_number() over (partition by id order by source_row) as n,
        min(source_row) over (partition by id) as first from ${s}) d where n > 1`);
    // An id the ledger holds: with the same values it is skipped; otherwise a problem naming what differs. A record
    // the importer may not see is never compared: its id is taken, whatever the file says of it.
    const differs = sql`array_to_string(array[${sql.join(
      columnsOf[kind]
        .filter((col) => col.name !== "id")
        .map(
          (col) =>
            sql`case when l.${id(col.name)} is distinct from s.${id(col.name)} then ${col.key}::text end`,
        ),
      sql`, `,
    )}], ', ')`;
    await run(sql`select s.source_row as "row", 'id' as "column", s.id as value,
        case when not ${seen} then 'this id is taken: choose another'
          when l.retracted then 'a retracted ' || ${noun}::text || ' had this id: it stays taken'
          else 'the ledger holds this ' || ${noun}::text || ' with other values: ' || ${differs} end as message
      from ${s} s join ${table} l on l.id = s.id and l.valid_to is null
      where not ${seen} or l.retracted or ${differs} <> ''`);
    if (kind !== "commitments") {
      await run(sql`select s.source_row as "row", 'commitment' as "column", s.commitment_id as value,
          case when p.id is null then 'no commitment with this id, in the file or the ledger'
            else 'measured otherwise than its commitment, in ' || coalesce(p.currency, p.unit || ' of ' || p.item)
          end as message
        from ${s} s left join (${parents}) p on p.id = s.commitment_id
        where p.id is null or (s.measure_kind, s.currency, s.unit, s.item)
          is distinct from (p.measure_kind, p.currency, p.unit, p.item)`);
    }
  }
  // A commitment's parties and agreement must be in the ledger.
  for (const [column, field, target] of [
    ["donor", "donor", "parties"],
    ["recipient", "recipient", "parties"],
    ["agreement_id", "agreement", "agreements"],
  ] as const) {
    await run(sql`select s.source_row as "row", ${field}::text as "column", s.${id(column)} as value,
        ${`no ${target === "parties" ? "party" : "agreement"} with this id`}::text as message
      from ${c} s where s.${id(column)} is not null and not exists (select 1 from ${id(target)} t
        where t.id = s.${id(column)} and t.valid_to is null and not t.retracted)`);
  }
  // Whose records these are: every donor the file writes for is asked about once; a refused donor's rows, each once.
  if (refuse) {
    const owners = sql`select source_row, id as commitment from ${c}
      union all select source_row, commitment_id from ${staged("tranches")}
      union all select source_row, commitment_id from ${staged("events")}`;
    const donors = rowsOf<{ donor: string }>(
      await tx.execute(
        sql`select distinct p.donor from (${owners}) o join (${parents}) p on p.id = o.commitment`,
      ),
    );
    const refused = donors.flatMap(({ donor }) => {
      const reason = refuse.donor(donor);
      return reason === null ? [] : [{ donor, reason }];
    });
    if (refused.length > 0) {
      await run(sql`select distinct o.source_row as "row", 'donor' as "column", p.donor as value, r.reason as message
        from (${owners}) o join (${parents}) p on p.id = o.commitment
        join jsonb_to_recordset(${JSON.stringify(refused)}::jsonb) as r(donor text, reason text)
          on r.donor = p.donor`);
    }
  }
  const counts = {} as ImportCounts;
  for (const kind of kinds) {
    const [n] = rowsOf<{ total: number; new: number }>(
      await tx.execute(sql`select count(*)::int as total, (count(*) filter (where not exists
          (select 1 from ${entityOf[kind].table} l where l.id = s.id)))::int as "new"
        from ${staged(kind)} s`),
    );
    counts[kind] = n ?? { total: 0, new: 0 };
  }
  return counts;
}

export type ImportRun = typeof imports.$inferSelect;

/** The runs, newest first: an organisation's own, or (undefined) everyone's. */
export async function listImports(
  db: Db,
  options: { organisationId?: string | undefined; limit: number },
): Promise<ImportRun[]> {
  return db
    .select()
    .from(imports)
    .where(
      options.organisationId === undefined ? undefined : eq(imports.organisationId, options.organisationId),
    )
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(options.limit);
}

export async function getImport(
  db: Db,
  importId: string,
  organisationId?: string,
): Promise<ImportRun | undefined> {
  const [row] = await db
    .select()
    .from(imports)
    .where(
      and(
        eq(imports.id, importId),
        organisationId === undefined ? undefined : eq(imports.organisationId, organisationId),
      ),
    );
  return row;
}
