import type { CommandImportResult, ImportResult } from "./import.ts";
import type { ImportHealthResult } from "./import-health.ts";
import type { Bundle } from "./measures.ts";
import { grouped } from "./stats.ts";
import { storeLabels } from "./stores.ts";

export interface Row {
  measure: string;
  store: string;
  figure: string;
  /** null: a figure for context, no target. */
  target: { value: number; atLeast: boolean; unit: string } | null;
  value?: number;
  /** Which explanation applies when the figure falls short. */
  key?: string;
}

/**
 * Why a figure falls short, in one line, from what the measures show (see the notes under the tables). Keyed by
 * the measure; a short figure without an entry says so.
 */
const whyShort: Record<string, string> = {
  "dblimit-pglite":
    "the in-process loop runs only the request's SQL; the API also passes every query's rows from PGlite's thread, assembles the answer (integer sums, periods, flags) and writes it as JSON (about 250 KiB), all on the one core it is pinned to with PGlite's thread",
  "dblimit-postgres":
    "pgbench runs only the request's SQL; the API's process spends more processor time on a request than PostgreSQL does (the figure gives both, measured over the load): the driver's parsing of the rows of sums, the answer's assembly (integer sums, periods, flags) and its JSON (about 250 KiB), on the one core it is pinned to",
  "p99-postgres":
    "10 clients queue on the API's one core behind each other's JavaScript (the rows' parsing, the assembly and JSON of a 1,000-point answer: the processor time a request in the row above), so the slowest waits for several requests' work",
  "health-pglite":
    "PGlite's queries run on a thread of their own, but the series handler's reading of their rows, its assembly and the JSON of its answer run on the event loop, and /health waits behind the one in progress",
  "health-postgres":
    "the series handler's parsing of the rows, assembly and JSON of its answer (the processor time a request in the rows above) run on the event loop, and /health waits behind the requests already in hand, several at a time with 10 clients; PostgreSQL's own processes also take turns on the server's core",
  "http-pglite":
    "the commitment and everything on its page are one statement now, but an anonymous request also counts itself against its address's rate limit in the database (shared by every API process) and reads the dataset version for its cache key: three messages to PGlite's thread, and the answer is checked and written as JSON; the bare route does no work at all",
  "http-postgres":
    "the commitment and everything on its page are one statement now, but an anonymous request also counts itself against its address's rate limit in the database (shared by every API process) and reads the dataset version for its cache key: three round trips to PostgreSQL, and the answer is checked and written as JSON; the bare route does no work at all",
  scaling:
    "the rollups keep the database's part to the answer's rows, and the answer has the same shape at every size (50 donors × 20 quarters), but at the larger size more of its points carry figures, in more currencies (the latency rows give the counts): the rows of sums, their assembly and the JSON grow with them",
  lcp: "the dashboard waits for the series, the chart renderer chunk and the party and agreement lists before drawing",
  chart:
    "the chart is rendered to an SVG string and parsed into the page on the main thread after the data arrives",
  start:
    "tsx compiles the API's TypeScript on every start, and PGlite loads its WebAssembly and data directory (about a second)",
  bundle: "React, React Query and the app shell are in the entry chunk",
  "import-ratio":
    "a bare COPY only moves bytes into a table; the import parses every row in JavaScript, validates it against the core schemas and writes it out again for staging, then checks the staged rows against each other and the ledger and refreshes the series cells. A file's rows are parsed in order, one thread's work (a CSV cannot be cut into rows before it is read): the API reads an upload on an import thread so that its event loop stays free (see The API during an upload), which moves that work without dividing it, and gave no faster import when tried from the command line (100,000 rows on PostgreSQL: 6.6–7.4 s on a thread, 6.5–6.6 s without), so the command reads in its own process",
  "import-memory-postgres":
    "about half is the process with the store open and no rows (Node.js, tsx, the API's modules and their schemas); the import adds the rest while the garbage collector lets its heap grow: the run with the heap capped at 100 MB (below) completes within the target",
  cluster:
    "the processes share two cores with PostgreSQL and the load generator: the shares measured during each run (in the figure) show how much processor time was left for a second API process to use; one process per core pays off where the database has cores of its own",
  "command-import-time":
    "most of the time passes before the first row: the same command on a file of no rows (in the figure) starts Node.js, compiles the API's TypeScript with tsx and opens and checks the store",
  "command-import-memory-pglite":
    "the embedded database runs inside the importing process: the same command on a file of no rows (in the figure) already holds most of it (PGlite's WebAssembly memory and its thread's own heap); PostgreSQL's memory is the server's, not the importer's",
  "command-import-memory-postgres":
    "the same command on a file of no rows (in the figure) holds most of it: Node.js, tsx and the API's modules and their schemas",
  "import-health-pglite":
    "the upload is read on the import thread, its staged lines COPY-ed a thousand at a time and the series refresh reads its events through a cursor 2,000 at a time, with turns of the event loop between; what still holds the loop, as profiled during an upload, is garbage collection of the API process's heap (pauses of 20–56 ms, the staged lines from the thread waiting there for their COPY) and the building of the cells between two turns; the pinned core is shared with the import thread and PGlite's",
  "import-health-postgres":
    "the upload is read on the import thread, its staged lines COPY-ed a thousand at a time and the series refresh reads its events through a cursor 2,000 at a time, with turns of the event loop between; what still holds the loop, as profiled during an upload, is garbage collection of the API process's heap (pauses of 20–56 ms, the staged lines from the thread waiting there for their COPY) and the building of the cells between two turns; the pinned core is shared with the import thread",
  "import-memory-pglite":
    "the embedded database lives in the importing process (its WebAssembly memory and its thread's own JavaScript heap, about 450 MB with the store open), and its working memory grows during the checks and writes; PostgreSQL's memory is the server's, not the importer's",
};

function verdict(row: Row): string {
  if (!row.target || row.value === undefined) return "—";
  const { value: target, atLeast, unit } = row.target;
  const met = atLeast ? row.value >= target : row.value <= target;
  if (met) return "met";
  const by = atLeast
    ? `**short by ${Math.round(((target - row.value) / target) * 100)}%**`
    : `**short by ${(row.value - target).toFixed(unit === " s" ? 2 : 1)}${unit}** (${Math.round(((row.value - target) / target) * 100)}% over)`;
  return `${by}: ${whyShort[row.key ?? ""] ?? "not yet explained"}`;
}

function targetText(row: Row): string {
  if (!row.target) return "—";
  return `${row.target.atLeast ? "≥" : "≤"} ${row.target.value}${row.target.unit}`;
}

function table(rows: Row[]): string[] {
  return [
    "| Measure | Store | Figure | Target | Result |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.measure} | ${r.store} | ${r.figure} | ${targetText(r)} | ${verdict(r)} |`),
  ];
}

function verdictOf(value: number, target: number, atLeast: boolean, key: string): string {
  const met = atLeast ? value >= target : value <= target;
  if (met) return "met";
  const by = atLeast
    ? `**short by ${Math.round(((target - value) / target) * 100)}%**`
    : `**over by ${Math.round(((value - target) / target) * 100)}%**`;
  return `${by}: ${whyShort[key] ?? "not yet explained"}`;
}

const importNote = [
  "The import figure is the command-line import (`apps/api/scripts/import.ts`, the API's pipeline: streaming",
  "parse, validation of every row against the core schemas, COPY into staging tables, set-based checks, one",
  "change set, series refresh) in a process of its own, timed from its first byte to its commit; COPY is a bare",
  "`COPY` of the same file into an unindexed table of text columns (PGlite: in 20,000-row batches from memory,",
  "as the import stages them). The capped run shows the memory is bounded: the import holds one record at a",
  "time and batches of staged rows, never the file, so it completes with a heap far smaller than the file; the",
  "rest of a PGlite process is the embedded database's own memory.",
];

function importSection(results: ImportResult[]): string[] {
  const lines = ["| Measure | Store | Figure | Target | Result |", "| --- | --- | --- | --- | --- |"];
  for (const r of results) {
    const ratio = r.importRowsPerSecond / r.copyRowsPerSecond;
    const store = storeLabels[r.kind];
    lines.push(
      `| Import vs COPY (${grouped(r.rows)}-row template, ${Math.round(r.fileMb)} MB) | ${store} | ` +
        `${grouped(r.importRowsPerSecond)} rows/s ÷ ${grouped(r.copyRowsPerSecond)} rows/s = ${ratio.toFixed(3)} | ≥ 0.5 | ${verdictOf(ratio, 0.5, true, "import-ratio")} |`,
      `| Peak resident memory of the importing process | ${store} | ${r.peakMemoryMb} MB, of which the import added at most ${r.addedMemoryMb} MB over the same process with the store open and no rows | ≤ 300 MB | ${verdictOf(r.peakMemoryMb, 300, false, `import-memory-${r.kind}`)} |`,
      `| The same import with Node's heap capped at ${r.cappedHeapMb} MB (one run) | ${store} | completed, ${grouped(r.capped.rowsPerSecond)} rows/s, peak ${r.capped.peakMemoryMb} MB | completes | met |`,
    );
  }
  return [...lines, "", ...importNote];
}

function commandImportSection(results: CommandImportResult[]): string[] {
  const rows = results.flatMap((r): Row[] => [
    {
      measure: `Command-line import of ${r.file} (${grouped(r.rows)} rows, the SIPRI register's Ukraine file) into a ready store, from the command to its exit`,
      store: storeLabels[r.kind],
      figure: `${r.wallSeconds.toFixed(2)} s (the import itself ${r.importSeconds.toFixed(1)} s; the same command on a file of no rows ${r.idleWallSeconds.toFixed(2)} s)`,
      target: { value: 3, atLeast: false, unit: " s" },
      value: r.wallSeconds,
      key: "command-import-time",
    },
    {
      measure: "Peak resident memory of that command",
      store: storeLabels[r.kind],
      figure: `${r.peakMemoryMb} MB (the same command on a file of no rows: ${r.idleMemoryMb} MB)`,
      target: { value: 300, atLeast: false, unit: " MB" },
      value: r.peakMemoryMb,
      key: `command-import-memory-${r.kind}`,
    },
  ]);
  return [
    ...table(rows),
    "",
    "`node --import tsx scripts/import.ts --format sipri-trade-register --file …` in apps/api, as an operator runs",
    "it, against a fresh store made ready first (migrations and reference data, by the same command on a file of",
    "no rows): the wall time from the command to its exit, the import's own time from its report, and the",
    "process's peak resident memory (`maxRSS`) as the command reports it; medians of the runs (memory: the highest).",
  ];
}

function importHealthSection(results: ImportHealthResult[]): string[] {
  const rows = results.map(
    (r): Row => ({
      measure: `\`/health\` p99 while a ${grouped(r.rows)}-row template file (${Math.round(r.fileMb)} MB) is uploaded to \`POST /v1/imports\``,
      store: storeLabels[r.kind],
      figure: `${r.p99Ms.toFixed(1)} ms (p50 ${r.p50Ms.toFixed(1)} ms, longest ${Math.round(r.maxMs)} ms; ${grouped(r.requests)} requests${r.errors ? `, ${r.errors} errors` : ""}; the upload imported in ${r.importSeconds.toFixed(1)} s)`,
      target: { value: 20, atLeast: false, unit: " ms" },
      value: r.p99Ms,
      key: `import-health-${r.kind}`,
    }),
  );
  return [
    ...table(rows),
    "",
    "The bench server (the production app, one process, pinned to a core) on a fresh store of each kind; an",
    "administrator's token uploads the file while `/health` is asked 50 times a second at fixed times, each answer",
    "timed from when it was due. The upload is read on the API's import thread (apps/api/src/lib/import-pool.ts);",
    "the staging, checks and writes run in the database, driven from the event loop. Medians of the runs' p50 and",
    "p99; the longest wait of all runs.",
  ];
}

/**
 * The import section of the previous BENCHMARKS.md, when this run did not measure imports: kept as it was, with
 * the date and command it was measured by.
 */
function previousImport(previous: string): string[] | null {
  const date = /^- Date: (.+)$/m.exec(previous)?.[1] ?? "unknown";
  const command = /^- Command: (.+)$/m.exec(previous)?.[1] ?? "unknown";
  const keptNote = `Not measured by this run: the figures of the run of ${date} (${command}), kept as they were.`;
  const section = /^## Import\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(previous);
  if (section) {
    const kept = section[1]?.trim().split("\n") ?? [];
    // Kept once already: its note names the run that measured it.
    return kept[0]?.startsWith("Not measured by this run") ? kept : [keptNote, "", ...kept];
  }
  // The first format: one table, the import rows only.
  const rows = previous
    .split("\n")
    .filter((l) => /^\| (Import vs COPY|Peak resident memory|The same import)/.test(l));
  if (rows.length === 0) return null;
  return [
    keptNote,
    "",
    "| Measure | Store | Figure | Target | Result |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    ...importNote,
  ];
}

/** What one run measured: all BENCHMARKS.md is written from, kept in apps/bench/last-run.json. */
export interface RunResults {
  date: string;
  machine: string[];
  command: string;
  runs: number;
  seconds: number;
  clients: number;
  /** The synthetic generator's sizes, in stage events. */
  sizes: number[];
  /** Whether the starter dataset of real data was measured too (runs before it had no such field). */
  starter?: boolean;
  complete: boolean;
  rows: Row[];
  bundle: Bundle | undefined;
  imports: ImportResult[];
  /** The command-line import of a publisher's file (runs before it had no such field). */
  commandImports?: CommandImportResult[];
  /** /health while a file is uploaded to the API (runs before it had no such field). */
  importHealth?: ImportHealthResult[];
  /** Set when this run measured imports only: the serving and web figures are those of this earlier run. */
  servingFrom?: { date: string; command: string };
  /** Observations about the figures that a reader needs to read them right. */
  notes: string[];
}

/** BENCHMARKS.md for a run's results; `previous` (the file as it was) keeps import figures this run did not take. */
export function report(input: RunResults, previous: string): string {
  const sizes = input.sizes.map(grouped).join(", ");
  const measured = [...(input.starter ? ["the starter dataset"] : []), ...input.sizes.map(grouped)].join(
    ", ",
  );
  const lines = ["# Benchmarks", ""];
  if (input.servingFrom) {
    lines.push(
      `> **Partial run** (\`${input.command}\`): the import measures only. The serving and web figures are those of the run of ${input.servingFrom.date} (\`${input.servingFrom.command}\`), kept as they were; the full run is \`pnpm bench\` with no options.`,
      "",
    );
  } else if (!input.complete) {
    lines.push(
      `> **Partial run** (\`${input.command}\`): ${measured} only${input.sizes.includes(1_000_000) ? "" : " — not the 1,000,000-event dataset the targets are set for"}, and only the measures listed. Ratios and targets below are taken over the sizes measured; the full run is \`pnpm bench\` with no options.`,
      "",
    );
  }
  lines.push(
    "Written by `pnpm bench` (apps/bench); do not edit by hand. Ratios are against the raw parts measured in the",
    "same run, since absolute times drift on a shared machine. Each figure is the median of the runs (peak memory:",
    "the highest).",
    "",
    `- Date: ${input.date}`,
    `- Command: \`${input.command}\` (${input.runs} run(s) of each measure; load phases of ${input.seconds} s)`,
    ...input.machine.map((line) => `- Machine: ${line}`),
    `- Dataset: ${[
      ...(input.sizes.length > 0
        ? [
            `the synthetic generator (seed 1, 50 donors, 20,000 commitments) at ${sizes} stage events, bulk-loaded (\`loadSyntheticBulk\`) with the reference dataset into a fresh store of each kind`,
          ]
        : []),
      ...(input.starter
        ? [
            "the starter dataset of real data (Kiel, SIPRI, the ECB's rates), loaded through the import pipeline as the first `npm start` loads it",
          ]
        : []),
    ].join("; and ")}`,
    "- Uncached figures come from a server that keeps no answers, and the targets judge them; cached figures (answers kept by dataset version, as in production) are reported apart, so a cache never hides an uncached shortfall",
    "",
  );
  if (input.rows.length > 0) {
    lines.push("## Serving", "");
    if (input.servingFrom)
      lines.push(
        `Not measured by this run: the figures of the run of ${input.servingFrom.date} (\`${input.servingFrom.command}\`), kept as they were.`,
        "",
      );
    lines.push(...table(input.rows), "");
    lines.push(
      "The API runs in a process of its own (`apps/bench/src/server.ts`: `createApp` over the store, served by",
      "@hono/node-server, request logging off, each anonymous request counted against its address's rate limit in the",
      "database as in production, plus a bare Hono route for the overhead measure); the load comes from",
      `the benchmark's own generators (\`apps/bench/src/loadgen.ts\`, keep-alive \`node:http\`): a closed loop of ${input.clients}`,
      "clients for throughput and p99, and an open loop at a fixed rate for /health, each request timed from when it",
      "was due, so a stalled server cannot hide its slow answers. The database limit is the SQL one series request",
      "runs (captured through the database's query logger), as one read-only repeatable-read transaction: on",
      `PostgreSQL pgbench with ${input.clients} clients and the parameters written in; on PGlite, which has no pgbench and runs`,
      "one query at a time, the same statements in a loop straight through a PGlite instance in the benchmark's process.",
      "With two cores or more the server runs pinned to the last core and, during the load phases, the load",
      "generators to the others (taskset), so the two do not take turns on one core; PostgreSQL's own processes run",
      "on any core, as do pgbench, Chromium and the start and import measures' processes.",
      "",
      ...input.notes.flatMap((note) => [note, ""]),
    );
  }
  if (input.bundle) {
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    const b = input.bundle;
    const initial = b.initialGzip / 1024;
    const row: Row = {
      measure: "Initial JavaScript of the dashboard (entry script and its modulepreloads, gzip -9)",
      store: "—",
      figure: `${kib(b.initialGzip)} (${b.initial.map((f) => `${f.file} ${kib(f.gzip)}`).join(", ")})`,
      target: { value: 150, atLeast: false, unit: " KiB" },
      value: initial,
      key: "bundle",
    };
    lines.push("## Web", "", ...table([row]), "");
    lines.push(
      `Loaded later, on demand (gzip -9): ${b.lazy
        .sort((x, y) => y.gzip - x.gzip)
        .map((f) => `${f.file} ${kib(f.gzip)}`)
        .join(", ")}.`,
      "",
      "The LCP and chart rows (under Serving) load the dashboard from the bench server in headless Chromium",
      "(playwright-core, /usr/bin/chromium), a fresh context each run after one unmeasured warm-up: LCP from a",
      "PerformanceObserver, the chart's appearance from a MutationObserver injected before navigation, measured",
      "from the end of the `/v1/series` response in Resource Timing.",
      "",
    );
  }
  lines.push("## Import", "");
  if (input.imports.length > 0) lines.push(...importSection(input.imports));
  else lines.push(...(previousImport(previous) ?? ["Not measured by this run, and no earlier figures."]));
  if (input.commandImports?.length)
    lines.push("", "## Command-line import", "", ...commandImportSection(input.commandImports));
  if (input.importHealth?.length)
    lines.push("", "## The API during an upload", "", ...importHealthSection(input.importHealth));
  return `${lines.join("\n")}\n`;
}
