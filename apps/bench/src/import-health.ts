import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { importCommand, writeEmptyTemplate } from "./import.ts";
import { openLoop } from "./loadgen.ts";
import { startBenchServer } from "./measures.ts";
import { median, percentile } from "./stats.ts";
import { freshStore, type StoreKind } from "./stores.ts";

/*
 * The API while a large file is uploaded to it: /health asked 50 times a second, at fixed times whatever the
 * answers do, from the first byte of the upload to its report. The upload is read on an import thread and staged,
 * checked and written by the pipeline; what /health waits for is whatever of that still runs on the event loop.
 */

export interface ImportHealthResult {
  kind: StoreKind;
  rows: number;
  fileMb: number;
  runs: number;
  /** The upload from its first byte to its report: median, s. */
  importSeconds: number;
  /** /health during the upload: the medians of the runs' p50 and p99, and the longest wait of all runs, ms. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  errors: number;
}

/** Each run on a fresh store made ready first (migrations, reference data), with a bench server of its own. */
export async function importHealthBenchmark(
  kind: StoreKind,
  file: string,
  rows: number,
  runs: number,
  workDir: string,
): Promise<ImportHealthResult> {
  const empty = writeEmptyTemplate(join(workDir, "empty-template.csv"));
  const body = readFileSync(file);
  const seconds: number[] = [];
  const p50: number[] = [];
  const p99: number[] = [];
  let max = 0;
  let requests = 0;
  let errors = 0;
  for (let run = 0; run < runs; run++) {
    const store = await freshStore(kind);
    try {
      await importCommand(store, empty, true);
      const server = await startBenchServer({ store }, undefined, false, true);
      try {
        const stop = new AbortController();
        const health = openLoop(`${server.url}/health`, 50, 3_600_000, stop.signal);
        const started = performance.now();
        const response = await fetch(`${server.url}/v1/imports?format=template-csv&name=bench.csv`, {
          method: "POST",
          body,
          headers: { authorization: `Bearer ${server.token}`, "content-type": "text/csv" },
        });
        const answer = (await response.json()) as { data?: { status?: string; rows?: number } };
        seconds.push((performance.now() - started) / 1000);
        stop.abort();
        const answered = await health;
        if (response.status !== 201 || answer.data?.status !== "imported" || answer.data.rows !== rows)
          throw new Error(
            `the upload was not imported (${response.status}): ${JSON.stringify(answer).slice(0, 500)}`,
          );
        p50.push(percentile(answered.latencies, 50));
        p99.push(percentile(answered.latencies, 99));
        max = Math.max(max, ...answered.latencies);
        requests += answered.latencies.length;
        errors += answered.errors;
        console.error(
          `  ${kind} run ${run + 1}: ${rows} rows uploaded in ${seconds.at(-1)?.toFixed(1)} s; /health p50 ${p50.at(-1)?.toFixed(1)} ms, p99 ${p99.at(-1)?.toFixed(1)} ms, longest ${Math.max(...answered.latencies).toFixed(0)} ms`,
        );
      } finally {
        await server.stop();
      }
    } finally {
      await store.dispose();
    }
  }
  return {
    kind,
    rows,
    fileMb: statSync(file).size / 2 ** 20,
    runs,
    importSeconds: median(seconds),
    p50Ms: median(p50),
    p99Ms: median(p99),
    maxMs: max,
    requests,
    errors,
  };
}
