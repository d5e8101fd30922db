/*
 * What one store kind and size measured, run by run, and those figures as the report's rows: medians of the runs,
 * each against its target where the issue sets one.
 */
import { type ClusterFigures, clusterWorkers } from "./cluster.ts";
import { type LoadedStore, seriesPath } from "./dataset.ts";
import type { HealthFigures, HttpFigures, PageFigures, SeriesFigures } from "./measures.ts";
import type { Row } from "./report.ts";
import { grouped, median } from "./stats.ts";
import { type StoreKind, storeLabels } from "./stores.ts";

/** What was measured for one store kind and size, run by run. */
export interface SizeResult {
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

/** One run's figures in a line, for the progress log. */
export function progress(r: SizeResult): string {
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

/** The figures as report rows: medians of the runs, store by store. */
export function rowsOf(results: SizeResult[], kinds: readonly StoreKind[], clients: number): Row[] {
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
    for (const r of mine.filter((m) => m.cluster.length > 0)) rows.push(clusterRow(r, store, clients));
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
function clusterRow(r: SizeResult, store: string, clients: number): Row {
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
