/*
 * Stores loaded with the synthetic dataset (50 donors, 20,000 commitments, N stage events; deterministic) by the
 * database package's bulk loader, and what the series endpoint asks of them: its SQL, captured as it runs, run
 * again as the database's own limit (pgbench on PostgreSQL; the same statements in a loop through PGlite).
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { createApp } from "@commitments/api";
import { loadStarterData } from "@commitments/api/starter-data";
import { createDb, loadDataset, loadSyntheticBulk } from "@commitments/db";
import { generateSynthetic, referenceDataset } from "@commitments/reference";
import { PGlite } from "@electric-sql/pglite";
import { freshStore, type Store, type StoreKind } from "./stores.ts";

export const donors = 50;
export const commitments = 20_000;
export const seed = 1;
/** The dashboard's first query: by donor, by quarter, in euros. */
export const seriesPath = "/v1/series?groupBy=donor&interval=quarter&currency=EUR";

export interface Statement {
  query: string;
  params: unknown[];
}

/** A size of the benchmark: stage events of the synthetic generator, or the starter dataset of real data. */
export type DatasetSize = number | "starter";

export interface LoadedStore {
  kind: StoreKind;
  /** The synthetic generator's, or the starter dataset's (Kiel, SIPRI, the ECB's rates, as `npm start` loads it). */
  dataset: "synthetic" | "starter";
  events: number;
  store: Store;
  /** Seconds the bulk load took, and its parts. */
  loadSeconds: number;
  loadParts: { copy: number; series: number; analyze: number };
  /** The statements one GET of `seriesPath` runs, in order, transaction control left out. */
  seriesSql: Statement[];
  /** A published commitment, for the read endpoint. */
  commitmentId: string;
}

const control = /^\s*(begin|commit|rollback|set transaction|savepoint|release)\b/i;

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * A fresh store of `kind` with the reference dataset (as the API loads it at start) and `events` synthetic events,
 * or the starter dataset of real data loaded through the import pipeline, as the first `npm start` loads it.
 */
export async function loadedStore(kind: StoreKind, size: DatasetSize): Promise<LoadedStore> {
  const store = await freshStore(kind);
  const captured: Statement[] = [];
  let capturing = false;
  const database = await createDb({
    databaseUrl: store.url,
    dataDir: store.dataDir,
    logger: { logQuery: (query, params) => capturing && captured.push({ query, params }) },
  });
  try {
    await database.migrate();
    await loadDataset(database.db, referenceDataset());
    const started = performance.now();
    let loaded: { events: number; timings: LoadedStore["loadParts"]; commitmentId: string };
    if (size === "starter") {
      await loadStarterData(database.db, silent);
      const analyzed = performance.now();
      await database.db.execute("analyze");
      const [busiest] = rowsOf<{ commitment: string; events: number }>(
        await database.db.execute(`select commitment_id as commitment, count(*)::int as events
          from stage_events where valid_to is null group by commitment_id order by 2 desc, 1 limit 1`),
      );
      const [count] = rowsOf<{ n: number }>(
        await database.db.execute("select count(*)::int as n from stage_events where valid_to is null"),
      );
      if (!busiest || !count) throw new Error("the starter dataset loaded no stage events");
      const analyze = performance.now() - analyzed;
      loaded = {
        events: count.n,
        timings: { copy: 0, series: analyzed - started, analyze },
        commitmentId: busiest.commitment,
      };
    } else {
      const dataset = generateSynthetic({ seed, donors, commitments, events: size });
      const result = await loadSyntheticBulk(database.db, dataset);
      if (result.events !== size) throw new Error(`loaded ${result.events} events, not ${size}`);
      loaded = {
        events: result.events,
        timings: result.timings,
        commitmentId: dataset.commitments[0]?.id as string,
      };
    }
    const loadSeconds = (performance.now() - started) / 1000;
    const app = createApp({ db: database.db });
    capturing = true;
    const response = await app.request(seriesPath);
    capturing = false;
    if (response.status !== 200)
      throw new Error(`GET ${seriesPath}: ${response.status} ${await response.text()}`);
    return {
      kind,
      dataset: size === "starter" ? "starter" : "synthetic",
      events: loaded.events,
      store,
      loadSeconds,
      loadParts: loaded.timings,
      seriesSql: captured.filter((s) => !control.test(s.query)),
      commitmentId: loaded.commitmentId,
    };
  } finally {
    await database.close();
  }
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** A parameter as an SQL literal, for a pgbench script. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  const text =
    value instanceof Date ? value.toISOString() : typeof value === "string" ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/** The statements as a pgbench script: one transaction, as readSeries runs them, parameters written in. */
export function pgbenchScript(statements: readonly Statement[]): string {
  const body = statements.map(({ query, params }) =>
    query.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1])).replace(/\s+/g, " "),
  );
  return [
    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;",
    ...body.map((s) => `${s};`),
    "COMMIT;",
    "",
  ].join("\n");
}

const run = promisify(execFile);

/** pgbench's TPS (without the initial connections) for the script, `clients` clients for `seconds`. */
export async function pgbenchTps(
  url: string,
  file: string,
  clients: number,
  seconds: number,
): Promise<number> {
  const { stdout } = await run(
    "pgbench",
    ["-n", "-c", String(clients), "-j", "2", "-T", String(seconds), "-f", file, url],
    {
      maxBuffer: 16 * 2 ** 20,
    },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
  if (!tps) throw new Error(`pgbench said:\n${stdout}`);
  return Number(tps[1]);
}

export function writePgbenchScript(file: string, statements: readonly Statement[]): void {
  writeFileSync(file, pgbenchScript(statements));
}

/**
 * PGlite's limit for the same work: the statements, one transaction after another, straight through a PGlite
 * instance in this process, for `seconds`. PGlite runs one query at a time, so concurrent callers could only queue.
 */
export async function pgliteTps(
  dataDir: string,
  statements: readonly Statement[],
  seconds: number,
): Promise<number> {
  const lite = await PGlite.create(dataDir);
  try {
    const once = () =>
      lite.transaction(async (tx) => {
        await tx.query("set transaction isolation level repeatable read, read only");
        for (const { query, params } of statements) await tx.query(query, params);
      });
    for (let i = 0; i < 5; i++) await once();
    let done = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    while (performance.now() < deadline) {
      await once();
      done += 1;
    }
    return (done / (performance.now() - started)) * 1000;
  } finally {
    await lite.close();
  }
}
