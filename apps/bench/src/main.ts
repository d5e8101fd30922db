/**
 * `pnpm bench`: measures the tracker against the limits of its own parts and writes BENCHMARKS.md.
 *
 *   pnpm bench [--sizes starter,10000,100000,1000000] [--only pglite|postgres]
 *              [--measures series,health,http,web,start,cluster,import,command-import] [--runs 3] [--seconds 10]
 *              [--rows 1000000]
 *
 * --sizes: stage events of the synthetic dataset (50 donors, 20,000 commitments), each size bulk-loaded into a fresh
 * store of each kind, and `starter`, the starter dataset of real data loaded as the first `npm start` loads it.
 * The series and read measures run on a server that keeps no answers (the uncached figures, which the targets
 * judge) and again on one that keeps them as in production (the cached figures, reported apart); --seconds: how long
 * each load phase lasts; --rows: the import measure's template file. `cluster` runs the series on PostgreSQL through
 * the cluster command with one API process and with one per core (the starter dataset and the largest size);
 * `command-import` runs the command-line import of the starter dataset's SIPRI file on a fresh store of each kind.
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
import { type ClusterFigures, clusterWorkers, measureCluster } from "./cluster.ts";
import {
  commitments,
  type DatasetSize,
  type LoadedStore,
  loadedStore,
  pgbenchTps,
  pgliteTps,
  seriesPath,
  writePgbenchScript,
} from "./dataset.ts";
import {
  type CommandImportResult,
  commandImportBenchmark,
  type ImportResult,
  importBenchmark,
  writeTemplateFile,
} from "./import.ts";
import { describeMachine } from "./machine.ts";
import {
  type Bundle,
  buildWeb,
  type HealthFigures,
  type HttpFigures,
  measureBundle,
  measureHealthUnderLoad,
  measureHttp,
  measurePage,
  measureSeries,
  measureStart,
  type PageFigures,
  pinLoadGenerators,
  type SeriesFigures,
  startBenchServer,
} from "./measures.ts";
import { type Row, type RunResults, report } from "./report.ts";
import { grouped, median } from "./stats.ts";
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
const largest = syntheticSizes.at(-1);
const log = (line: string) => console.error(line);

/** What was measured for one store kind and size, run by run. */
interface SizeResult {
  kind: StoreKind;
  dataset: LoadedStore["dataset"];
  events: number;
  loadSeconds: number;
  loadParts: LoadedStore["loadParts"];
  statements: number;
  dbLimit: number[];
  series: SeriesFigures[];
  health: HealthFigures[];
  http: HttpFigures[];
  /** The same on a server that keeps public answers, as in production. */
  seriesCached: SeriesFigures[];
  httpCached: HttpFigures[];
  page: PageFigures[];
  start: number[];
  /** Run by run: one API process, then one per core (PostgreSQL only). */
  cluster: ClusterFigures[][];
}

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
    rows: rowsOf(results),
    bundle,
    imports,
    commandImports,
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

function progress(r: SizeResult): string {
  const parts: string[] = [];
  const last = <T>(list: T[]) => list.at(-1);
  const s = last(r.series);
  if (s)
    parts.push(
      `series ${s.latencyMs.toFixed(1)} ms alone, ${s.requestsPerSecond.toFixed(0)} req/s (p99 ${s.p99Ms.toFixed(1)} ms)`,
    );
  const d = last(r.dbLimit);
  if (d !== undefined) parts.push(`database ${d.toFixed(0)} tps`);
  const h = last(r.health);
  if (h) parts.push(`health p99 ${h.p99Ms.toFixed(1)} ms under load`);
  const x = last(r.http);
  if (x) parts.push(`read ${x.readPerSecond.toFixed(0)} req/s vs bare ${x.barePerSecond.toFixed(0)} req/s`);
  if (r.page.length) parts.push(`LCP ${median(r.page.map((p) => p.lcpMs)).toFixed(0)} ms`);
  const sc = last(r.seriesCached);
  if (sc)
    parts.push(`cached: series ${sc.requestsPerSecond.toFixed(0)} req/s (p99 ${sc.p99Ms.toFixed(1)} ms)`);
  const xc = last(r.httpCached);
  if (xc) parts.push(`cached: read ${xc.readPerSecond.toFixed(0)} req/s`);
  const st = last(r.start);
  if (st !== undefined) parts.push(`start ${st.toFixed(2)} s`);
  const cl = last(r.cluster);
  if (cl)
    parts.push(
      `cluster: ${cl.map((c) => `${c.workers} process(es) ${c.requestsPerSecond.toFixed(0)} req/s (cores ${Math.round(c.cpu.busy * 100)}% busy)`).join(", ")}`,
    );
  return parts.join("; ");
}

/** How a row names its dataset. */
function sizeLabel(r: SizeResult): string {
  return r.dataset === "starter"
    ? `the starter dataset (${grouped(r.events)} events)`
    : `${grouped(r.events)} events`;
}

/** The figures as report rows: medians of the runs. */
function rowsOf(results: SizeResult[]): Row[] {
  const rows: Row[] = [];
  for (const kind of kinds) {
    const mine = results.filter((r) => r.kind === kind);
    if (mine.length === 0) continue;
    const store = storeLabels[kind];
    for (const r of mine) {
      rows.push(
        r.dataset === "starter"
          ? {
              measure: `Load of the starter dataset (${grouped(r.events)} events; the import pipeline, ANALYZE)`,
              store,
              figure: `${r.loadSeconds.toFixed(1)} s (import ${(r.loadParts.series / 1000).toFixed(1)} s, ANALYZE ${(r.loadParts.analyze / 1000).toFixed(1)} s)`,
              target: null,
            }
          : {
              measure: `Bulk load of ${grouped(r.events)} events (COPY, series cells, ANALYZE)`,
              store,
              figure: `${r.loadSeconds.toFixed(1)} s (COPY ${(r.loadParts.copy / 1000).toFixed(1)} s, cells ${(r.loadParts.series / 1000).toFixed(1)} s, ANALYZE ${(r.loadParts.analyze / 1000).toFixed(1)} s)`,
              target: null,
            },
      );
    }
    const withSeries = mine.filter((r) => r.series.length > 0);
    for (const r of withSeries) {
      const latency = median(r.series.map((s) => s.latencyMs));
      const answer = r.series[0]?.answer;
      rows.push({
        measure: `\`${seriesPath}\` median latency, one client, uncached, ${sizeLabel(r)}`,
        store,
        figure: `${latency.toFixed(1)} ms${answer ? ` (answer: ${answer.groups} groups, ${grouped(answer.points)} points, ${grouped(answer.withFigures)} of them with figures, ${Math.round(answer.bytes / 1024)} KiB)` : ""}`,
        target: null,
      });
    }
    // Scaling is over the synthetic sizes: the starter dataset is another shape of data, not another size.
    const synthetic = withSeries.filter((r) => r.dataset === "synthetic");
    const first = synthetic[0];
    const last = synthetic.at(-1);
    if (first && last && last !== first) {
      const ratio =
        median(last.series.map((s) => s.latencyMs)) / median(first.series.map((s) => s.latencyMs));
      rows.push({
        measure: `Series scaling: median latency at ${grouped(last.events)} ÷ at ${grouped(first.events)} events`,
        store,
        figure: ratio.toFixed(2),
        target: { value: 2, atLeast: false, unit: "" },
        value: ratio,
        key: "scaling",
      });
    }
    for (const r of withSeries) {
      const rps = median(r.series.map((s) => s.requestsPerSecond));
      const tps = median(r.dbLimit);
      const p99 = median(r.series.map((s) => s.p99Ms));
      const cpu = r.series.flatMap((s) => (s.cpu ? [s.cpu] : []));
      const spent =
        cpu.length === 0
          ? ""
          : kind === "postgres"
            ? `; processor time a request: API ${median(cpu.map((c) => c.apiMs)).toFixed(1)} ms, PostgreSQL ${median(cpu.map((c) => c.postgresMs)).toFixed(1)} ms (cores ${Math.round(median(cpu.map((c) => c.busy)) * 100)}% busy)`
            : `; processor time a request: ${median(cpu.map((c) => c.apiMs)).toFixed(1)} ms in the API's process, PGlite's thread included (cores ${Math.round(median(cpu.map((c) => c.busy)) * 100)}% busy)`;
      rows.push({
        measure: `Series vs the database limit, ${clients} clients, uncached, ${sizeLabel(r)} (${r.statements} statements a request)`,
        store,
        figure: `${rps.toFixed(0)} req/s ÷ ${tps.toFixed(0)} ${kind === "postgres" ? "pgbench TPS" : "in-process PGlite TPS"} = ${(rps / tps).toFixed(2)}${spent}`,
        target: { value: 0.7, atLeast: true, unit: "" },
        value: rps / tps,
        key: `dblimit-${kind}`,
      });
      rows.push({
        measure: `Series p99 at ${clients} clients, uncached, ${sizeLabel(r)}`,
        store,
        figure: `${p99.toFixed(1)} ms`,
        target: kind === "postgres" ? { value: 50, atLeast: false, unit: " ms" } : null,
        value: p99,
        key: `p99-${kind}`,
      });
    }
    for (const r of mine.filter((m) => m.health.length > 0)) {
      const p99 = median(r.health.map((h) => h.p99Ms));
      rows.push({
        measure: `\`/health\` p99 at 50 req/s while ${clients} clients hammer the series endpoint, uncached, ${sizeLabel(r)}`,
        store,
        figure: `${p99.toFixed(1)} ms (p50 ${median(r.health.map((h) => h.p50Ms)).toFixed(1)} ms; series ${median(r.health.map((h) => h.seriesPerSecond)).toFixed(0)} req/s meanwhile)`,
        target: { value: 20, atLeast: false, unit: " ms" },
        value: p99,
        key: `health-${kind}`,
      });
    }
    for (const r of mine.filter((m) => m.http.length > 0)) {
      const read = median(r.http.map((h) => h.readPerSecond));
      const bare = median(r.http.map((h) => h.barePerSecond));
      rows.push({
        measure: `HTTP overhead: \`GET /v1/commitments/{id}\` ÷ a bare Hono route, ${clients} clients, uncached, ${sizeLabel(r)}`,
        store,
        figure: `${read.toFixed(0)} req/s ÷ ${bare.toFixed(0)} req/s = ${(read / bare).toFixed(2)}`,
        target: { value: 0.5, atLeast: true, unit: "" },
        value: read / bare,
        key: `http-${kind}`,
      });
    }
    // Cached: the answers kept as in production, apart from the uncached figures the targets judge.
    for (const r of mine.filter((m) => m.seriesCached.length > 0)) {
      const rps = median(r.seriesCached.map((s) => s.requestsPerSecond));
      const uncached = median(r.series.map((s) => s.requestsPerSecond));
      rows.push({
        measure: `Series at ${clients} clients, answers kept (cached), ${sizeLabel(r)}`,
        store,
        figure: `${rps.toFixed(0)} req/s, p99 ${median(r.seriesCached.map((s) => s.p99Ms)).toFixed(1)} ms${uncached > 0 ? ` (${(rps / uncached).toFixed(1)}× uncached)` : ""}`,
        target: null,
      });
    }
    for (const r of mine.filter((m) => m.httpCached.length > 0)) {
      const read = median(r.httpCached.map((h) => h.readPerSecond));
      const bare = median(r.httpCached.map((h) => h.barePerSecond));
      rows.push({
        measure: `HTTP overhead, answers kept (cached): \`GET /v1/commitments/{id}\` ÷ a bare Hono route, ${clients} clients, ${sizeLabel(r)}`,
        store,
        figure: `${read.toFixed(0)} req/s ÷ ${bare.toFixed(0)} req/s = ${(read / bare).toFixed(2)}`,
        target: null,
      });
    }
    for (const r of mine.filter((m) => m.page.length > 0)) {
      const lcp = median(r.page.map((p) => p.lcpMs)) / 1000;
      const chart = median(r.page.map((p) => p.chartAfterDataMs));
      rows.push({
        measure: `Dashboard LCP, headless Chromium, cold cache, ${sizeLabel(r)}`,
        store,
        figure: `${lcp.toFixed(2)} s`,
        target: { value: 1.5, atLeast: false, unit: " s" },
        value: lcp,
        key: "lcp",
      });
      rows.push({
        measure: `Main chart drawn after its \`/v1/series\` response ended, ${sizeLabel(r)}`,
        store,
        figure: `${chart.toFixed(0)} ms`,
        target: { value: 100, atLeast: false, unit: " ms" },
        value: chart,
        key: "chart",
      });
    }
    for (const r of mine.filter((m) => m.cluster.length > 0)) rows.push(clusterRow(r, store));
    for (const r of mine.filter((m) => m.start.length > 0)) {
      const s = median(r.start);
      rows.push({
        measure: `Embedded start (\`node --import tsx src/main.ts\`, loaded PGlite directory, ${sizeLabel(r)}) to the first answer`,
        store,
        figure: `${s.toFixed(2)} s`,
        target: { value: 5, atLeast: false, unit: " s" },
        value: s,
        key: "start",
      });
    }
  }
  return rows;
}

/** Several API processes against one: the series throughput's ratio, and where the cores' time went meanwhile. */
function clusterRow(r: SizeResult, store: string): Row {
  const one = r.cluster.map((run) => run[0] as ClusterFigures);
  const many = r.cluster.map((run) => run[1] as ClusterFigures);
  const rps = (list: ClusterFigures[]) => median(list.map((c) => c.requestsPerSecond));
  const share = (list: ClusterFigures[], pick: (c: ClusterFigures) => number) =>
    `${Math.round(median(list.map(pick)) * 100)}%`;
  const cores = (list: ClusterFigures[]) =>
    `cores ${share(list, (c) => c.cpu.busy)} busy: API ${share(list, (c) => c.cpu.api)}, PostgreSQL ${share(list, (c) => c.cpu.postgres)}, load generator ${share(list, (c) => c.cpu.loadGenerator)}`;
  const ratio = rps(many) / rps(one);
  const errors = [...one, ...many].reduce((n, c) => n + c.errors, 0);
  return {
    measure: `Several processes (\`start:cluster\`): series req/s with ${clusterWorkers} API processes ÷ with one, ${clients} clients, uncached, nothing pinned, ${sizeLabel(r)}`,
    store,
    figure:
      `${rps(many).toFixed(0)} req/s ÷ ${rps(one).toFixed(0)} req/s = ${ratio.toFixed(2)}; p99 ${median(many.map((c) => c.p99Ms)).toFixed(0)} ms against ${median(one.map((c) => c.p99Ms)).toFixed(0)} ms; ` +
      `of all cores' time, one process: ${cores(one)}; ${clusterWorkers} processes: ${cores(many)}` +
      (errors > 0 ? `; ${errors} answers other than 200` : ""),
    target: { value: 1.6, atLeast: true, unit: "" },
    value: ratio,
    key: "cluster",
  };
}
