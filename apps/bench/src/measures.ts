import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { withCpuShares } from "./cpu.ts";
import { type LoadedStore, seriesPath } from "./dataset.ts";
import { closedLoop, type LoadResult, openLoop, sequential } from "./loadgen.ts";
import { median, percentile } from "./stats.ts";

const benchDir = fileURLToPath(new URL("../", import.meta.url));
const apiDir = fileURLToPath(new URL("../../api/", import.meta.url));
const webDir = fileURLToPath(new URL("../../web/", import.meta.url));

/**
 * With two cores or more (and taskset), the bench server runs on the last core and, during the load phases, this
 * process — the load generators — on the others, so the generator and the server do not take turns on one core.
 * PostgreSQL's own processes may run on any; everything else the benchmark starts (pgbench, Chromium, the import
 * and start measures' processes) runs unpinned.
 */
const cores = availableParallelism();
export const serverCore = cores >= 2 && existsSync("/usr/bin/taskset") ? cores - 1 : null;

/** Keeps the load generators (this process, every thread) off the server's core while `on`; all cores after. */
export function pinLoadGenerators(on: boolean): void {
  if (serverCore === null) return;
  execFileSync("taskset", ["-a", "-cp", `0-${on ? serverCore - 1 : cores - 1}`, String(process.pid)]);
}

export interface RunningServer {
  url: string;
  /** An administrator's API token, when the server was asked for one (`importer`). */
  token?: string | undefined;
  /** The API's process (its root, for a cluster). */
  pid: number;
  stop(): Promise<void>;
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

/**
 * The bench server (src/server.ts) over a loaded store, in a process of its own; `cached`: public answers kept, as
 * in production; `importer`: with an administrator's token for uploads.
 */
export function startBenchServer(
  loaded: Pick<LoadedStore, "store">,
  webDistDir?: string,
  cached = false,
  importer = false,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, "--import", "tsx", "src/server.ts"];
    const pinned = serverCore === null ? command : ["taskset", "-c", String(serverCore), ...command];
    const child = spawn(pinned[0] as string, pinned.slice(1), {
      cwd: benchDir,
      env: {
        ...process.env,
        ...loaded.store.env,
        WEB_DIST_DIR: webDistDir ?? "",
        BENCH_READ_CACHE: cached ? "on" : "off",
        BENCH_IMPORTER: importer ? "on" : "off",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk;
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) {
        child.stdout?.off("data", onData);
        resolve({
          url: `http://127.0.0.1:${port}`,
          token: /^token (\S+)$/m.exec(output)?.[1],
          pid: child.pid as number,
          stop: async () => {
            child.kill("SIGTERM");
            await exited(child);
          },
        });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code) =>
      reject(new Error(`the bench server exited with ${code}:\n${output.slice(-2000)}`)),
    );
  });
}

async function ok(url: string): Promise<void> {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
}

export interface SeriesFigures {
  /** One client, one request after another: the median latency, ms. */
  latencyMs: number;
  /** 10 clients: requests/s and the 99th percentile, ms. */
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  /**
   * Processor time a request took under the 10 clients' load, ms: the API's process (with PGlite, the database's
   * thread is in it) and PostgreSQL's processes; and how busy all cores were.
   */
  cpu?: { apiMs: number; postgresMs: number; busy: number };
  /** The size of the answer: what a read's cost should follow. */
  answer: { groups: number; points: number; withFigures: number; bytes: number };
}

export async function measureSeries(
  server: RunningServer,
  seconds: number,
  clients: number,
): Promise<SeriesFigures> {
  const url = server.url + seriesPath;
  await sequential(url, 20);
  const alone = await sequential(url, 100);
  const [loaded, shares] = await withCpuShares(server.pid, () => closedLoop(url, clients, seconds * 1000));
  // A share of all cores' time over the phase, as milliseconds of one core a request.
  const perRequest = (share: number) =>
    (share * cores * loaded.elapsedMs) / Math.max(1, loaded.latencies.length);
  const body = await (await fetch(url)).text();
  const { data } = JSON.parse(body) as {
    data: { groups: { points: { promised: string; delivered: string }[] }[] };
  };
  const points = data.groups.flatMap((g) => g.points);
  return {
    answer: {
      groups: data.groups.length,
      points: points.length,
      withFigures: points.filter((p) => Number(p.promised) !== 0 || Number(p.delivered) !== 0).length,
      bytes: Buffer.byteLength(body),
    },
    cpu: { apiMs: perRequest(shares.api), postgresMs: perRequest(shares.postgres), busy: shares.busy },
    latencyMs: median(alone.latencies),
    requestsPerSecond: loaded.requestsPerSecond,
    p99Ms: percentile(loaded.latencies, 99),
    errors: alone.errors + loaded.errors,
  };
}

export interface HealthFigures {
  p99Ms: number;
  p50Ms: number;
  requests: number;
  seriesPerSecond: number;
  errors: number;
}

/** /health at a fixed 50 requests/s while `clients` clients hammer the series endpoint. */
export async function measureHealthUnderLoad(
  server: RunningServer,
  seconds: number,
  clients: number,
): Promise<HealthFigures> {
  await ok(`${server.url}/health`);
  const [series, health] = await Promise.all([
    closedLoop(server.url + seriesPath, clients, seconds * 1000),
    // Started a moment later and ended a moment earlier, so every health request meets the full load.
    new Promise<LoadResult>((resolve) =>
      setTimeout(() => resolve(openLoop(`${server.url}/health`, 50, (seconds - 1) * 1000)), 500),
    ),
  ]);
  return {
    p99Ms: percentile(health.latencies, 99),
    p50Ms: percentile(health.latencies, 50),
    requests: health.latencies.length,
    seriesPerSecond: series.requestsPerSecond,
    errors: health.errors + series.errors,
  };
}

export interface HttpFigures {
  readPerSecond: number;
  barePerSecond: number;
  readP99Ms: number;
  errors: number;
}

/** A published-data read against a bare Hono route in the same process, `clients` clients each. */
export async function measureHttp(
  server: RunningServer,
  commitmentId: string,
  seconds: number,
  clients: number,
): Promise<HttpFigures> {
  const read = `${server.url}/v1/commitments/${commitmentId}`;
  const bare = `${server.url}/bench/bare`;
  await ok(read);
  await ok(bare);
  await closedLoop(bare, clients, 500);
  await closedLoop(read, clients, 500);
  const b = await closedLoop(bare, clients, seconds * 1000);
  const r = await closedLoop(read, clients, seconds * 1000);
  return {
    readPerSecond: r.requestsPerSecond,
    barePerSecond: b.requestsPerSecond,
    readP99Ms: percentile(r.latencies, 99),
    errors: r.errors + b.errors,
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The production start command on a loaded PGlite directory, to its first answered request: seconds. */
export async function measureStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: apiDir,
    env: {
      ...process.env,
      PGLITE_DATA_DIR: dataDir,
      DATABASE_URL: "",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      // A restart of a loaded store: the bulk-loaded directory lacks the starter dataset, which the first start of
      // a real directory loads once (STARTER_DATA=auto) and which the first measured start here would load instead.
      STARTER_DATA: "false",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${stderr}`);
      if (performance.now() - started > 120_000) throw new Error("the API did not answer within 120 s");
      try {
        const response = await fetch(`http://127.0.0.1:${port}/health`);
        await response.arrayBuffer();
        if (response.status === 200) return (performance.now() - started) / 1000;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill("SIGTERM");
    await exited(child);
  }
}

export interface Bundle {
  /** The entry script and its modulepreloads: file and gzip bytes. */
  initial: { file: string; gzip: number }[];
  initialGzip: number;
  /** Every other script: loaded later, on demand. */
  lazy: { file: string; gzip: number }[];
}

/** Builds the web app into `outDir` with its own Vite. */
export function buildWeb(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(webDir, "node_modules/.bin/vite"),
      ["build", "--outDir", outDir, "--emptyOutDir"],
      {
        cwd: webDir,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build: ${code}\n${stderr}`)),
    );
  });
}

/** The initial JavaScript of a built web app: what index.html loads before anything else, gzipped. */
export function measureBundle(outDir: string): Bundle {
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  const initialFiles = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = tag.startsWith("<script") && /type="module"/.test(tag);
    const isPreload = tag.startsWith("<link") && /rel="modulepreload"/.test(tag);
    const ref = /(?:src|href)="\/?([^"]+)"/.exec(tag)?.[1];
    if ((isEntry || isPreload) && ref) initialFiles.add(ref);
  }
  const gzip = (file: string) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
  const assets = readdirSync(join(outDir, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => `assets/${f}`)
    .filter((f) => statSync(join(outDir, f)).isFile());
  const initial = [...initialFiles].map((file) => ({ file, gzip: gzip(file) }));
  const lazy = assets.filter((f) => !initialFiles.has(f)).map((file) => ({ file, gzip: gzip(file) }));
  return { initial, initialGzip: initial.reduce((n, f) => n + f.gzip, 0), lazy };
}

export interface PageFigures {
  lcpMs: number;
  /** From the end of the /v1/series response to the chart's SVG in the page. */
  chartAfterDataMs: number;
}

// Injected before the page's own scripts: the largest contentful paint as it is reported, and the moment the
// chart's SVG first appears.
const observers = `
  window.__bench = { lcp: 0, chartAt: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.lcp = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new MutationObserver(() => {
    if (!window.__bench.chartAt && document.querySelector(".chart svg")) window.__bench.chartAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

/** The dashboard in headless Chromium, a fresh context (cold cache) a run. */
export async function measurePage(url: string, runs: number): Promise<PageFigures[]> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-sync",
    ],
  });
  const figures: PageFigures[] = [];
  try {
    for (let run = 0; run < runs + 1; run++) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.addInitScript(observers);
        await page.goto(`${url}/`, { waitUntil: "load" });
        await page.waitForSelector(".chart svg", { timeout: 60_000 });
        // LCP is reported after the paint: give it time to settle.
        await page.waitForTimeout(1000);
        const result = await page.evaluate<{ lcp: number; chartAt: number; seriesEnd: number }>(`(() => {
          const series = performance.getEntriesByType("resource").filter((e) => e.name.includes("/v1/series"));
          return { ...window.__bench, seriesEnd: series.length ? series[0].responseEnd : NaN };
        })()`);
        // The first run warms the server (and Chromium's own start): not counted.
        if (run > 0) figures.push({ lcpMs: result.lcp, chartAfterDataMs: result.chartAt - result.seriesEnd });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}
