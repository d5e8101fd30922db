/**
 * `pnpm bench`: measures the tracker against the limits of its own parts and writes BENCHMARKS.md.
 *
 *   pnpm bench [--sizes starter,10000,100000,1000000] [--only pglite|postgres]
 *              [--measures series,health,http,web,start,cluster,import,command-import,import-health]
 *              [--runs 3] [--seconds 10]
 *              [--rows 1000000]
 *
 * --sizes: stage events of the synthetic dataset (50 donors, 20,000 commitments), each size bulk-loaded into a fresh
 * store of each kind, and `starter`, the starter dataset of real data loaded as the first `npm start` loads it.
 * The series and read measures run on a server that keeps no answers (the uncached figures, which the targets
 * judge) and again on one that keeps them as in production (the cached figures, reported apart); --seconds: how long
 * each load phase lasts; --rows: the import measure's template file. `cluster` runs the series on PostgreSQL through
 * the cluster command with one API process and with one per core (the starter dataset and the largest size);
 * `command-import` runs the command-line import of the starter dataset's SIPRI file on a fresh store of each kind;
 * `import-health` asks /health 50 times a second while a 100,000-row template file is uploaded to the API.
 * `pnpm bench --report` writes BENCHMARKS.md again from the last run's results (apps/bench/last-run.json) without
 * measuring: for a change to the report's wording, never to its figures.
 * PostgreSQL is the server BENCH_DATABASE_URL names (default postgres://postgres@127.0.0.1:5432/postgres); every
 * store is a throw-away database beside it, or a fresh PGlite directory.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { measureCluster } from "./cluster.ts";
import {
  commitments,
  type DatasetSize,
  loadedStore,
  pgbenchTps,
  pgliteTps,
  writePgbenchScript,
} from "./dataset.ts";
import {
  type CommandImportResult,
  commandImportBenchmark,
  type ImportResult,
  importBenchmark,
  writeTemplateFile,
} from "./import.ts";
import { type ImportHealthResult, importHealthBenchmark } from "./import-health.ts";
import { describeMachine } from "./machine.ts";
import {
  type Bundle,
  buildWeb,
  measureBundle,
  measureHealthUnderLoad,
  measureHttp,
  measurePage,
  measureSeries,
  measureStart,
  pinLoadGenerators,
  startBenchServer,
} from "./measures.ts";
import { type RunResults, report } from "./report.ts";
import { progress, rowsOf, type SizeResult } from "./rows.ts";
import { grouped } from "./stats.ts";
import { type StoreKind, storeLabels } from "./stores.ts";

const allMeasures = [
  "series",
  "health",
  "http",
  "web",
  "start",
  "cluster",
  "import",
  "command-import",
  "import-health",
] as const;
type Measure = (typeof allMeasures)[number];
const fullSizes: DatasetSize[] = ["starter", 10_000, 100_000, 1_000_000];

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: fullSizes.join(",") },
    only: { type: "string" },
    measures: { type: "string", default: allMeasures.join(",") },
    runs: { type: "string", default: "3" },
    seconds: { type: "string", default: "10" },
    rows: { type: "string", default: "1000000" },
    report: { type: "boolean", default: false },
  },
  strict: true,
});
const usage = `usage: pnpm bench [--sizes N,N,…] [--only pglite|postgres] [--measures ${allMeasures.join(",")}] [--runs N] [--seconds N] [--rows N ≥ 1000] | pnpm bench --report`;
// The starter dataset first, then the synthetic sizes from the smallest.
const sizes: DatasetSize[] = values.sizes
  .split(",")
  .map((size) => (size === "starter" ? "starter" : Number(size)))
  .sort((a, b) => (a === "starter" ? -1 : b === "starter" ? 1 : a - b));
const syntheticSizes = sizes.filter((size): size is number => size !== "starter");
const measures = new Set(values.measures.split(",") as Measure[]);
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const rowsWanted = Number(values.rows);
if (
  syntheticSizes.some((n) => !Number.isInteger(n) || n < 1000) ||
  [...measures].some((m) => !allMeasures.includes(m)) ||
  (values.only !== undefined && !["pglite", "postgres"].includes(values.only)) ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  !Number.isInteger(seconds) ||
  seconds < 2 ||
  !Number.isInteger(rowsWanted) ||
  rowsWanted < 1000
) {
  throw new Error(usage);
}
const kinds: StoreKind[] = values.only ? [values.only as StoreKind] : ["pglite", "postgres"];
const command = `pnpm bench${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(" ")}` : ""}`;
const clients = 10;
/** The upload /health is measured during: a large ministry file, a few seconds' import. */
const uploadRows = 100_000;
const largest = syntheticSizes.at(-1);
const log = (line: string) => console.error(line);

const benchmarksFile = fileURLToPath(new URL("../../../BENCHMARKS.md", import.meta.url));
const resultsFile = fileURLToPath(new URL("../last-run.json", import.meta.url));
const previous = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, "utf8") : "";

if (values.report) {
  writeFileSync(
    benchmarksFile,
    report(JSON.parse(readFileSync(resultsFile, "utf8")) as RunResults, previous),
  );
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "ct-bench-files-"));
try {
  let bundle: Bundle | undefined;
  const webDist = join(work, "web");
  if (measures.has("web")) {
    log("Web: building apps/web");
    await buildWeb(webDist);
    bundle = measureBundle(webDist);
  }
  const results: SizeResult[] = [];
  const serving = ["series", "health", "http", "web", "start", "cluster"].some((m) =>
    measures.has(m as Measure),
  );
  for (const kind of serving ? kinds : []) {
    for (const size of sizes) {
      log(
        `${storeLabels[kind]}, ${size === "starter" ? "the starter dataset" : `${grouped(size)} events`}: load`,
      );
      const loaded = await loadedStore(kind, size);
      const events = loaded.events;
      const r: SizeResult = {
        kind,
        dataset: loaded.dataset,
        events,
        loadSeconds: loaded.loadSeconds,
        loadParts: loaded.loadParts,
        statements: loaded.seriesSql.length,
        dbLimit: [],
        series: [],
        health: [],
        http: [],
        seriesCached: [],
        httpCached: [],
        page: [],
        start: [],
        cluster: [],
      };
      log(
        `  loaded in ${loaded.loadSeconds.toFixed(1)} s; the series endpoint runs ${loaded.seriesSql.length} statements`,
      );
      try {
        const script = join(work, `series-${kind}-${size}.sql`);
        writePgbenchScript(script, loaded.seriesSql);
        for (let run = 0; run < runs; run++) {
          if (measures.has("series")) {
            const tps =
              kind === "postgres"
                ? await pgbenchTps(loaded.store.url as string, script, clients, seconds)
                : await pgliteTps(loaded.store.dataDir as string, loaded.seriesSql, seconds);
            r.dbLimit.push(tps);
          }
          const withWeb = measures.has("web") && size === largest && run === 0;
          const server = await startBenchServer(loaded, withWeb ? webDist : undefined);
          try {
            pinLoadGenerators(true);
            if (measures.has("series")) r.series.push(await measureSeries(server, seconds, clients));
            if (measures.has("health")) r.health.push(await measureHealthUnderLoad(server, seconds, clients));
            if (measures.has("http"))
              r.http.push(await measureHttp(server, loaded.commitmentId, seconds, clients));
            pinLoadGenerators(false);
            if (withWeb) r.page.push(...(await measurePage(server.url, runs)));
          } finally {
            pinLoadGenerators(false);
            await server.stop();
          }
          if (measures.has("series") || measures.has("http")) {
            const cached = await startBenchServer(loaded, undefined, true);
            try {
              pinLoadGenerators(true);
              if (measures.has("series")) r.seriesCached.push(await measureSeries(cached, seconds, clients));
              if (measures.has("http"))
                r.httpCached.push(await measureHttp(cached, loaded.commitmentId, seconds, clients));
            } finally {
              pinLoadGenerators(false);
              await cached.stop();
            }
          }
          if (measures.has("start") && kind === "pglite" && size === largest) {
            r.start.push(await measureStart(loaded.store.dataDir as string));
          }
          // Several processes share one database: PostgreSQL only (PGlite belongs to one process).
          if (measures.has("cluster") && kind === "postgres" && (size === largest || size === "starter")) {
            r.cluster.push(await measureCluster(loaded, seconds, clients));
          }
          log(`  run ${run + 1}: ${progress(r)}`);
        }
      } finally {
        await loaded.store.dispose();
      }
      results.push(r);
    }
  }

  const imports: ImportResult[] = [];
  if (measures.has("import")) {
    const file = join(work, "template.csv");
    const rows = await writeTemplateFile(file, rowsWanted);
    log(`Import vs COPY: a ${grouped(rows)}-row template file, ${runs} run(s) each`);
    for (const kind of kinds) imports.push(await importBenchmark(kind, file, rows, runs));
  }
  const commandImports: CommandImportResult[] = [];
  if (measures.has("command-import")) {
    log(`The command-line import of the SIPRI file, ${runs} run(s) on each store`);
    for (const kind of kinds) commandImports.push(await commandImportBenchmark(kind, runs, work));
  }

  const importHealth: ImportHealthResult[] = [];
  if (measures.has("import-health")) {
    const file = join(work, "upload.csv");
    const rows = await writeTemplateFile(file, uploadRows);
    log(`/health during an upload of a ${grouped(rows)}-row template file, ${runs} run(s) on each store`);
    for (const kind of kinds) importHealth.push(await importHealthBenchmark(kind, file, rows, runs, work));
  }

  const complete =
    sizes.join(",") === fullSizes.join(",") &&
    allMeasures.every((m) => measures.has(m)) &&
    kinds.length === 2;
  // A run of the import measures alone keeps the serving and web figures of the last run, and says whose they are.
  const kept =
    serving || measures.has("web") || !existsSync(resultsFile)
      ? null
      : (JSON.parse(readFileSync(resultsFile, "utf8")) as RunResults);
  const measured: RunResults = {
    date: new Date().toISOString().slice(0, 10),
    machine: await describeMachine(),
    command,
    runs,
    seconds,
    clients,
    sizes: syntheticSizes,
    starter: sizes.includes("starter"),
    complete,
    rows: rowsOf(results, kinds, clients),
    bundle,
    imports,
    commandImports,
    importHealth,
    notes: syntheticSizes.some((n) => n < 4 * commitments)
      ? [
          `At ${syntheticSizes
            .filter((n) => n < 4 * commitments)
            .map(grouped)
            .join(
              " and ",
            )} events, fewer than four per commitment, the generator gives the events to the first commitments, four or more each, so that each runs from pledge to delivery and the dashboard's query (committed against delivered) has promises and deliveries to show at every size; the other commitments have none.`,
        ]
      : [],
  };
  const run: RunResults = kept
    ? {
        ...measured,
        sizes: kept.sizes,
        starter: kept.starter,
        rows: kept.rows,
        bundle: kept.bundle,
        notes: kept.notes,
        servingFrom: kept.servingFrom ?? { date: kept.date, command: kept.command },
      }
    : measured;
  writeFileSync(resultsFile, `${JSON.stringify(run, null, 2)}\n`);
  const markdown = report(run, previous);
  writeFileSync(benchmarksFile, markdown);
  process.stdout.write(markdown);
} finally {
  rmSync(work, { recursive: true, force: true });
}
